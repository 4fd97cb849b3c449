/**
 * 省级评估、抽查复核（双随机、一公开）、备案确认（第N批）与评价机构名录 (通知第五条第三至五款).
 */
import { sql } from 'drizzle-orm';
import {
  JOINT_RESULT_MACHINE,
  SPOT_CHECK_DRAW_MACHINE,
  type JointResultState,
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
