/**
 * 职业分类大典（2022年版）+ the 2024/2025 additions, with R5's flag seeded from the 2021 qualification
 * catalogue (reference-data/SOURCES.md §1, §6).
 */
import {
  restrictionFromCatalogue,
  type CatalogueMatch,
  type CatalogueMatchConfidence,
} from '@skillcert/domain';
import type { Executor } from '../db/client';
import { occupations } from '../db/schema';
import { insertMissing } from './insert-chunks';
import { readReferenceJson } from './reference-files';

export interface OccupationRecord {
  code: string;
  name: string;
  level: 'major' | 'middle' | 'minor' | 'occupation';
  parent: string | null;
  markers?: string[];
  since?: string;
  source?: string;
  note?: string;
  jobs?: { name: string; since?: string }[];
}

interface QualificationCatalogue {
  items: {
    name: string;
    occupations: { code: string; name: string; confidence: CatalogueMatchConfidence }[];
  }[];
}

/** occupation code → the catalogue items matched to it. */
export function catalogueMatchesByCode(catalogue: QualificationCatalogue): Map<string, CatalogueMatch[]> {
  const byCode = new Map<string, CatalogueMatch[]>();
  for (const item of catalogue.items) {
    for (const o of item.occupations) {
      const list = byCode.get(o.code) ?? [];
      list.push({ qualification: item.name, confidence: o.confidence });
      byCode.set(o.code, list);
    }
  }
  return byCode;
}

export function occupationRows(
  records: readonly OccupationRecord[],
  catalogue: QualificationCatalogue,
): (typeof occupations.$inferInsert)[] {
  const matches = catalogueMatchesByCode(catalogue);
  return records.map((r) => {
    const restriction =
      r.level === 'occupation'
        ? restrictionFromCatalogue(r.code, matches.get(r.code) ?? [])
        : { restrictedByQualification: false, restrictionReview: 'none' as const, note: null };
    return {
      code: r.code,
      name: r.name,
      level: r.level,
      parentCode: r.parent,
      majorCategory: Number(r.code.charAt(0)),
      markers: r.markers ?? [],
      since: r.since ?? null,
      source: r.source ?? null,
      note: r.note ?? null,
      jobs: r.jobs ?? [],
      restrictedByQualification: restriction.restrictedByQualification,
      restrictionReview: restriction.restrictionReview,
      restrictionNote: restriction.note,
    };
  });
}

export async function seedOccupations(db: Executor): Promise<number> {
  const rows = occupationRows(
    readReferenceJson<OccupationRecord[]>('occupations.json'),
    readReferenceJson<QualificationCatalogue>('qualification-catalogue-2021.json'),
  );
  const existing = new Set(
    (await db.select({ code: occupations.code }).from(occupations)).map((r) => r.code),
  );
  return insertMissing(
    db,
    occupations,
    rows.filter((r) => !existing.has(r.code)),
  );
}
