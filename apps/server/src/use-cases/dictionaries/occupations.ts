/** 职业分类大典 browsing and search, and the admin's confirmation of R5 flags. */
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { assertRestrictionChangeAllowed, invalid, notFound, type Actor } from '@skillcert/domain';
import type { OccupationDetail, OccupationItem, OccupationsQuery } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { occupations, skillStandards } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { assertSameVersion, paging } from './common';
import { standardColumns, toStandardItem } from './standards';

type OccupationRow = typeof occupations.$inferSelect;

function toItem(row: OccupationRow, hasChildren: boolean): OccupationItem {
  return {
    code: row.code,
    name: row.name,
    level: row.level as OccupationItem['level'],
    parentCode: row.parentCode,
    majorCategory: row.majorCategory,
    markers: row.markers,
    since: row.since,
    restrictedByQualification: row.restrictedByQualification,
    restrictionReview: row.restrictionReview as OccupationItem['restrictionReview'],
    restrictionNote: row.restrictionNote,
    hasChildren,
    version: row.version,
  };
}

async function codesWithChildren(db: Executor, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ parentCode: occupations.parentCode })
    .from(occupations)
    .where(inArray(occupations.parentCode, codes));
  return new Set(rows.map((r) => r.parentCode ?? ''));
}

/**
 * Search (`q`: a code prefix such as '6-18', or any part of the name, even one character such as '焊'),
 * or browse the tree lazily: the children of `parentCode`, or the 8 major categories when nothing is given.
 */
export async function listOccupations(
  db: Executor,
  query: OccupationsQuery,
): Promise<{ items: OccupationItem[]; total: number; page: number; pageSize: number }> {
  const conditions: SQL[] = [];
  const q = query.q?.normalize('NFKC').trim();
  if (q) {
    conditions.push(
      or(sql`starts_with(${occupations.code}, ${q})`, sql`position(${q} in ${occupations.name}) > 0`) as SQL,
    );
    // Within a branch of the tree: every descendant of parentCode.
    if (query.parentCode) conditions.push(sql`starts_with(${occupations.code}, ${`${query.parentCode}-`})`);
  } else if (query.parentCode) {
    conditions.push(eq(occupations.parentCode, query.parentCode));
  } else if (!query.level && !query.restrictionReview) {
    conditions.push(eq(occupations.level, 'major'));
  }
  if (query.level) conditions.push(eq(occupations.level, query.level));
  if (query.restrictionReview) conditions.push(eq(occupations.restrictionReview, query.restrictionReview));
  const where = conditions.length > 0 ? and(...conditions) : undefined;

  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(occupations)
    .where(where);
  const rows = await db
    .select()
    .from(occupations)
    .where(where)
    .orderBy(asc(occupations.code))
    .limit(paging(query.page, query.pageSize).limit)
    .offset(paging(query.page, query.pageSize).offset);
  const parents = await codesWithChildren(
    db,
    rows.filter((r) => r.level !== 'occupation').map((r) => r.code),
  );
  return {
    items: rows.map((r) => toItem(r, parents.has(r.code))),
    total: Number(count?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The occupation, its ancestors (major → parent) and the national standards mapped to it (R4). */
export async function getOccupation(db: Executor, code: string): Promise<OccupationDetail> {
  const [row] = await db.select().from(occupations).where(eq(occupations.code, code)).limit(1);
  if (!row) throw notFound('OCCUPATION_NOT_FOUND', `职业编码"${code}"不存在`);
  const segments = code.split('-');
  const ancestorCodes = segments.slice(1).map((_, i) => segments.slice(0, i + 1).join('-'));
  const ancestors = ancestorCodes.length
    ? await db
        .select({ code: occupations.code, name: occupations.name, level: occupations.level })
        .from(occupations)
        .where(inArray(occupations.code, ancestorCodes))
        .orderBy(asc(occupations.code))
    : [];
  const standards = await db
    .select(standardColumns)
    .from(skillStandards)
    .leftJoin(occupations, eq(occupations.code, skillStandards.mappedOccupationCode))
    .where(eq(skillStandards.mappedOccupationCode, code))
    .orderBy(sql`${skillStandards.year} desc`, asc(skillStandards.name));
  const children = await codesWithChildren(db, [code]);
  return {
    occupation: {
      ...toItem(row, children.has(code)),
      source: row.source,
      note: row.note,
      jobs: row.jobs,
    },
    path: ancestors.map((a) => ({ ...a, level: a.level as OccupationItem['level'] })),
    standards: standards.map(toStandardItem),
  };
}

export interface RestrictionInput {
  restrictedByQualification: boolean;
  note: string;
  version: number;
}

/** R5: an admin confirms or clears the flag; the review becomes 'confirmed'. */
export async function updateOccupationRestriction(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  code: string,
  input: RestrictionInput,
  meta: RequestMeta,
): Promise<OccupationItem> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(occupations).where(eq(occupations.code, code)).for('update');
    if (!row) throw notFound('OCCUPATION_NOT_FOUND', `职业编码"${code}"不存在`);
    if (row.level !== 'occupation')
      throw invalid(
        'NOT_AN_OCCUPATION',
        `"${row.name}"是${row.level === 'major' ? '大类' : row.level === 'middle' ? '中类' : '小类'}，只有职业（细类）可以标记`,
      );
    assertSameVersion(row.version, input.version);
    assertRestrictionChangeAllowed(code, input.restrictedByQualification);
    const [updated] = await tx
      .update(occupations)
      .set({
        restrictedByQualification: input.restrictedByQualification,
        restrictionReview: 'confirmed',
        restrictionNote: input.note,
        version: row.version + 1,
      })
      .where(eq(occupations.code, code))
      .returning();
    const pick = (r: OccupationRow) => ({
      restrictedByQualification: r.restrictedByQualification,
      restrictionReview: r.restrictionReview,
      restrictionNote: r.restrictionNote,
      version: r.version,
    });
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'dictionary.occupation_restriction_updated',
        targetType: 'occupation',
        targetId: code,
        reason: input.note,
        before: pick(row),
        after: pick(updated!),
      },
      now,
    );
    return toItem(updated!, false);
  });
}
