/**
 * 专家随机抽取 (通知第五条第二款; docs/domain.md §6): the city bureau draws N experts for an application with the same
 * verifiable algorithm as the provincial spot-check draw ({@link drawSample}). This module builds the
 * pool the algorithm sees — active experts of the application's city (or the 省直 pseudo-city 430000)
 * whose occupations meet the application's, minus recusals — and draws from it with a given seed.
 * Randomness stays outside: the server generates the seed and commits to its hash first.
 */
import { invalid } from '../errors';
import { ALGORITHM_VERSION, drawSample, hashPool, hashSeed } from '../draw';
import {
  recusalLines,
  recusalsFor,
  type DrawApplication,
  type PoolExpert,
  type Recusal,
  type RecusalOptions,
} from './expert-recusal';

/** The most experts one draw may take ([policy] counts above this are refused). */
export const MAX_EXPERT_DRAW_COUNT = 15;

/** Active, same city (or 430000 for province-level units), at least one occupation in common. */
export function isEligibleExpert(expert: PoolExpert, application: DrawApplication): boolean {
  if (!expert.active || expert.cityCode !== application.cityCode) return false;
  const wanted = new Set(application.occupationCodes);
  return expert.occupationCodes.some((c) => wanted.has(c));
}

export interface ExpertDrawPool {
  /** Codes of the eligible experts before recusal. */
  eligible: string[];
  recusals: Recusal[];
  /** What the algorithm draws from: eligible minus recused, sorted. */
  pool: string[];
}

export function buildExpertDrawPool(
  experts: readonly PoolExpert[],
  application: DrawApplication,
  options: RecusalOptions,
): ExpertDrawPool {
  if (application.occupationCodes.length === 0) {
    throw invalid('DRAW_NO_OCCUPATIONS', '申请没有申报职业（工种），无法抽取评审专家');
  }
  const eligibleExperts = experts.filter((e) => isEligibleExpert(e, application));
  const recusals = recusalsFor(eligibleExperts, application, options);
  const recused = new Set(recusals.map((r) => r.expertCode));
  const eligible = eligibleExperts.map((e) => e.code).sort();
  return { eligible, recusals, pool: eligible.filter((c) => !recused.has(c)) };
}

export function assertDrawCount(count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > MAX_EXPERT_DRAW_COUNT) {
    throw invalid(
      'DRAW_COUNT_INVALID',
      `抽取专家人数应为1至${MAX_EXPERT_DRAW_COUNT}之间的整数，当前为"${count}"`,
    );
  }
}

export interface ExpertDrawCommitment {
  algorithmVersion: string;
  poolHash: string;
  recusalHash: string;
  seedHash: string;
}

/** Hashes of what the draw is committed to (published before the seed). */
export async function commitExpertDraw(
  pool: readonly string[],
  recusals: readonly Recusal[],
  seedHex: string,
): Promise<ExpertDrawCommitment> {
  return {
    algorithmVersion: ALGORITHM_VERSION,
    poolHash: await hashPool([...pool]),
    recusalHash: await hashPool(recusalLines(recusals)),
    seedHash: await hashSeed(seedHex),
  };
}

/**
 * Draws `count` codes from the (recusal-free) pool. `DRAW_POOL_TOO_SMALL` with the numbers when the
 * pool cannot supply them, so the bureau knows to widen the pool rather than retry.
 */
export async function drawExperts(
  pool: readonly string[],
  count: number,
  seedHex: string,
): Promise<string[]> {
  assertDrawCount(count);
  if (pool.length < count) {
    throw invalid(
      'DRAW_POOL_TOO_SMALL',
      `可抽取专家不足${count}人（回避后仅${pool.length}人），请先补充该市州、该职业的专家库`,
    );
  }
  return drawSample([...pool], count, seedHex);
}

export interface ExpertDrawRecord {
  algorithmVersion: string;
  pool: readonly string[];
  recusals: readonly Recusal[];
  count: number;
  seed: string;
  poolHash: string;
  recusalHash: string;
  seedHash: string;
  result: readonly string[];
}

export interface ExpertDrawReplay {
  matches: boolean;
  recomputed: { poolHash: string; recusalHash: string; seedHash: string; result: string[] | null };
  /** What differs, e.g. ['poolHash', 'result'] — empty when it matches. */
  mismatches: string[];
  error: string | null;
}

/** Re-runs a stored draw with this same code: every hash and the result must come out identical. */
export async function replayExpertDraw(record: ExpertDrawRecord): Promise<ExpertDrawReplay> {
  const mismatches: string[] = [];
  let error: string | null = null;
  let result: string[] | null = null;
  let hashes = { poolHash: '', recusalHash: '', seedHash: '' };
  try {
    if (record.algorithmVersion !== ALGORITHM_VERSION) {
      throw invalid('DRAW_ALGORITHM_UNKNOWN', `不支持的抽取算法版本"${record.algorithmVersion}"`);
    }
    const c = await commitExpertDraw(record.pool, record.recusals, record.seed);
    hashes = { poolHash: c.poolHash, recusalHash: c.recusalHash, seedHash: c.seedHash };
    result = await drawSample([...record.pool], record.count, record.seed);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  if (hashes.poolHash !== record.poolHash) mismatches.push('poolHash');
  if (hashes.recusalHash !== record.recusalHash) mismatches.push('recusalHash');
  if (hashes.seedHash !== record.seedHash) mismatches.push('seedHash');
  if (result === null || result.join('\n') !== record.result.join('\n')) mismatches.push('result');
  const recused = new Set(record.recusals.map((r) => r.expertCode));
  if (record.result.some((c) => recused.has(c))) mismatches.push('recusedDrawn');
  return {
    matches: mismatches.length === 0 && error === null,
    recomputed: { ...hashes, result },
    mismatches,
    error,
  };
}
