/**
 * 公示与异议 (通知第五条第四款, docs/domain.md §7): notices prepared by the province centre and published by the
 * province bureau, their public pages (no personal data), objections from the public with a human check,
 * the tracking page by receipt number, and the staff's objections inbox. Whether a start date exists, a
 * year has calendar data, the window is open or an item belongs to the notice is decided by the use case
 * (it needs the calendar, the clock and the notice).
 */
import { z } from 'zod';
import { calendarDateString, page, pageQuery, versionField } from './common';

const uuid = (message: string) => z.string().uuid(message);

// ------------------------------------------------------------------ shared pieces

export const noticeStatusEnum = z.enum(['draft', 'published', 'passed']);
export const noticePhaseEnum = z.enum(['upcoming', 'open', 'closed']);
export const objectionStatusEnum = z.enum(['open', 'upheld', 'dismissed']);

export const skippedDayDto = z.object({ date: z.string(), reason: z.string() });

/** One listed item: organization, credit code, city, occupation / 工种, levels, mode — no personal data. */
export const noticeItemDto = z.object({
  id: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string(),
  organizationName: z.string(),
  creditCode: z.string(),
  cityCode: z.string(),
  cityName: z.string().nullable(),
  occupationCode: z.string(),
  occupationName: z.string(),
  jobName: z.string(),
  levels: z.array(z.string()),
  levelsLabel: z.string(),
  mode: z.string(),
  modeLabel: z.string(),
  /** listed | rejected */
  status: z.string(),
  statusLabel: z.string(),
});
export type NoticeItemDto = z.infer<typeof noticeItemDto>;

export const noticeWindowRevisionDto = z.object({
  /** extended = 公示期顺延; kept = the published arrangement would shorten it, the end date stands. */
  kind: z.enum(['extended', 'kept']),
  kindLabel: z.string(),
  previousEndDate: z.string(),
  endDate: z.string(),
  computedEndDate: z.string(),
  reason: z.string(),
  at: z.string(),
});
export type NoticeWindowRevisionDto = z.infer<typeof noticeWindowRevisionDto>;

export const noticeWindowDto = z.object({
  startDate: z.string(),
  endDate: z.string(),
  workingDays: z.number().int(),
  skipped: z.array(skippedDayDto),
  adjusted: z.array(skippedDayDto),
  explanation: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  /** 暂定: the end date depends on a year whose holiday arrangement is not published yet. */
  provisional: z.boolean(),
  /** Why it is 暂定 (null when not provisional). */
  provisionalReason: z.string().nullable(),
  /** How entering the arrangement revised a provisional window, oldest first (公示期顺延 or kept). */
  revisions: z.array(noticeWindowRevisionDto),
});
export type NoticeWindowDto = z.infer<typeof noticeWindowDto>;

// ------------------------------------------------------------------ staff: notices

const workingDaysField = z.number().int('公示工作日天数应为整数');

export const noticePrepareRequest = z.strictObject({
  title: z.string().trim().min(4, '标题至少4个字').max(120),
  roundId: uuid('征集批次无效').optional(),
  /** [policy] default 5, never fewer (R10). */
  workingDays: workingDaysField.optional(),
  applicationIds: z
    .array(uuid('申请编号无效'))
    .min(1, '请至少选择一份申请')
    .max(500, '一次公示最多500份申请'),
});
export type NoticePrepareRequest = z.infer<typeof noticePrepareRequest>;

export const noticeUpdateRequest = z.strictObject({
  version: versionField,
  title: z.string().trim().min(4, '标题至少4个字').max(120).optional(),
  workingDays: workingDaysField.optional(),
  addApplicationIds: z.array(uuid('申请编号无效')).max(500).optional(),
  removeApplicationIds: z.array(uuid('申请编号无效')).max(500).optional(),
});
export type NoticeUpdateRequest = z.infer<typeof noticeUpdateRequest>;

