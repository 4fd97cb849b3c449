/** 市州审核: verification, experts and their draws, expert reviews, site assessment, opinion, batches. */
import { sql } from 'drizzle-orm';
import { EXPERT_DRAW_MACHINE, type ExpertDrawState } from '@skillcert/domain';
import {
  bigserial,
  boolean,
  check,
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
import {
  EXPERT_ASSIGNMENT_MACHINE,
  type DeclaredConflict,
  type ExpertAssignmentState,
} from '@skillcert/domain';

/** 核验 record: the outcome and, per material slot, accepted or a problem with a comment. */
export const verifications = pgTable(
  'verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    /** pass | return | reject */
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    /** [{ slotKey, verdict: 'accepted' | 'problem', comment }] */
    slotVerdicts: jsonb('slot_verdicts').notNull().default([]),
    reviewerId: uuid('reviewer_id').notNull(),
    reviewerName: text('reviewer_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('verifications_app_idx').on(t.applicationId, t.createdAt)],
);

/** 专家库. An expert may have a login account (role expert) to see assignments and score. */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Public code (专家编号) used in draw records instead of the name. */
    code: text('code').notNull().unique(),
    userId: uuid('user_id'),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    /** Credit code of the expert's employer: an applicant's own staff are recused. */
    unitCreditCode: text('unit_credit_code'),
    cityCode: text('city_code').notNull(),
    occupationCodes: text('occupation_codes').array().notNull(),
    title: text('title'),
    phoneEnc: text('phone_enc'),
    phoneMac: text('phone_mac'),
    /** Declared conflicts: [{ creditCode, reason }] */
    conflicts: jsonb('conflicts').$type<DeclaredConflict[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('experts_city_idx').on(t.cityCode, t.active)],
);

/**
 * 随机抽取 record (experts for an application, later inspectors for spot checks): frozen pool and
 * recusal list with their hashes, the seed's hash before drawing, the seed and result after.
 */
export const draws = pgTable(
  'draws',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** expert | spot_check */
    kind: text('kind').notNull(),
    applicationId: uuid('application_id'),
    roundId: uuid('round_id'),
    cityCode: text('city_code'),
    algorithmVersion: text('algorithm_version').notNull(),
    params: jsonb('params').notNull(),
    pool: jsonb('pool').notNull(),
    poolHash: text('pool_hash').notNull(),
    recusals: jsonb('recusals').notNull(),
    recusalHash: text('recusal_hash').notNull(),
    seedHash: text('seed_hash').notNull(),
    seed: text('seed'),
    result: jsonb('result'),
    /** EXPERT_DRAW_MACHINE: committed | drawn */
    status: text('status').$type<ExpertDrawState>().notNull(),
    reason: text('reason'),
    replacesDrawId: uuid('replaces_draw_id'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    drawnAt: timestamp('drawn_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('draws_application_idx').on(t.applicationId),
    index('draws_round_idx').on(t.roundId),
    check('draws_status_check', sql.raw(EXPERT_DRAW_MACHINE.checkSql('status'))),
  ],
);

export const expertAssignments = pgTable(
  'expert_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    expertId: uuid('expert_id').notNull(),
    drawId: uuid('draw_id').notNull(),
    /** Changed only through EXPERT_ASSIGNMENT_MACHINE's writer; the CHECK comes from the machine. */
    status: text('status').$type<ExpertAssignmentState>().notNull().default('assigned'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    replacedReason: text('replaced_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('expert_assignments_expert_idx').on(t.expertId, t.status),
    index('expert_assignments_app_idx').on(t.applicationId),
    check('expert_assignments_status_check', sql.raw(EXPERT_ASSIGNMENT_MACHINE.checkSql('status'))),
  ],
);

/** 专家评审: six dimensions (score + comment) and a recommendation per scope item; locked once submitted. */
export const expertReviews = pgTable(
  'expert_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id').notNull(),
    applicationId: uuid('application_id').notNull(),
    expertId: uuid('expert_id').notNull(),
    scores: jsonb('scores').notNull(),
    itemRecommendations: jsonb('item_recommendations').notNull(),
    overallComment: text('overall_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('expert_reviews_assignment_key').on(t.assignmentId)],
);

/** 实地评估. */
export const siteAssessments = pgTable('site_assessments', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull(),
  visitDate: date('visit_date', { mode: 'string' }).notNull(),
  participants: text('participants').notNull(),
  /** [{ slotKey, label, verdict: 'met' | 'not_met', note }] mirroring the R9 material items */
  checklist: jsonb('checklist').notNull(),
  findings: text('findings').notNull(),
  photoFileIds: uuid('photo_file_ids')
    .array()
    .notNull()
    .default(sql`'{}'::uuid[]`),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** 书面评估意见 of the city bureau; the PDF is rendered from it on request. */
export const cityOpinions = pgTable('city_opinions', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull(),
  /** recommend | not_recommend */
  conclusion: text('conclusion').notNull(),
  /** [{ scopeItemId, recommend, reason }] */
  items: jsonb('items').notNull(),
  summary: text('summary').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdByName: text('created_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** 推荐汇总: a city bureau forwards its recommended applications to the province together. */
export const recommendationBatches = pgTable('recommendation_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: text('number').notNull().unique(),
  cityCode: text('city_code').notNull(),
  roundId: uuid('round_id').notNull(),
  applicationIds: uuid('application_ids').array().notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** 站内信 (in-app messages): reminders, returns, outcomes. */
export const messages = pgTable(
  'messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('messages_user_idx').on(t.userId, t.createdAt)],
);
