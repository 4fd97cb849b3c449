/**
 * The stored shape of a spot-check draw (spot_check_draws) and what both the staff and the public views
 * read from it: the parameters, the result, labels, the public-text guard for reasons that are
 * published, and the lookups shared by the commit, draw, result and publication use cases.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  applicationStateLabel,
  invalid,
  notFound,
  SPOT_CHECK_RECUSAL_RULE_LABELS,
  type SpotCheckDrawRecord,
  type SpotCheckRecusal,
  type SpotCheckRecusalRule,
  type SpotCheckSelection,
  SPOT_CHECK_DRAW_STATE_LABELS,
  type SpotCheckDrawState,
} from '@skillcert/domain';
import type { Executor } from '../../db/client';
import { spotCheckDraws } from '../../db/schema';

export type DrawRow = typeof spotCheckDraws.$inferSelect;
export type DrawKind = 'round' | 'replacement';
export type DrawStatus = SpotCheckDrawState;

export const DRAW_STATUS_LABELS = SPOT_CHECK_DRAW_STATE_LABELS;
export const DRAW_KIND_LABELS: Record<DrawKind, string> = {
  round: '抽查对象与督导人员抽取',
  replacement: '督导人员替换抽取',
};

/** `params` of a draw: the public parameters plus internal links (never published as such). */
export interface StoredDrawParams {
  kind: DrawKind;
  sampleRatioPercent: number | null;
  poolSize: number;
  sampleSize: number;
  inspectorsPerTarget: number;
  sameCityRecusal: boolean;
  cutoffAt: string;
  /** Replacement draws: the target, the replaced inspectors and the round draw they belong to. */
  applicationNumber: string | null;
  applicationId?: string | null;
  replacedInspectorCodes: string[];
  replacedAssignmentIds?: string[];
  rootDrawId: string | null;
  /** Set when a committed (undrawn) commitment is voided; its seed is then published too. */
  voided?: { reason: string; at: string; by: string } | null;
}

export interface StoredSkipped {
  applicationNumber: string;
  status: string;
}

export interface StoredDrawResult {
  selected: SpotCheckSelection[];
  notSelected: string[];
  skipped: StoredSkipped[];
}

export const paramsOf = (d: DrawRow): StoredDrawParams => d.params as StoredDrawParams;
export const resultOf = (d: DrawRow): StoredDrawResult | null =>
  (d.result as StoredDrawResult | null) ?? null;
export const recusalsOf = (d: DrawRow): SpotCheckRecusal[] => (d.recusals as SpotCheckRecusal[]) ?? [];
export const statusOfDraw = (d: DrawRow): DrawStatus => d.status;

/** The seed is secret until the draw is made (or the commitment voided, so nobody can fish for seeds). */
export const publishedSeed = (d: DrawRow): string | null =>
  d.status === 'drawn' || d.status === 'void' ? d.seed : null;

export function presentParams(p: StoredDrawParams) {
  return {
    kind: p.kind,
    sampleRatioPercent: p.sampleRatioPercent,
    poolSize: p.poolSize,
    sampleSize: p.sampleSize,
    inspectorsPerTarget: p.inspectorsPerTarget,
    sameCityRecusal: p.sameCityRecusal,
    cutoffAt: p.cutoffAt,
    applicationNumber: p.applicationNumber,
    replacedInspectorCodes: p.replacedInspectorCodes ?? [],
  };
}

export function presentRecusals(d: DrawRow) {
  return recusalsOf(d).map((r) => ({
    applicationNumber: r.applicationNumber,
    inspectorCode: r.inspectorCode,
    rule: r.rule,
    ruleLabel: SPOT_CHECK_RECUSAL_RULE_LABELS[r.rule as SpotCheckRecusalRule] ?? r.rule,
    reason: r.reason,
  }));
}

export function presentResult(d: DrawRow) {
  if (d.status !== 'drawn') return null;
  const r = resultOf(d);
  if (!r) return null;
  return {
    selected: r.selected,
    notSelected: r.notSelected,
    skipped: (r.skipped ?? []).map((s) => ({ ...s, statusLabel: applicationStateLabel(s.status) })),
  };
}

/** The fields shared by the staff and the public summaries. */
export function summaryFields(d: DrawRow, roundTitle: string, replacesNumber: string | null) {
  const p = paramsOf(d);
  const status = statusOfDraw(d);
  return {
    id: d.id,
    number: d.number,
    roundId: d.roundId,
    roundTitle,
    kind: p.kind,
    kindLabel: DRAW_KIND_LABELS[p.kind],
    status,
    statusLabel: DRAW_STATUS_LABELS[status],
    poolSize: p.poolSize,
    sampleSize: p.sampleSize,
    inspectorsPerTarget: p.inspectorsPerTarget,
    reason: d.reason,
    replacesDrawId: d.replacesDrawId,
    replacesNumber,
    committedAt: d.committedAt.toISOString(),
    drawnAt: d.drawnAt?.toISOString() ?? null,
    resultsPublishedAt: d.resultsPublishedAt?.toISOString() ?? null,
    voided: p.voided ? { reason: p.voided.reason, at: p.voided.at } : null,
  };
}