export const noticePublishRequest = z.strictObject({ version: versionField, startDate: calendarDateString });
export type NoticePublishRequest = z.infer<typeof noticePublishRequest>;
export const noticePassRequest = z.strictObject({ version: versionField });
export const noticePreviewQuery = z.object({ startDate: calendarDateString });

export const noticeListQuery = pageQuery.extend({ status: noticeStatusEnum.optional() });

export const noticeSummaryDto = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: noticeStatusEnum,
  statusLabel: z.string(),
  roundId: z.string().nullable(),
  roundTitle: z.string().nullable(),
  workingDays: z.number().int(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** The end date is 暂定 (a year's holiday arrangement is not published yet). */
  endDateProvisional: z.boolean(),
  phase: noticePhaseEnum.nullable(),
  applicationCount: z.number().int(),
  itemCount: z.number().int(),
  openObjections: z.number().int(),
  objectionCount: z.number().int(),
  preparedAt: z.string(),
  publishedAt: z.string().nullable(),
  passedAt: z.string().nullable(),
  version: z.number().int(),
});
export type NoticeSummaryDto = z.infer<typeof noticeSummaryDto>;
export const noticeList = page(noticeSummaryDto);

export const noticeApplicationDto = z.object({
  id: z.string(),
  number: z.string(),
  organizationName: z.string(),
  cityName: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  itemCount: z.number().int(),
  rejectedItemCount: z.number().int(),
});

export const noticeDetailDto = noticeSummaryDto.extend({
  items: z.array(noticeItemDto),
  applications: z.array(noticeApplicationDto),
  /** Stored at publication; null for a draft. */
  window: noticeWindowDto.nullable(),
  preparedByName: z.string().nullable(),
  publishedByName: z.string().nullable(),
  passedByName: z.string().nullable(),
  pdfUrl: z.string(),
  xlsxUrl: z.string(),
  abilities: z.object({ edit: z.boolean(), publish: z.boolean(), pass: z.boolean() }),
});
export type NoticeDetailDto = z.infer<typeof noticeDetailDto>;

export const noticeCandidatesQuery = z.object({ roundId: z.string().uuid().optional() });
export const noticeCandidateDto = z.object({
  id: z.string(),
  number: z.string(),
  organizationName: z.string(),
  creditCode: z.string(),
  cityName: z.string().nullable(),
  roundId: z.string(),
  roundTitle: z.string(),
  itemCount: z.number().int(),
  /** The draft notice that already holds it (it can be in one draft at a time). */
  draftNoticeNumber: z.string().nullable(),
});
export type NoticeCandidateDto = z.infer<typeof noticeCandidateDto>;
export const noticeCandidateList = z.object({ items: z.array(noticeCandidateDto) });

// ------------------------------------------------------------------ public: notices

export const publicNoticeListQuery = pageQuery.extend({
  /** current = published (upcoming, open or awaiting closure); archive = passed. */
  scope: z.enum(['current', 'archive']).default('current'),
});

export const publicNoticeSummaryDto = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.enum(['published', 'passed']),
  statusLabel: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  /** The end date is 暂定 (a year's holiday arrangement is not published yet). */
  endDateProvisional: z.boolean(),
  workingDays: z.number().int(),
  phase: noticePhaseEnum,
  phaseLabel: z.string(),
  organizationCount: z.number().int(),
  itemCount: z.number().int(),
  publishedAt: z.string(),
});
export type PublicNoticeSummaryDto = z.infer<typeof publicNoticeSummaryDto>;
export const publicNoticeList = page(publicNoticeSummaryDto).extend({ serverNow: z.string() });

export const publicNoticeDetailDto = publicNoticeSummaryDto.extend({
  items: z.array(noticeItemDto),
  window: noticeWindowDto,
  serverNow: z.string(),
  /** Milliseconds until 23:59:59 of the end date (0 once closed): the countdown. */
  msRemaining: z.number().int(),
  /** Whether the public may object now. */
  objectionsOpen: z.boolean(),
  pdfUrl: z.string(),
  xlsxUrl: z.string(),
});
export type PublicNoticeDetailDto = z.infer<typeof publicNoticeDetailDto>;

