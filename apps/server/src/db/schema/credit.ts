/** 严重失信主体名单 (R1 "社会信用良好", 通知第二条第一款): imports with their source, and the entries. */
import { index, integer, date, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** One Excel import: where the list was published (机关或网站) and on which date, by whom. */
export const creditBlacklistImports = pgTable('credit_blacklist_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  source: text('source').notNull(),
  sourceDate: date('source_date', { mode: 'string' }).notNull(),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  rowCount: integer('row_count').notNull(),
  importedBy: uuid('imported_by').notNull(),
  importedByName: text('imported_by_name').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
});

/**
 * One listing of a unit by an authority. A removed entry stays (with who, when and why) so the trail
 * survives; only entries not removed are read by R1. A live entry is unique per credit code, authority
 * and listing date: importing it again updates it.
 */
export const creditBlacklistEntries = pgTable(
  'credit_blacklist_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    importId: uuid('import_id').notNull(),
    creditCode: text('credit_code').notNull(),
    unitName: text('unit_name').notNull(),
    authority: text('authority').notNull(),
    listedOn: date('listed_on', { mode: 'string' }).notNull(),
    /** Inclusive; null = 长期有效 (until removed). */
    until: date('until', { mode: 'string' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: uuid('removed_by'),
    removedByName: text('removed_by_name'),
    removalReason: text('removal_reason'),
  },
  (t) => [
    index('credit_blacklist_entries_code_idx').on(t.creditCode),
    uniqueIndex('credit_blacklist_entries_live_uq')
      .on(t.creditCode, t.authority, t.listedOn)
      .where(sql`${t.removedAt} is null`),
  ],
);
