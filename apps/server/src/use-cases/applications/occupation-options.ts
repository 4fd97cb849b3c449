/**
 * 职业选择器: occupations of major categories 3–6 (skill types, R3), category 6 first, each with the
 * national standards on file (R4) and its known 工种 as suggestions.
 */
import { and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { isSkillLevel, parseSkillLevel } from '@skillcert/domain';
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
        inArray(occupations.majorCategory, [3, 4, 5, 6]),
        or(ilike(occupations.code, `${term}%`), ilike(occupations.name, `%${term}%`)),
      ),
    )
    .orderBy(
      desc(sql`${occupations.majorCategory} = 6`),
      desc(sql`${occupations.name} = ${q.trim()}`),
      asc(occupations.code),
    )
    .limit(limit);
  const codes = rows.map((r) => r.code);
  const standards = codes.length
    ? await db.select().from(skillStandards).where(inArray(skillStandards.mappedOccupationCode, codes))
    : [];
  return rows.map((o) => ({
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
