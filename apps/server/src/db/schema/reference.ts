/** Reference dictionaries (字典): divisions, occupations, standards, holidays, industrial chains. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** 行政区划: the province (430000), its 14 市州 and 122 county-level units. */
export const divisions = pgTable(
  'divisions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** province | city | county */
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    type: text('type'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('divisions_parent_idx').on(t.parentCode)],
);

/** 职业分类大典（2022年版）+ later additions. `restrictedByQualification` is R5's flag. */
export const occupations = pgTable(
  'occupations',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** major | middle | minor | occupation */
    level: text('level').notNull(),
    parentCode: text('parent_code'),
    majorCategory: integer('major_category').notNull(),
    markers: text('markers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    since: text('since'),
    source: text('source'),
    note: text('note'),
    jobs: jsonb('jobs').$type<{ name: string; since?: string }[]>().notNull().default([]),
    /** R5: still covered by the 2021 national qualification catalogue (准入类), so not filable. */
    restrictedByQualification: boolean('restricted_by_qualification').notNull().default(false),
    /** R5 seed match: confirmed | uncertain | none */
    restrictionReview: text('restriction_review').notNull().default('none'),
    restrictionNote: text('restriction_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('occupations_parent_idx').on(t.parentCode), index('occupations_name_idx').on(t.name)],
);

/** 国家职业技能标准. Levels are known only for some standards; the rest are `pending` (待核对). */
export const skillStandards = pgTable(
  'skill_standards',
  {
    id: serial('id').primaryKey(),
    occupationCode: text('occupation_code').notNull(),
    jobCode: text('job_code'),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    issuedBy: text('issued_by'),
    codeEdition: text('code_edition').notNull(),
    catalogueCheck: text('catalogue_check'),
    /** The 2022-catalogue occupation this standard serves; null until mapped (by data or by an admin). */
    mappedOccupationCode: text('mapped_occupation_code'),
    /** data | name | admin | unmapped */
    mappingStatus: text('mapping_status').notNull(),
    levels: text('levels')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** recorded | pending (待核对) */
    levelsStatus: text('levels_status').notNull().default('pending'),
    earlierEditions: jsonb('earlier_editions').notNull().default([]),
    /** Where the row came from (reference-data scrape, or an admin's spreadsheet import). */
    source: text('source'),
    /** Where the recorded levels were read (the standard's PDF, a repost, an admin). */
    levelsSource: text('levels_source'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('skill_standards_mapped_idx').on(t.mappedOccupationCode),
    // OSTA files no code + name twice; seeding and the spreadsheet import match on it.
    uniqueIndex('skill_standards_code_name_uq').on(t.occupationCode, t.name),
  ],
);

/** 节假日与调休: one row per listed day; unlisted days follow the weekend rule. */
export const holidays = pgTable(
  'holidays',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    isOffDay: boolean('is_off_day').notNull(),
  },
  (t) => [index('holidays_year_idx').on(t.year)],
);

/** A year whose arrangement has been entered (published by the State Council). */
export const holidayYears = pgTable('holiday_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 产业链 (R6). Empty in production until an admin enters the official list. */
export const industrialChains = pgTable('industrial_chains', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  description: text('description'),
  /** 示例: demo-only placeholder, not an official chain. */
  isExample: boolean('is_example').notNull().default(false),
  active: boolean('active').notNull().default(true),
  source: text('source'),
  version: integer('version').notNull().default(1),
});
