/**
 * 异议 (通知第五条第四款, docs/domain.md §7): during the notice window anyone may object to one listed item
 * (an occupation / 工种 of one organization) or to a whole application. Staff answer upheld (异议成立) or
 * dismissed (异议不成立). An upheld objection removes only its item; the application ends (notice_reject)
 * when it is the whole application or when no listed item of it is left. A notice cannot pass while an
 * objection is open, nor before its window has ended.
 */
import { conflict, invalid } from '../errors';
import { formatChineseDate, type CalendarDate } from '../calendar-date';
import { NOTICE_CLAUSE, noticeStatusLabel, noticeWindowPhase } from './notice-window';
import { NOTICE_ITEM_STATE_LABELS, NOTICE_MACHINE } from './notice-machine';
import { OBJECTION_MACHINE, OBJECTION_STATUS_LABELS } from './objection-machine';

export const objectionStatusLabel = (s: string): string =>
  (OBJECTION_STATUS_LABELS as Record<string, string>)[s] ?? s;

export const OBJECTION_OUTCOMES = ['upheld', 'dismissed'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

export const NOTICE_ITEM_STATUS_LABELS: Readonly<Record<string, string>> = NOTICE_ITEM_STATE_LABELS;
/**
 * A listed item reads as its notice stands: 拟公示 in a draft (nothing is public yet), 公示中 while
 * published, 公示期满 once the notice passed (通知第五条第四款).
 */
export function noticeItemStatusLabel(s: string, noticeStatus?: string): string {
  if (s === 'listed' && noticeStatus === 'draft') return '拟公示';
  if (s === 'listed' && noticeStatus === 'passed') return '公示期满';
  return NOTICE_ITEM_STATUS_LABELS[s] ?? s;
}

export interface NoticeForObjection {
  status: string;
  startDate: CalendarDate | null;
  endDate: CalendarDate | null;
}

/**
 * Objections are received from 00:00 of the start date to 23:59:59 of the end date (Beijing time, by the
 * injected clock). Before → OBJECTION_WINDOW_NOT_OPEN, after (or passed) → OBJECTION_WINDOW_CLOSED (409).
 */
export function assertObjectionWindowOpen(notice: NoticeForObjection, now: Date): void {
  if (notice.status !== 'published' || !notice.startDate || !notice.endDate) {
    throw conflict('OBJECTION_WINDOW_CLOSED', `本次公示${noticeStatusLabel(notice.status)}，不再受理异议`);
  }
  const phase = noticeWindowPhase({ startDate: notice.startDate, endDate: notice.endDate }, now);
  if (phase === 'upcoming') {
    throw conflict(
      'OBJECTION_WINDOW_NOT_OPEN',
      `公示尚未开始：自${formatChineseDate(notice.startDate)}0时起方可提出异议`,
    );
  }
  if (phase === 'closed') {
    throw conflict(
      'OBJECTION_WINDOW_CLOSED',
      `公示期已于${formatChineseDate(notice.endDate)}23时59分59秒结束，不再受理异议（${NOTICE_CLAUSE}）`,
    );
  }
}

export interface NoticeItemRef {
  id: string;
  applicationId: string;
  /** listed | rejected */
  status: string;
}

export interface ObjectionTargetInput {
  noticeItemId?: string | null | undefined;
  applicationId?: string | null | undefined;
}

export interface ObjectionTarget {
  applicationId: string;
  /** null = the whole application. */
  noticeItemId: string | null;
}

/**
 * The item or application objected to must be listed in this notice (400 with a field), and still
 * listed (409 once an upheld objection removed it).
 */
export function resolveObjectionTarget(
  items: readonly NoticeItemRef[],
  input: ObjectionTargetInput,
): ObjectionTarget {
  const itemId = input.noticeItemId?.trim() || null;
  const appId = input.applicationId?.trim() || null;
  if (!itemId && !appId) {
    throw invalid('OBJECTION_TARGET_REQUIRED', '请选择异议针对的公示条目或申报单位', [
      {
        code: 'OBJECTION_TARGET_REQUIRED',
        message: '请选择异议针对的公示条目或申报单位',
        field: 'noticeItemId',
      },
    ]);
  }
  if (itemId) {
    const item = items.find((i) => i.id === itemId);
    if (!item || (appId && item.applicationId !== appId)) {
      throw invalid('OBJECTION_ITEM_NOT_IN_NOTICE', '所选条目不在本次公示名单中，请从公示名单中选择', [
        {
          code: 'OBJECTION_ITEM_NOT_IN_NOTICE',
          message: '所选条目不在本次公示名单中',
          field: 'noticeItemId',
        },
      ]);
    }
    if (item.status !== 'listed') {
      throw conflict('OBJECTION_ITEM_REMOVED', '该条目已因异议成立移出公示，无需再提出异议');
    }
    return { applicationId: item.applicationId, noticeItemId: item.id };
  }
  const ofApp = items.filter((i) => i.applicationId === appId);
  if (ofApp.length === 0) {
    throw invalid(
      'OBJECTION_APPLICATION_NOT_IN_NOTICE',
      '所选申报单位不在本次公示名单中，请从公示名单中选择',
      [
        {
          code: 'OBJECTION_APPLICATION_NOT_IN_NOTICE',
          message: '所选申报单位不在本次公示名单中',
          field: 'applicationId',
        },
      ],
    );
  }
  if (!ofApp.some((i) => i.status === 'listed')) {
    throw conflict('OBJECTION_ITEM_REMOVED', '该单位的公示条目已全部因异议成立移出公示，无需再提出异议');
  }
  return { applicationId: appId!, noticeItemId: null };
}

/** Only an open objection can be answered (one answer per objection). */
export function assertObjectionOpen(status: string): void {
  OBJECTION_MACHINE.assertFrom(status, 'uphold');
}

export interface ObjectionEffects {
  /** Notice items to mark rejected (with their scope items' verdict). */
  rejectItemIds: string[];
  /** The application ends: notice_reject (→ rejected), with a decision letter. */
  rejectApplication: boolean;
}

/**
 * What an answer changes. Dismissed: nothing. Upheld on an item: that item only, and the application
 * when no other item of it is still listed. Upheld on the whole application: every listed item and the
 * application.
 */
export function objectionEffects(input: {
  outcome: ObjectionOutcome;
  noticeItemId: string | null;
  /** Every notice item of the objection's application in this notice. */
  applicationItems: readonly Pick<NoticeItemRef, 'id' | 'status'>[];
}): ObjectionEffects {
  if (input.outcome === 'dismissed') return { rejectItemIds: [], rejectApplication: false };
  const listed = input.applicationItems.filter((i) => i.status === 'listed').map((i) => i.id);
  if (input.noticeItemId === null) return { rejectItemIds: listed, rejectApplication: listed.length > 0 };
  const rejectItemIds = listed.filter((id) => id === input.noticeItemId);
  const remaining = listed.filter((id) => id !== input.noticeItemId);
  return { rejectItemIds, rejectApplication: rejectItemIds.length > 0 && remaining.length === 0 };
}

/**
 * A notice passes (公示期满无异议) after its end date, with no open objection: before → 409
 * NOTICE_WINDOW_NOT_ENDED, an open objection → 409 NOTICE_OBJECTIONS_OPEN.
 */
export function assertNoticeCanPass(notice: NoticeForObjection, openObjections: number, now: Date): void {
  NOTICE_MACHINE.assertFrom(notice.status, 'pass');
  if (!notice.startDate || !notice.endDate) {
    throw conflict('NOTICE_NOT_PUBLISHED', '公示尚未发布，不能办结');
  }
  if (noticeWindowPhase({ startDate: notice.startDate, endDate: notice.endDate }, now) !== 'closed') {
    throw conflict(
      'NOTICE_WINDOW_NOT_ENDED',
      `公示期至${formatChineseDate(notice.endDate)}23时59分59秒止，期满后方可办结`,
    );
  }
  if (openObjections > 0) {
    throw conflict('NOTICE_OBJECTIONS_OPEN', `尚有${openObjections}件异议未处理完毕，处理完毕后方可办结公示`);
  }
}

// ------------------------------------------------------------------ receipt numbers (回执号)

/** Crockford's base32: no I, L, O, U, so a number read over the phone is not mistyped. */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_RANDOM_LENGTH = 8;
const RECEIPT_PATTERN = /^YY\d{8}[0-9A-HJKMNP-TV-Z]{8}$/;

/**
 * 'YY' (异议) + the date (YYYYMMDD) + 8 random characters (40 bits): unguessable, so the tracking page
 * needs no login. The random bytes are given by the caller (the domain does not draw randomness).
 */
export function formatReceiptNumber(today: CalendarDate, random: Uint8Array): string {
  if (random.length < RECEIPT_RANDOM_LENGTH) throw new Error('receipt number needs 8 random bytes');
  let tail = '';
  // 256 is a multiple of 32: byte % 32 is unbiased.
  for (let i = 0; i < RECEIPT_RANDOM_LENGTH; i++) tail += RECEIPT_ALPHABET[random[i]! % 32];
  return `YY${today.replace(/-/g, '')}${tail}`;
}

/** What people type: lower case, spaces and hyphens, O for 0, I/L for 1. */
export function normalizeReceiptNumber(value: string): string {
  const compact = String(value ?? '')
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]/g, '');
  if (compact.length !== 18) return compact;
  return compact.slice(0, 10) + compact.slice(10).replace(/O/g, '0').replace(/[IL]/g, '1');
}

export const isReceiptNumber = (value: string): boolean => RECEIPT_PATTERN.test(value);
