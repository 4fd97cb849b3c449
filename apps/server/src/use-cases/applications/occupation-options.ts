/**
 * 职业选择器: every detailed occupation of the 大典 matching the search, filable ones first (categories
 * 3–6, category 6 first), each with the national standards on file (R4), its known 工种 as suggestions
 * and, for one that cannot be filed, the clause that excludes it (通知第三条) — shown greyed, not hidden.
 */
import { and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { isSkillLevel, occupationExclusion, parseSkillLevel } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import { occupations, skillStandards } from '../../db/schema';
import { escapeLike } from '../organizations/organization-queries';

export async function occupationOptions(db: Executor, q: string, limit: number) {
  const term = escapeLike(q.trim());
  const rows = await db
    .select()
    .from(occupations)
    .where(
      and(
        eq(occupations.level, 'occupation'),
        or(ilike(occupations.code, `${term}%`), ilike(occupations.name, `%${term}%`)),
      ),
    )
    .orderBy(
      desc(sql`${occupations.name} = ${q.trim()}`),
      desc(inArray(occupations.majorCategory, [3, 4, 5, 6])),
      desc(sql`${occupations.majorCategory} = 6`),
      asc(occupations.code),
    )
    .limit(limit);
  const codes = rows.map((r) => r.code);
  const standards = codes.length
    ? await db.select().from(skillStandards).where(inArray(skillStandards.mappedOccupationCode, codes))
    : [];
  return rows.map((o) => ({
    exclusion: occupationExclusion({
      code: o.code,
      majorCategory: o.majorCategory,
      restrictedByQualification: o.restrictedByQualification,
      standardCount: standards.filter((s) => s.mappedOccupationCode === o.code).length,
    }),
    code: o.code,
    name: o.name,
    majorCategory: o.majorCategory,
    restrictedByQualification: o.restrictedByQualification,
    restrictionReview: o.restrictionReview,
    standards: standards
      .filter((s) => s.mappedOccupationCode === o.code)
      .map((s) => ({
        id: s.id,
        name: s.name,
        year: s.year,
        levels: s.levels
          .map((l) => parseSkillLevel(l))
          .filter((l): l is NonNullable<typeof l> => l !== null && isSkillLevel(l)),
        levelsStatus: s.levelsStatus,
      })),
    jobs: o.jobs.map((j) => j.name),
  }));
}
