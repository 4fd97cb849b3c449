/** Loads Hunan's divisions (430000 + 14 市州 + 122 counties) and the 省直 pseudo-city rule of docs/domain.md §2. */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { divisions } from '../db/schema';
import { readReferenceJson } from './reference-files';

interface DivisionsFile {
  province: { code: string; name: string };
  prefectures: {
    code: string;
    name: string;
    type: string;
    counties: { code: string; name: string; type: string }[];
  }[];
}

export async function seedDivisions(db: Executor): Promise<number> {
  const file = readReferenceJson<DivisionsFile>('hunan-divisions.json');
  const rows: (typeof divisions.$inferInsert)[] = [
    {
      code: file.province.code,
      name: file.province.name,
      level: 'province',
      parentCode: null,
      type: '省',
      sortOrder: 0,
    },
  ];
  file.prefectures.forEach((p, i) => {
    rows.push({
      code: p.code,
      name: p.name,
      level: 'city',
      parentCode: file.province.code,
      type: p.type,
      sortOrder: i + 1,
    });
    p.counties.forEach((c, j) =>
      rows.push({
        code: c.code,
        name: c.name,
        level: 'county',
        parentCode: p.code,
        type: c.type,
        sortOrder: j + 1,
      }),
    );
  });
  await db
    .insert(divisions)
    .values(rows)
    .onConflictDoUpdate({
      target: divisions.code,
      set: { name: sql`excluded.name`, type: sql`excluded.type` },
    });
  return rows.length;
}
