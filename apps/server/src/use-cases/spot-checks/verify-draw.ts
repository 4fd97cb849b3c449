/**
 * `npm run verify-draw -- <id|number>` (docs/domain.md §6 step 4): recomputes a published spot-check draw
 * from its public record with the same domain code the public page runs in the browser, and prints
 * whether every hash and the result match. The record comes from the configured database (the public
 * view of it, exactly what GET /api/public/draws/:id answers) or, with `--url`, from any server's
 * public endpoint.
 */
import {
  replaySpotCheckDraw,
  spotCheckRecordFromPublished,
  type SpotCheckDrawRecord,
  type SpotCheckReplay,
} from '@skillcert/domain';
import type { PublicDrawDetail } from '@skillcert/contracts';

export const VERIFY_DRAW_USAGE = `用法：
  npm run verify-draw -- <抽取记录ID或编号>
      从当前配置的数据库（DATABASE_URL，未设置时为 PGlite 数据目录 DATA_DIR）读取该抽取的公开记录并复核
  npm run verify-draw -- --url <公开接口地址>
      例如 --url https://host/api/public/draws/CC2026-01 ：从该地址读取公开记录并复核

复核内容：抽查对象名单、督导人员名单、回避名单的哈希与承诺一致；种子的哈希与承诺一致；按算法重新抽取的
结果与公布结果一致；回避人员未被抽中。全部一致时退出码为0，任一不一致为1，参数或读取错误为2。`;

/** The public record as the domain replays it (the same conversion the public page runs). */
export const replayRecordFromPublic = (dto: PublicDrawDetail): SpotCheckDrawRecord =>
  spotCheckRecordFromPublished(dto);

export interface VerifyDrawReport {
  exitCode: 0 | 1 | 2;
  lines: string[];
  replay: SpotCheckReplay | null;
}

const mark = (ok: boolean | null) => (ok === null ? '— 尚不能核对' : ok ? '✓ 一致' : '✗ 不一致');

export async function verifyPublicDraw(dto: PublicDrawDetail): Promise<VerifyDrawReport> {
  const replay = await replaySpotCheckDraw(replayRecordFromPublic(dto));
  const lines = [
    `抽取记录 ${dto.number}（${dto.kindLabel}，${dto.statusLabel}）`,
    `征集批次：${dto.roundTitle}`,
    `算法：${dto.algorithmVersion}`,
    `抽查对象 ${dto.targetPool.length} 个，督导人员 ${dto.inspectorPool.length} 人，回避 ${dto.recusals.length} 条；抽取 ${dto.params.sampleSize} 个对象，每个对象 ${dto.params.inspectorsPerTarget} 人`,
    '',
    ...replay.checks.map((c) => `${mark(c.ok)}  ${c.label}`),
  ];
  for (const c of replay.checks.filter((x) => x.ok === false)) {
    lines.push('', `${c.label}：`, `  公布值：${c.published}`, `  重算值：${c.recomputed}`);
  }
  if (replay.error) lines.push('', `重算出错：${replay.error}`);
  const pending = dto.seed === null;
  lines.push(
    '',
    !replay.matches
      ? '结论：不一致 ✗ —— 公布的数据与承诺或算法结果不符'
      : pending
        ? '结论：承诺与公布的名单一致；尚未抽取，种子与结果待公布后再核对'
        : dto.status === 'void'
          ? '结论：一致 ✓ —— 该承诺已作废，种子已公布，可核对其本应抽取的结果'
          : '结论：一致 ✓ —— 每个哈希与抽取结果均可由公开数据重现',
  );
  return { exitCode: replay.matches ? 0 : 1, lines, replay };
}

export interface VerifyDrawSources {
  /** Reads the public record of a draw from the database (id or number). */
  fromDatabase(idOrNumber: string): Promise<PublicDrawDetail>;
  /** Fetches a URL and parses its JSON body. */
  fetchJson(url: string): Promise<unknown>;
}

/**
 * The public page's address (…/public/draws/<id>, what a visitor copies from the browser) names the
 * same record as the API (…/api/public/draws/<id>): either is accepted.
 */
export function publicDrawApiUrl(url: string): string {
  const u = new URL(url);
  u.pathname = u.pathname.replace(/^\/public\/draws\//, '/api/public/draws/');
  return u.toString();
}

/** The whole command: arguments → report. The script only wires the sources and prints. */
export async function runVerifyDraw(argv: string[], sources: VerifyDrawSources): Promise<VerifyDrawReport> {
  const args = argv.filter((a) => a !== '--');
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    return { exitCode: 2, lines: [VERIFY_DRAW_USAGE], replay: null };
  }
  let dto: PublicDrawDetail;
  try {
    const urlAt = args.indexOf('--url');
    if (urlAt >= 0) {
      const url = args[urlAt + 1];
      if (!url || !/^https?:\/\//.test(url)) {
        return { exitCode: 2, lines: ['--url 后应跟 http(s) 地址', '', VERIFY_DRAW_USAGE], replay: null };
      }
      dto = (await sources.fetchJson(publicDrawApiUrl(url))) as PublicDrawDetail;
      if (!dto || typeof dto !== 'object' || !('targetPoolHash' in dto)) {
        return { exitCode: 2, lines: [`${url} 返回的不是抽取记录`], replay: null };
      }
    } else {
      dto = await sources.fromDatabase(args[0]!);
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { exitCode: 2, lines: [`读取抽取记录失败：${message}`], replay: null };
  }
  return verifyPublicDraw(dto);
}
