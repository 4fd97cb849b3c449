/**
 * 评价机构序列码 (docs/domain.md §7–§8): a body's permanent 6-digit number, allocated from a gapless
 * province-wide counter the first time one of its filings is confirmed (通知第五条第五款). It is part of
 * every certificate number the body issues (人社鉴发〔2019〕2号: …43 + 6-digit sequence code + …), so it
 * never changes and is never reused.
 */
import { conflict } from '../errors';

export const SEQUENCE_CODE_DIGITS = 6;
export const SEQUENCE_CODE_MAX = 999_999;

/** Counter value 1 → '000001'. Refuses values a 6-digit code cannot hold. */
export function formatSequenceCode(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > SEQUENCE_CODE_MAX) {
    throw conflict(
      'SEQUENCE_CODE_EXHAUSTED',
      `评价机构序列码只有6位（000001–999999），计数器取值${value}无法编码，请联系系统管理员`,
    );
  }
  return String(value).padStart(SEQUENCE_CODE_DIGITS, '0');
}

export const isSequenceCode = (text: string): boolean => /^\d{6}$/.test(text) && text !== '000000';

/**
 * 第N批: the title of the filing list with that sequence. The list names every body filed by the
 * confirmation, self-evaluation bodies too, so it is the notice's "评价组织名单" (通知第五条第五款), not a
 * list of 社会培训评价组织 only.
 */
export const filingListTitle = (sequence: number): string =>
  `湖南省职业技能等级认定评价组织备案名单（第${sequence}批）`;

export const filingListLabel = (sequence: number): string => `第${sequence}批`;

/**
 * The next counter value for a body's first 序列码: above both the counter and the highest code on
 * record. A body filed for self-evaluation before this system already carries its provincial code (its
 * Y certificates print it), recorded with its 自主评价备案; a new code must never collide with one of them.
 */
export function nextSequenceValue(counter: number, highestOnRecord: number | null): number {
  return Math.max(counter, highestOnRecord ?? 0) + 1;
}
