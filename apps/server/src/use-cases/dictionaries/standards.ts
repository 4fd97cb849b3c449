/** 国家职业技能标准 (R4): listing, and the admin recording a standard's levels or its 2022 occupation. */
import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import {
  firstCodeOf,
  invalid,
  isFilable,
  notFound,
  parseSkillLevel,
  skillLevelLabel,
  sortSkillLevels,
  type Actor,
  type ErrorDetail,
  type SkillLevel,
} from '@skillcert/domain';
import type { StandardItem, StandardsQuery, StandardUpdate } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { occupations, skillStandards } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { assertSameVersion, paging } from './common';

export const standardColumns = {
  standard: skillStandards,
  mappedOccupationName: occupations.name,
};

type StandardRow = typeof skillStandards.$inferSelect;

export function toStandardItem(row: {
  standard: StandardRow;
  mappedOccupationName: string | null;
}): StandardItem {
  const s = row.standard;
  return {
    id: s.id,
    occupationCode: s.occupationCode,
    jobCode: s.jobCode,
    name: s.name,
    year: s.year,
    effectiveFrom: s.effectiveFrom,
    issuedBy: s.issuedBy,
    codeEdition: s.codeEdition,
    catalogueCheck: s.catalogueCheck,
    mappedOccupationCode: s.mappedOccupationCode,
    mappedOccupationName: row.mappedOccupationName,
    mappingStatus: s.mappingStatus as StandardItem['mappingStatus'],
    levels: s.levels,
    levelsStatus: s.levelsStatus as StandardItem['levelsStatus'],
    levelsSource: s.levelsSource,
    earlierEditions: (s.earlierEditions ?? []) as Record<string, unknown>[],
    source: s.source,
    version: s.version,
  };
}

export async function listStandards(
  db: Executor,
  query: StandardsQuery,
): Promise<{ items: StandardItem[]; total: number; page: number; pageSize: number }> {
  const conditions: SQL[] = [];
  const q = query.q?.normalize('NFKC').trim();
  if (q) {
    conditions.push(
      or(
        sql`starts_with(${skillStandards.occupationCode}, ${q})`,
        sql`position(${q} in ${skillStandards.name}) > 0`,
        sql`position(${q} in coalesce(${skillStandards.issuedBy}, '')) > 0`,
      ) as SQL,
    );
  }
  if (query.levelsStatus) conditions.push(eq(skillStandards.levelsStatus, query.levelsStatus));
  if (query.mappingStatus) conditions.push(eq(skillStandards.mappingStatus, query.mappingStatus));
  if (query.occupationCode) conditions.push(eq(skillStandards.mappedOccupationCode, query.occupationCode));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(skillStandards)
    .where(where);
  const { limit, offset } = paging(query.page, query.pageSize);
  const rows = await db
    .select(standardColumns)
    .from(skillStandards)
    .leftJoin(occupations, eq(occupations.code, skillStandards.mappedOccupationCode))
    .where(where)
    .orderBy(asc(skillStandards.occupationCode), sql`${skillStandards.year} desc`, asc(skillStandards.id))
    .limit(limit)
    .offset(offset);
  return {
    items: rows.map(toStandardItem),
    total: Number(count?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * Reads level labels as an admin or a spreadsheet writes them ('五级/初级工', '五级', '初级工') through the
 * domain's parser; only 五级 … 一级 can be filed (R4). Returns the canonical labels, lowest first, or the
 * problems found (field = the offending text).
 */
export function parseFilableLevels(texts: readonly string[]): { labels: string[]; errors: ErrorDetail[] } {
  const levels: SkillLevel[] = [];
  const errors: ErrorDetail[] = [];
  for (const text of texts) {
    const level = parseSkillLevel(text);
    if (level === null) {
      errors.push({
        code: 'SKILL_LEVEL_UNKNOWN',
        message: `无法识别的等级"${text}"，应为五级/初级工、四级/中级工、三级/高级工、二级/技师、一级/高级技师之一`,
      });
    } else if (!isFilable(level)) {
      errors.push({
        code: 'SKILL_LEVEL_NOT_FILABLE',
        message: `"${skillLevelLabel(level)}"不属于可备案的等级（只限五级至一级）`,
      });
    } else {
      levels.push(level);
    }
  }
  return { labels: sortSkillLevels(levels).map(skillLevelLabel), errors };
}

/** The 2022 occupation (细类) a standard may be mapped to; refuses a category or an unknown code. */
export async function requireOccupationForMapping(
  db: Executor,
  code: string,
): Promise<{ code: string; name: string }> {
  const [row] = await db
    .select({ code: occupations.code, name: occupations.name, level: occupations.level })
    .from(occupations)
    .where(eq(occupations.code, code))
    .limit(1);
  if (!row || row.level !== 'occupation') {
    throw invalid('OCCUPATION_NOT_FOUND', `职业编码"${code}"不是《职业分类大典》中的职业（细类）`);
  }
  return row;
}

export async function updateStandard(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: number,
  input: StandardUpdate,
  meta: RequestMeta,
): Promise<StandardItem> {
  if (input.levels === undefined && input.mappedOccupationCode === undefined) {
    throw invalid('NOTHING_TO_UPDATE', '请填写要修改的等级或对应职业');
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(skillStandards).where(eq(skillStandards.id, id)).for('update');
    if (!row) throw notFound('STANDARD_NOT_FOUND', '该职业技能标准不存在');
    assertSameVersion(row.version, input.version);
    const set: Partial<typeof skillStandards.$inferInsert> = { version: row.version + 1 };
    if (input.levels !== undefined) {
      const parsed = parseFilableLevels(input.levels);
      if (parsed.errors.length > 0) {
        throw invalid(
          firstCodeOf(parsed.errors, 'SKILL_LEVEL_UNKNOWN'),
          parsed.errors.map((e) => e.message).join('；'),
          parsed.errors.map((e) => ({ ...e, field: 'levels' })),
        );
      }
      set.levels = parsed.labels;
      set.levelsStatus = 'recorded';
      set.levelsSource = input.levelsSource || `管理员录入（${actor.displayName}）`;
    }
    if (input.mappedOccupationCode !== undefined) {
      if (input.mappedOccupationCode === null) {
        set.mappedOccupationCode = null;
        set.mappingStatus = 'unmapped';
      } else {
        set.mappedOccupationCode = (await requireOccupationForMapping(tx, input.mappedOccupationCode)).code;
        set.mappingStatus = 'admin';
      }
    }
    const [updated] = await tx.update(skillStandards).set(set).where(eq(skillStandards.id, id)).returning();
    const [mapped] = updated!.mappedOccupationCode
      ? await tx
          .select({ name: occupations.name })
          .from(occupations)
          .where(eq(occupations.code, updated!.mappedOccupationCode))
      : [];
    const pick = (s: StandardRow) => ({
      levels: s.levels,
      levelsStatus: s.levelsStatus,
      levelsSource: s.levelsSource,
      mappedOccupationCode: s.mappedOccupationCode,
      mappingStatus: s.mappingStatus,
      version: s.version,
    });
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'dictionary.standard_updated',
        targetType: 'skill_standard',
        targetId: String(id),
        before: pick(row),
        after: pick(updated!),
      },
      now,
    );
    return toStandardItem({ standard: updated!, mappedOccupationName: mapped?.name ?? null });
  });
}
