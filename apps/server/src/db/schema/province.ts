/**
 * 省级评估、抽查复核（双随机、一公开）、公示与异议、备案确认（第N批）与评价机构名录 (通知第五条第三至五款).
 */
import { sql } from 'drizzle-orm';
import {
  JOINT_RESULT_MACHINE,
  NOTICE_ITEM_MACHINE,
  NOTICE_MACHINE,
  OBJECTION_MACHINE,
  SPOT_CHECK_DRAW_MACHINE,
  type JointResultState,
  type NoticeItemState,
  type NoticeStatus,
  type ObjectionStatus,
  type SpotCheckDrawState,
} from '@skillcert/domain';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  SPOT_CHECK_ASSIGNMENT_MACHINE,
  type DeclaredConflict,
  type SpotCheckAssignmentState,
} from '@skillcert/domain';

/** 省级评估 record of one forwarded application: outcome and a verdict per scope item. */
export const provinceReviews = pgTable(
  'province_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    /** pass | return | reject */
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    /** [{ scopeItemId, verdict: 'pass' | 'reject', reason }] */
    itemVerdicts: jsonb('item_verdicts').notNull().default([]),
    reviewerId: uuid('reviewer_id').notNull(),
    reviewerName: text('reviewer_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('province_reviews_app_idx').on(t.applicationId, t.createdAt)],
);

/** 抽查督导人员库. Public draw records carry the code (编号), never the name or phone. */
export const inspectors = pgTable(
  'inspectors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    userId: uuid('user_id'),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    /** Credit code of the inspector's employer: a target's own staff are recused. */
    unitCreditCode: text('unit_credit_code'),
    /** Where the inspector works: targets of the same city are recused ([policy]). */
    cityCode: text('city_code').notNull(),
    title: text('title'),
    phoneEnc: text('phone_enc'),
    phoneMac: text('phone_mac'),
    /** Declared conflicts: [{ creditCode, reason }] */
    conflicts: jsonb('conflicts').$type<DeclaredConflict[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('inspectors_active_idx').on(t.active, t.code)],
);

/**
 * 抽查复核抽取, one per round cut-off: both pools and the recusal list frozen and hashed, the seed's hash
 * published (status committed) BEFORE the draw; the seed and the result published after (drawn). A
 * re-draw is a new row with a reason that names the draw it replaces; no row is edited after drawing.
 */
export const spotCheckDraws = pgTable(
  'spot_check_draws',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Public number, e.g. CC2026-01. */
    number: text('number').notNull().unique(),
    roundId: uuid('round_id').notNull(),
    algorithmVersion: text('algorithm_version').notNull(),
    /** { ratio, sampleSize, inspectorsPerTarget, recusalRules, cutoffAt } */
    params: jsonb('params').notNull(),
    /** Application numbers of the province-reviewed pool (spot_check_pool at the cut-off). */
    targetPool: jsonb('target_pool').notNull(),
    targetPoolHash: text('target_pool_hash').notNull(),
    /** Inspector codes. */
    inspectorPool: jsonb('inspector_pool').notNull(),
    inspectorPoolHash: text('inspector_pool_hash').notNull(),
    /** [{ inspectorCode, applicationNumber, rule, reason }] — codes and rules, no names. */
    recusals: jsonb('recusals').notNull(),
    recusalHash: text('recusal_hash').notNull(),
    seedHash: text('seed_hash').notNull(),
    /** Kept secret (never returned) until drawn. */
    seed: text('seed'),
    /** [{ applicationNumber, inspectorCodes: [...] }] in drawn order, plus notSelected numbers. */
    result: jsonb('result'),
    /** SPOT_CHECK_DRAW_MACHINE: committed | drawn | void */
    status: text('status').$type<SpotCheckDrawState>().notNull(),
    reason: text('reason'),
    replacesDrawId: uuid('replaces_draw_id'),
    committedBy: uuid('committed_by').notNull(),
    committedAt: timestamp('committed_at', { withTimezone: true }).notNull(),
    drawnBy: uuid('drawn_by'),
    drawnAt: timestamp('drawn_at', { withTimezone: true }),
    /** 一公开: when the per-target results were published. */
    resultsPublishedAt: timestamp('results_published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('spot_check_draws_round_idx').on(t.roundId, t.committedAt),
    check('spot_check_draws_status_check', sql.raw(SPOT_CHECK_DRAW_MACHINE.checkSql('status'))),
  ],
);

export const spotCheckAssignments = pgTable(
  'spot_check_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    drawId: uuid('draw_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    inspectorId: uuid('inspector_id').notNull(),
    /** Changed only through SPOT_CHECK_ASSIGNMENT_MACHINE's writer; the CHECK comes from the machine. */
    status: text('status').$type<SpotCheckAssignmentState>().notNull().default('assigned'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    replacedReason: text('replaced_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('spot_check_assignments_inspector_idx').on(t.inspectorId, t.status),
    index('spot_check_assignments_app_idx').on(t.applicationId),
    check('spot_check_assignments_status_check', sql.raw(SPOT_CHECK_ASSIGNMENT_MACHINE.checkSql('status'))),
  ],
);

/**
 * 抽查复核结果 of one target (通知§五(三) 实地抽查复核): drafted on site by one panel member, signed or
 * disputed by every member, decided by the province centre on a dissent. The draft's content is locked
 * once submitted; it takes effect (agreed | decided) only through the joint signatures or the decision.
 */
export const spotCheckResults = pgTable(
  'spot_check_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    drawId: uuid('draw_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    /** pass | fail */
    outcome: text('outcome').notNull(),
    findings: text('findings').notNull(),
    /** [{ scopeItemId, verdict: 'pass' | 'fail', reason }] */
    itemVerdicts: jsonb('item_verdicts').notNull().default([]),
    attachmentFileIds: uuid('attachment_file_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    recordedBy: uuid('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /**
     * draft | signing | agreed | disputed | decided (domain: joint-spot-check-result). Results recorded
     * before joint signing existed were final, hence the default.
     */
    status: text('status').$type<JointResultState>().notNull().default('agreed'),
    /** The drafter's overall reason (a fail needs one; the decision letter cites it). */
    reason: text('reason'),
    /** On-site facts: the visit date (Beijing), the place and who was present. */
    visitDate: date('visit_date', { mode: 'string' }),
    place: text('place'),
    present: text('present'),
    /** The drafter's inspector record (panel members sign against it). */
    drafterInspectorId: uuid('drafter_inspector_id'),
    /** The province centre's decision of a disputed result. */
    decisionOutcome: text('decision_outcome'),
    decisionReason: text('decision_reason'),
    decisionItemVerdicts: jsonb('decision_item_verdicts'),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('spot_check_results_key').on(t.drawId, t.applicationId),
    check('spot_check_results_status_check', sql.raw(JOINT_RESULT_MACHINE.checkSql('status'))),
  ],
);

/** A panel member's signature (签字确认) or dissent (异议, with its reason) on a submitted result. */
export const spotCheckResultSignatures = pgTable(
  'spot_check_result_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resultId: uuid('result_id').notNull(),
    inspectorId: uuid('inspector_id').notNull(),
    /** "code name" of the inspector at the time. */
    inspectorName: text('inspector_name').notNull(),
    userId: uuid('user_id').notNull(),
    /** sign | dissent */
    kind: text('kind').notNull(),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('spot_check_result_signatures_key').on(t.resultId, t.inspectorId)],
);

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

/** 备案名单 第N批: what one confirmation published. `sequence` comes from a gapless counter. */
export const filingLists = pgTable('filing_lists', {
  id: uuid('id').primaryKey().defaultRandom(),
  sequence: integer('sequence').notNull().unique(),
  title: text('title').notNull(),
  noticeId: uuid('notice_id').notNull().unique(),
  effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
  bodyCount: integer('body_count').notNull(),
  itemCount: integer('item_count').notNull(),
  confirmedBy: uuid('confirmed_by').notNull(),
  confirmedByName: text('confirmed_by_name').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
});

/**
 * 评价机构名录: one row per filed body (credit code), kept in step with `filings` by the use cases that
 * change them. Search columns are denormalized arrays with GIN indexes: `name_tokens` holds every single
 * character and every two-character window of the name, because Chinese queries are often one or two
 * characters and trigram indexes cannot serve them.
 */
export const registryBodies = pgTable(
  'registry_bodies',
  {
    creditCode: text('credit_code').primaryKey(),
    organizationId: uuid('organization_id'),
    name: text('name').notNull(),
    cityCode: text('city_code').notNull(),
    supervisingCityCode: text('supervising_city_code'),
    /** 评价机构序列码: 6 digits, permanent, allocated on the first filing confirmation. */
    sequenceCode: text('sequence_code').unique(),
    /** filed | suspended | revoked | cancelled */
    status: text('status').notNull(),
    nameTokens: text('name_tokens').array().notNull(),
    occupationCodes: text('occupation_codes').array().notNull(),
    levels: text('levels').array().notNull(),
    modes: text('modes').array().notNull(),
    itemCount: integer('item_count').notNull(),
    firstFiledOn: date('first_filed_on', { mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('registry_bodies_name_tokens_idx').using('gin', t.nameTokens),
    index('registry_bodies_occupations_idx').using('gin', t.occupationCodes),
    index('registry_bodies_city_status_idx').on(t.cityCode, t.status, t.sequenceCode),
    // A city's bodies in registry order (city-only searches and their pages walk it, no sort).
    index('registry_bodies_city_sequence_idx').on(t.cityCode, t.sequenceCode),
    index('registry_bodies_status_idx').on(t.status, t.sequenceCode),
  ],
);

/**
 * Narrow companions of `registry_bodies` for the hottest public searches, written only by
 * `refreshRegistryBodies` in the transaction that writes the body row. Each carries the body's
 * registry order (序列码, then credit code), so a search on one of them is an ordered range read of its
 * index that stops after the page (and, for the capped total, after 1,001 entries) — no sort, no
 * bitmap of every match.
 *
 * `registry_name_tokens`: one row per name token (every character and every two-character window of
 * the normalized name, `nameTokens`): a 1–2 character name query is `token = $1`.
 */
export const registryNameTokens = pgTable(
  'registry_name_tokens',
  {
    token: text('token').notNull(),
    sequenceCode: text('sequence_code'),
    creditCode: text('credit_code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.creditCode, t.token] }),
    index('registry_name_tokens_order_idx').on(t.token, t.sequenceCode, t.creditCode),
  ],
);

/**
 * `registry_scope_items`: one row per occupation × level × mode a body has in force (its filings with
 * status 已备案, levels unnested): occupation + level (+ mode) is a range of the order index, and "one
 * filing satisfies them together" is a probe of the primary key.
 */
export const registryScopeItems = pgTable(
  'registry_scope_items',
  {
    creditCode: text('credit_code').notNull(),
    occupationCode: text('occupation_code').notNull(),
    level: text('level').notNull(),
    mode: text('mode').notNull(),
    sequenceCode: text('sequence_code'),
  },
  (t) => [
    primaryKey({ columns: [t.creditCode, t.occupationCode, t.level, t.mode] }),
    index('registry_scope_items_order_idx').on(
      t.occupationCode,
      t.level,
      t.sequenceCode,
      t.creditCode,
      t.mode,
    ),
  ],
);

/** Status history of a filed body or one of its filings (public: no actor names). */
export const registryEvents = pgTable(
  'registry_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    creditCode: text('credit_code').notNull(),
    /** null = the body as a whole. */
    filingId: uuid('filing_id'),
    /** filed | suspended | revoked | cancelled | scope_added */
    event: text('event').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    /** Public wording (e.g. 第3批备案); internal comments stay in the audit trail. */
    note: text('note'),
    filingListId: uuid('filing_list_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('registry_events_body_idx').on(t.creditCode, t.at)],
);
