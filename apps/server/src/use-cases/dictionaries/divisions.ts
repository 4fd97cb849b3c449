/** 市州 and their counties, in the official order of hunan-divisions.json. */
import { asc, eq } from 'drizzle-orm';
import type { CityWithCounties } from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import { divisions } from '../../db/schema';

export async function listCitiesWithCounties(db: Executor): Promise<CityWithCounties[]> {
  const cities = await db
    .select({ code: divisions.code, name: divisions.name })
    .from(divisions)
    .where(eq(divisions.level, 'city'))
    .orderBy(asc(divisions.sortOrder));
  const counties = await db
    .select({ code: divisions.code, name: divisions.name, parentCode: divisions.parentCode })
    .from(divisions)
    .where(eq(divisions.level, 'county'))
    .orderBy(asc(divisions.sortOrder));
  return cities.map((c) => ({
    ...c,
    counties: counties.filter((k) => k.parentCode === c.code).map(({ code, name }) => ({ code, name })),
  }));
}

/** '长沙市芙蓉区' for a county, '长沙市' for a city, '湖南省' for the province; null when unknown. */
export async function divisionFullName(db: Executor, code: string): Promise<string | null> {
  const [row] = await db
    .select({ name: divisions.name, level: divisions.level, parentCode: divisions.parentCode })
    .from(divisions)
    .where(eq(divisions.code, code))
    .limit(1);
  if (!row) return null;
  if (row.level !== 'county' || !row.parentCode) return row.name;
  const [parent] = await db
    .select({ name: divisions.name })
    .from(divisions)
    .where(eq(divisions.code, row.parentCode))
    .limit(1);
  return `${parent?.name ?? ''}${row.name}`;
}