/** The record the domain replays (what is public), from a stored row. */
export function replayRecordOf(d: DrawRow): SpotCheckDrawRecord {
  const p = paramsOf(d);
  const result = resultOf(d);
  return {
    algorithmVersion: d.algorithmVersion,
    kind: p.kind,
    sampleRatioPercent: p.sampleRatioPercent,
    sampleSize: p.sampleSize,
    inspectorsPerTarget: p.inspectorsPerTarget,
    targetPool: (d.targetPool as string[]) ?? [],
    targetPoolHash: d.targetPoolHash,
    inspectorPool: (d.inspectorPool as string[]) ?? [],
    inspectorPoolHash: d.inspectorPoolHash,
    recusals: recusalsOf(d),
    recusalHash: d.recusalHash,
    seedHash: d.seedHash,
    seed: publishedSeed(d),
    result:
      d.status === 'drawn' && result ? { selected: result.selected, notSelected: result.notSelected } : null,
  };
}

const UUID = /^[0-9a-f-]{36}$/i;

export async function getDraw(
  db: Executor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<DrawRow> {
  if (!UUID.test(id)) throw notFound();
  const query = db.select().from(spotCheckDraws).where(eq(spotCheckDraws.id, id)).limit(1);
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

/** By id or by public number (CC2026-01). */
export async function findDraw(db: Executor, idOrNumber: string): Promise<DrawRow> {
  const key = idOrNumber.trim();
  if (UUID.test(key)) return getDraw(db, key);
  if (!/^[A-Z]{2}\d{4}-\d{2,}$/.test(key)) throw notFound();
  const [row] = await db.select().from(spotCheckDraws).where(eq(spotCheckDraws.number, key)).limit(1);
  if (!row) throw notFound();
  return row;
}

/** Public numbers of the draws some rows replace, for display. */
export async function numbersOf(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: spotCheckDraws.id, number: spotCheckDraws.number })
    .from(spotCheckDraws)
    .where(inArray(spotCheckDraws.id, wanted));
  return new Map(rows.map((r) => [r.id, r.number]));
}

/** Replacement draws that belong to a round draw (any status). */
export async function replacementDrawsOf(db: Executor, rootId: string): Promise<DrawRow[]> {
  return db
    .select()
    .from(spotCheckDraws)
    .where(sql`${spotCheckDraws.params}->>'rootDrawId' = ${rootId}`)
    .orderBy(spotCheckDraws.committedAt, spotCheckDraws.id);
}

/** An undrawn replacement commitment for an application, if any. */
export async function openReplacementFor(db: Executor, applicationNumber: string): Promise<DrawRow | null> {
  const [row] = await db
    .select()
    .from(spotCheckDraws)
    .where(
      and(
        eq(spotCheckDraws.status, 'committed'),
        sql`${spotCheckDraws.params}->>'kind' = 'replacement'`,
        sql`${spotCheckDraws.params}->>'applicationNumber' = ${applicationNumber}`,
      ),
    )
    .limit(1);
  return row ?? null;
}

const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const ID_IN_TEXT = /(?<![0-9])\d{17}[0-9Xx](?![0-9Xx])/;

/**
 * Reasons of re-draws, replacements and voids are published on the draw page: refuse a phone number,
 * an ID number or the name of an inspector (`PUBLIC_TEXT_PERSONAL_DATA`, 400, field reason).
 */
export function assertPublicText(text: string, names: readonly string[]): void {
  const refuse = (what: string) => {
    const message = `该原因将在抽查公开页面公布，不得包含${what}，请改用督导人员编号等代码表述`;
    throw invalid('PUBLIC_TEXT_PERSONAL_DATA', message, [
      { code: 'PUBLIC_TEXT_PERSONAL_DATA', field: 'reason', message },
    ]);
  };
  if (MOBILE_IN_TEXT.test(text)) refuse('手机号');
  if (ID_IN_TEXT.test(text)) refuse('身份证号');
  if (names.some((n) => n.trim().length >= 2 && text.includes(n.trim()))) refuse('督导人员姓名');
}

/** A draw's public number: CC + year + '-' + the year's sequence (gapless counter, two digits at least). */
export const drawNumber = (year: string, n: number) => `CC${year}-${String(n).padStart(2, '0')}`;
