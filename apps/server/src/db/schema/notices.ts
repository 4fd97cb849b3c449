/**
 * 公示与异议 (通知第五条第四款): the notice, its listed scope items, objections against them, and the
 * human-check challenges that guard the public objection form.
 */
import { sql } from 'drizzle-orm';
import {
  NOTICE_ITEM_MACHINE,
  NOTICE_MACHINE,
  OBJECTION_MACHINE,
  type NoticeItemState,
  type NoticeStatus,
  type ObjectionStatus,
} from '@skillcert/domain';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * 公示: prepared by province_center (draft), approved and published by province_bureau with a start date;
 * the end date is computed by the working-day calendar (R10) and stored with the skipped days.
 */
export const publicNotices = pgTable(
  'public_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Public number, e.g. GS2026-01. */
    number: text('number').notNull().unique(),
    title: text('title').notNull(),
    roundId: uuid('round_id'),
    /** NOTICE_MACHINE: draft | published | passed */
    status: text('status').$type<NoticeStatus>().notNull().default('draft'),
    /** [policy] working days, ≥ 5 (R10). */
    workingDays: integer('working_days').notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    /** [{ date, reason }] every non-working day inside the window, for the explanation. */
    skippedDays: jsonb('skipped_days').notNull().default([]),
    /** The end date depends on a year's holiday arrangement not published yet (暂定). */
    windowProvisional: boolean('window_provisional').notNull().default(false),
    /** Why it is 暂定 (null when not provisional). */
    windowProvisionalReason: text('window_provisional_reason'),
    /**
     * [{ kind: 'extended' | 'kept', previousEndDate, endDate, computedEndDate, reason, at }]: how entering
     * the arrangement revised a provisional window (顺延, or kept because a window never shrinks).
     */
    windowRevisions: jsonb('window_revisions').notNull().default([]),
    preparedBy: uuid('prepared_by').notNull(),
    preparedAt: timestamp('prepared_at', { withTimezone: true }).notNull(),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    passedAt: timestamp('passed_at', { withTimezone: true }),
    /** Who closed it: a user, or null for the scheduled job. */
    passedBy: uuid('passed_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('public_notices_status_end_idx').on(t.status, t.endDate),
    check('public_notices_status_check', sql.raw(NOTICE_MACHINE.checkSql('status'))),
  ],
);

/** One listed scope item of a notice: a public snapshot (no personal data) taken when it is prepared. */
export const publicNoticeItems = pgTable(
  'public_notice_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    applicationNumber: text('application_number').notNull(),
    scopeItemId: uuid('scope_item_id').notNull(),
    organizationName: text('organization_name').notNull(),
    creditCode: text('credit_code').notNull(),
    cityCode: text('city_code').notNull(),
    occupationCode: text('occupation_code').notNull(),
    occupationName: text('occupation_name').notNull(),
    jobName: text('job_name').notNull().default(''),
    levels: text('levels').array().notNull(),
    mode: text('mode').notNull(),
    /** NOTICE_ITEM_MACHINE: listed | rejected (an upheld objection removed it) */
    status: text('status').$type<NoticeItemState>().notNull().default('listed'),
    statusReason: text('status_reason'),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('public_notice_items_status_check', sql.raw(NOTICE_ITEM_MACHINE.checkSql('status'))),
    index('public_notice_items_notice_idx').on(t.noticeId, t.sortOrder),
    index('public_notice_items_app_idx').on(t.applicationId),
  ],
);

/** 异议. The contact's phone is personal data: encrypted, masked, never public. */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Receipt number (回执号) for the tracking page; unguessable. */
    receiptNumber: text('receipt_number').notNull().unique(),
    noticeId: uuid('notice_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    /** null = the whole application. */
    noticeItemId: uuid('notice_item_id'),
    contactName: text('contact_name').notNull(),
    contactPhoneEnc: text('contact_phone_enc').notNull(),
    contactPhoneMac: text('contact_phone_mac').notNull(),
    reason: text('reason').notNull(),
    evidenceFileIds: uuid('evidence_file_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** OBJECTION_MACHINE: open | upheld | dismissed */
    status: text('status').$type<ObjectionStatus>().notNull().default('open'),
    reply: text('reply'),
    handledBy: uuid('handled_by'),
    handledByName: text('handled_by_name'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    submittedIp: text('submitted_ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('objections_notice_status_idx').on(t.noticeId, t.status),
    index('objections_status_created_idx').on(t.status, t.createdAt),
    check('objections_status_check', sql.raw(OBJECTION_MACHINE.checkSql('status'))),
  ],
);

/** Server-side human check (人机验证) challenges: single use, short-lived, answer stored hashed. */
export const humanChecks = pgTable(
  'human_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    answerHash: text('answer_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('human_checks_expires_idx').on(t.expiresAt)],
);
