/**
 * 一公开 (通知§五(三), docs/domain.md §6): for every hash the public draw page shows, the exact bytes that
 * were hashed and the words that say how they are formed, so anyone can recompute it with any SHA-256
 * tool — not only with this system's replay button. The recusal list is hashed with its rule CODES
 * (`same_city`), not the Chinese labels the page shows (同一市州); the form says so and lists them.
 */
import { canonicalPool, parseSeed } from '../draw';
import {
  spotCheckRecusalLines,
  SPOT_CHECK_RECUSAL_RULE_LABELS,
  SPOT_CHECK_RECUSAL_RULES,
} from './spot-check-recusal';
import { SPOT_CHECK_CHECK_LABELS, type SpotCheckDrawRecord } from './spot-check-replay';

export interface SpotCheckHashInput {
  key: 'targetPoolHash' | 'inspectorPoolHash' | 'recusalHash' | 'seedHash';
  label: string;
  /** The published hash. */
  hash: string;
  /** How the input is formed, in Chinese. */
  form: string;
  /** The exact bytes hashed; null while the seed is secret. */
  bytes: Uint8Array | null;
  /** A file name for the download. */
  fileName: string;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const LINES = '按 Unicode 码点升序排列，以换行符（\\n，0x0A）连接，末行后无换行，UTF-8 编码，不含 BOM';

const RULE_CODES = SPOT_CHECK_RECUSAL_RULES.map((r) => `${r}＝${SPOT_CHECK_RECUSAL_RULE_LABELS[r]}`).join(
  '，',
);

export function spotCheckHashInputs(
  record: Pick<
    SpotCheckDrawRecord,
    'targetPool' | 'targetPoolHash' | 'inspectorPool' | 'inspectorPoolHash' | 'recusals' | 'recusalHash'
  > & { seedHash: string; seed: string | null },
  number: string,
): SpotCheckHashInput[] {
  const pool = (entries: readonly string[]) => utf8(canonicalPool([...entries]).join('\n'));
  return [
    {
      key: 'targetPoolHash',
      label: SPOT_CHECK_CHECK_LABELS.targetPoolHash,
      hash: record.targetPoolHash,
      form: `SHA-256（每行一个申请编号，${LINES}）`,
      bytes: pool(record.targetPool),
      fileName: `${number}-抽查对象名单.txt`,
    },
    {
      key: 'inspectorPoolHash',
      label: SPOT_CHECK_CHECK_LABELS.inspectorPoolHash,
      hash: record.inspectorPoolHash,
      form: `SHA-256（每行一个督导人员编号，${LINES}）`,
      bytes: pool(record.inspectorPool),
      fileName: `${number}-督导人员名单.txt`,
    },
    {
      key: 'recusalHash',
      label: SPOT_CHECK_CHECK_LABELS.recusalHash,
      hash: record.recusalHash,
      form:
        `SHA-256（每条回避一行，为 JSON 数组 ["申请编号","督导人员编号","回避规则代码","说明"]，` +
        `规则用代码而非页面上的中文名称（${RULE_CODES}），${LINES}）`,
      bytes: pool(spotCheckRecusalLines(record.recusals)),
      fileName: `${number}-回避名单.txt`,
    },
    {
      key: 'seedHash',
      label: SPOT_CHECK_CHECK_LABELS.seedHash,
      hash: record.seedHash,
      form: 'SHA-256（随机种子的十六进制文本解码后的原始字节，不是十六进制文本本身）；种子在抽取后公布',
      bytes: record.seed ? parseSeed(record.seed) : null,
      fileName: `${number}-随机种子.bin`,
    },
  ];
}
