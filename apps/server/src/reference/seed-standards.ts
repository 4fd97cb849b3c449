/**
 * 国家职业技能标准 (reference-data/SOURCES.md §7). Each standard is mapped to the 2022 occupation it
 * serves (R4): by its code when OSTA's code and name match the catalogue (or the code is a 2022 code),
 * else by exact name (`nameMatchCode`), else left unmapped for an admin. Levels are recorded only where
 * the data has them (焊工); the rest are 待核对 (pending).
 */
import type { Executor } from '../db/client';
import { skillStandards } from '../db/schema';
import { insertMissing } from './insert-chunks';
import { readReferenceJson } from './reference-files';

export interface StandardRecord {
  occupationCode: string;
  jobCode?: string;
  name: string;
  year: number;
  effectiveFrom?: string;
  issuedBy?: string;
  codeEdition: string;
  catalogueCheck: 'code-and-name-match' | 'code-match-name-differs' | 'code-not-in-catalogue';
  nameMatchCode?: string;
  earlierEditions?: unknown[];
  levels?: string[];
  levelsSource?: string;
  source?: string;
}

export type MappingStatus = 'data' | 'name' | 'admin' | 'unmapped';

export function mapStandard(r: StandardRecord): { code: string | null; status: MappingStatus } {
  if (r.catalogueCheck === 'code-and-name-match') return { code: r.occupationCode, status: 'data' };
  // A 2022-edition code whose name is spelled differently by OSTA (研学旅游/旅行指导师) is the same occupation.
  if (r.catalogueCheck === 'code-match-name-differs' && r.codeEdition === '2022')
    return { code: r.occupationCode, status: 'data' };
  if (r.nameMatchCode) return { code: r.nameMatchCode, status: 'name' };
  return { code: null, status: 'unmapped' };
}

export function standardRows(records: readonly StandardRecord[]): (typeof skillStandards.$inferInsert)[] {
  return records.map((r) => {
    const mapping = mapStandard(r);
    const levels = r.levels ?? [];
    return {
      occupationCode: r.occupationCode,
      jobCode: r.jobCode ?? null,
      name: r.name,
      year: r.year,
      effectiveFrom: r.effectiveFrom ?? null,
      issuedBy: r.issuedBy ?? null,
      codeEdition: r.codeEdition,
      catalogueCheck: r.catalogueCheck,
      mappedOccupationCode: mapping.code,
      mappingStatus: mapping.status,
      levels,
      levelsStatus: levels.length > 0 ? 'recorded' : 'pending',
      earlierEditions: r.earlierEditions ?? [],
      source: r.source ?? null,
      levelsSource: levels.length > 0 ? (r.levelsSource ?? null) : null,
    };
  });
}

export async function seedStandards(db: Executor): Promise<number> {
  const rows = standardRows(readReferenceJson<StandardRecord[]>('skill-standards.json'));
  const key = (r: { occupationCode: string; name: string }) => `${r.occupationCode}\u0000${r.name}`;
  const existing = new Set(
    (
      await db
        .select({ occupationCode: skillStandards.occupationCode, name: skillStandards.name })
        .from(skillStandards)
    ).map(key),
  );
  return insertMissing(
    db,
    skillStandards,
    rows.filter((r) => !existing.has(key(r))),
  );
}
