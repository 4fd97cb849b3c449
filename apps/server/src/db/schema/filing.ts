/** 征集批次、备案申请、申报范围、备案材料、时间线与已备案名录 (通知第五条第一款, docs/domain.md §4). */
import { sql } from 'drizzle-orm';
import { ROUND_MACHINE, type RoundState } from '@skillcert/domain';
import {
  bigint,
  check,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** 征集批次. Policies are snapshotted into `policy` when the round opens; later edits apply to new rounds. */
export const collectionRounds = pgTable(
  'collection_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    /**
     * The exact title (without 《》) of the notice the round implements; every generated document cites it
     * from here. Defaults to the 2022-10-20 notice (the domain's NOTICE_DOCUMENT_TITLE).
     */
    noticeDocumentTitle: text('notice_document_title')
      .notNull()
      .default('关于面向企业、技工院校等单位开展职业技能等级认定紧缺职业（工种）征集工作的通知'),
    noticeText: text('notice_text').notNull(),
    noticeFileId: uuid('notice_file_id'),
    /** Application window, calendar dates in Asia/Shanghai, both inclusive. */
    windowStart: date('window_start', { mode: 'string' }).notNull(),
    windowEnd: date('window_end', { mode: 'string' }).notNull(),
    /** ROUND_MACHINE (domain round-lifecycle): draft | open | closed */
    status: text('status').$type<RoundState>().notNull().default('draft'),
    /** { fewThreshold, shortagePolicy: 'warn'|'refuse', materialSlots: [...] } */
    policy: jsonb('policy').notNull(),
    /** Optional targeted shortage occupations per city: { '430100': ['6-18-02-04', …] } */
    targetedOccupations: jsonb('targeted_occupations')
      .$type<Record<string, string[]>>()
      .notNull()
      .default({}),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  () => [check('collection_rounds_status_check', sql.raw(ROUND_MACHINE.checkSql('status')))],
);

/** 备案申请. `number` is issued on first submit from a gapless counter. */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').unique(),
    roundId: uuid('round_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    /** The applicant's city at creation: the scope column for city staff. */
    cityCode: text('city_code').notNull(),
    status: text('status').notNull().default('draft'),
    /** Organization facts declared in the wizard (step 1): kind, scale, business scope/majors, staff, contact. */
    facts: jsonb('facts').notNull().default({}),
    /** 承诺: { signerName, signedAt } */
    commitment: jsonb('commitment'),
    acknowledgedWarnings: text('acknowledged_warnings')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The last pre-check result, as shown to the applicant. */
    precheck: jsonb('precheck'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Due date of the current stage in working days ([policy] SLA); null while paused (returned). */
    stageDueDate: date('stage_due_date', { mode: 'string' }),
    /** The due date was computed without the year's holiday data (weekends only): shown as 暂定. */
    stageDueProvisional: boolean('stage_due_provisional').notNull().default(false),
    /** Working days left on the stage clock when it paused for a return (补正). */
    stageDaysRemaining: integer('stage_days_remaining'),
    /** 谁推荐、谁监管: the city that recommended the application becomes its supervisor. */
    supervisingCityCode: text('supervising_city_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // 待办: a city's queue and the province's queue, both sorted by due date.
    index('applications_city_status_due_idx').on(t.cityCode, t.status, t.stageDueDate),
    index('applications_status_due_idx').on(t.status, t.stageDueDate),
    index('applications_org_idx').on(t.organizationId),
    index('applications_round_status_idx').on(t.roundId, t.status),
    // One open application per organization and round; ended ones (the domain's TERMINAL_STATES) do not count.
    uniqueIndex('applications_one_open_per_round')
      .on(t.roundId, t.organizationId)
      .where(sql`status not in ('withdrawn', 'rejected', 'not_recommended', 'filed')`),
  ],
);

/** 申报职业(工种)范围: occupation + 工种 + mode is the key; levels are a set. */
export const applicationScopeItems = pgTable(
  'application_scope_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    occupationCode: text('occupation_code').notNull(),
    /** 工种; '' when the whole occupation is applied for. */
    jobName: text('job_name').notNull().default(''),
    mode: text('mode').notNull(),
    levels: text('levels').array().notNull(),
    chainIds: integer('chain_ids')
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
    localIndustry: text('local_industry'),
    localIndustryJustification: text('local_industry_justification'),
    /** Link to the unit's business or majors (R6). */
    businessLink: text('business_link'),
    /** Why an occupation outside major category 6 is needed (R3 warning). */
    categoryJustification: text('category_justification'),
    /** Evidence that self-evaluation of this occupation was filed and carried out (R8). */
    selfEvaluationEvidence: text('self_evaluation_evidence'),
    /** Per-item verdict at later stages: null | recommended | not_recommended | rejected | … */
    verdict: text('verdict'),
    verdictReason: text('verdict_reason'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('scope_items_key').on(t.applicationId, t.occupationCode, t.jobName, t.mode),
    index('scope_items_occupation_idx').on(t.occupationCode),
  ],
);

/** 备案材料: a file in a slot; replacing it keeps the earlier version (supersededAt set). */
export const applicationMaterials = pgTable(
  'application_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    slotKey: text('slot_key').notNull(),
    fileId: uuid('file_id').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [index('application_materials_app_idx').on(t.applicationId, t.slotKey)],
);

/** 状态时间线: every transition with time, actor and reason (also in the audit trail). */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
  },
  (t) => [index('application_events_app_idx').on(t.applicationId, t.at)],
);

/**
 * 已备案 (filings): one row per filed scope item — imported from earlier rounds and self-evaluation
 * filings (R2, R7, R8 check against them), later created by filing confirmation.
 */
export const filings = pgTable(
  'filings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id'),
    organizationName: text('organization_name').notNull(),
    creditCode: text('credit_code').notNull(),
    cityCode: text('city_code').notNull(),
    occupationCode: text('occupation_code').notNull(),
    jobName: text('job_name').notNull().default(''),
    mode: text('mode').notNull(),
    levels: text('levels').array().notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    supervisingCityCode: text('supervising_city_code'),
    /** For self-evaluation filings: evaluation has actually been carried out (R8, 通知 §四). */
    selfEvaluationCarriedOut: boolean('self_evaluation_carried_out').notNull().default(false),
    /** filed | suspended | revoked | cancelled */
    status: text('status').notNull().default('filed'),
    /** import | confirmation | manual (a 自主评价备案 recorded by hand by the province centre) */
    source: text('source').notNull(),
    sourceNote: text('source_note'),
    /** 自主评价备案: the filing document's number (文号), the evidence file, and the body's provincial
     * 6-digit 序列码 when it was filed before this system (its certificates already carry it). */
    documentNumber: text('document_number'),
    evidenceFileId: uuid('evidence_file_id'),
    sequenceCode: text('sequence_code'),
    /** Why the record was last changed or revoked (also in the audit trail). */
    statusReason: text('status_reason'),
    version: integer('version').notNull().default(1),
    /** For confirmations: the application, its scope item and the 第N批 list that filed it. */
    applicationId: uuid('application_id'),
    scopeItemId: uuid('scope_item_id'),
    filingListId: uuid('filing_list_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('filings_occupation_city_idx').on(t.occupationCode, t.cityCode, t.status),
    index('filings_credit_code_idx').on(t.creditCode),
    uniqueIndex('filings_key').on(t.creditCode, t.occupationCode, t.jobName, t.mode),
    index('filings_list_idx').on(t.filingListId),
  ],
);

/** Gapless counters (申请编号, later 第N批 and 序列码), incremented inside the using transaction. */
export const counters = pgTable('counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
});