// ------------------------------------------------------------------ public: human check and objections

export const humanCheckChallengeDto = z.object({
  id: z.string(),
  /** The question drawn as an SVG picture (data: URL), never as text. */
  image: z.string(),
  expiresAt: z.string(),
  /** Only when the server runs its test suite (NODE_ENV=test), so tests exercise the real check. */
  answer: z.string().optional(),
});
export type HumanCheckChallengeDto = z.infer<typeof humanCheckChallengeDto>;

/** Text fields of the objection form (multipart; evidence files in the `evidence` parts). */
export const objectionFields = z.strictObject({
  contactName: z.string().trim().min(2, '请填写联系人姓名（至少2个字）').max(40, '联系人姓名最多40个字'),
  contactPhone: z.string().trim().min(1, '请填写联系电话').max(30),
  noticeItemId: z.string().trim().optional(),
  applicationId: z.string().trim().optional(),
  reason: z.string().trim().min(10, '请写明异议事实和理由（至少10个字）').max(3000, '异议理由最多3000字'),
  humanCheckId: z.string().trim().max(60).optional(),
  humanCheckAnswer: z.string().trim().max(20).optional(),
});
export type ObjectionFields = z.infer<typeof objectionFields>;

export const objectionReceiptDto = z.object({
  receiptNumber: z.string(),
  submittedAt: z.string(),
  trackingUrl: z.string(),
});
export type ObjectionReceiptDto = z.infer<typeof objectionReceiptDto>;

/** The tracking page: status and reply only — no contact data, no internal notes. */
export const objectionTrackingDto = z.object({
  receiptNumber: z.string(),
  status: objectionStatusEnum,
  statusLabel: z.string(),
  noticeId: z.string(),
  noticeNumber: z.string(),
  noticeTitle: z.string(),
  organizationName: z.string(),
  subject: z.string(),
  submittedAt: z.string(),
  reply: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type ObjectionTrackingDto = z.infer<typeof objectionTrackingDto>;

// ------------------------------------------------------------------ staff: objections

export const objectionListQuery = pageQuery.extend({
  noticeId: z.string().uuid().optional(),
  status: objectionStatusEnum.optional(),
});

export const objectionSummaryDto = z.object({
  id: z.string(),
  receiptNumber: z.string(),
  noticeId: z.string(),
  noticeNumber: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string(),
  organizationName: z.string(),
  /** 整个申请 or the item's occupation / 工种. */
  subject: z.string(),
  contactName: z.string(),
  contactPhoneMasked: z.string(),
  status: objectionStatusEnum,
  statusLabel: z.string(),
  createdAt: z.string(),
  handledAt: z.string().nullable(),
});
export type ObjectionSummaryDto = z.infer<typeof objectionSummaryDto>;
export const objectionList = page(objectionSummaryDto);

export const objectionDetailDto = objectionSummaryDto.extend({
  noticeTitle: z.string(),
  noticeStatus: noticeStatusEnum,
  noticeItemId: z.string().nullable(),
  noticeItem: noticeItemDto.nullable(),
  reason: z.string(),
  evidence: z.array(
    z.object({ id: z.string(), originalName: z.string(), mimeType: z.string(), sizeBytes: z.number() }),
  ),
  reply: z.string().nullable(),
  handledByName: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({ answer: z.boolean(), revealContact: z.boolean() }),
});
export type ObjectionDetailDto = z.infer<typeof objectionDetailDto>;

export const objectionAnswerRequest = z.strictObject({
  version: versionField,
  outcome: z.enum(['upheld', 'dismissed'], '请选择"异议成立"或"异议不成立"'),
  /** Shown to the objector on the tracking page; for an upheld objection also the reason of the rejection. */
  reply: z.string().trim().min(5, '请填写答复意见（至少5个字）').max(3000),
});
export type ObjectionAnswerRequest = z.infer<typeof objectionAnswerRequest>;
