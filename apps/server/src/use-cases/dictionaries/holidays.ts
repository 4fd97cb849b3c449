/** 节假日与调休 dictionary: read a year, list the entered years, and replace a year's arrangement (admin). */
import { asc, eq, sql } from 'drizzle-orm';
import {
  buildWorkingDayCalendar,
  firstCodeOf,
  invalid,
  isCalendarDate,
  todayInShanghai,
  type Actor,
  type ErrorDetail,
} from '@skillcert/domain';
import type { HolidayYear } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { holidays, holidayYears } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import {
  HOLIDAY_EDIT_LOCK,
  invalidateWorkingDayCalendar,
} from '../../reference/working-day-calendar-service';
import { reviseProvisionalNotices } from '../notices/revise-provisional-notices';
import { toIso } from './common';

export async function getHolidayYear(db: Executor, year: number): Promise<HolidayYear> {
  const [meta] = await db.select().from(holidayYears).where(eq(holidayYears.year, year)).limit(1);
  const days = await db
    .select({ date: holidays.date, name: holidays.name, isOffDay: holidays.isOffDay })
    .from(holidays)
    .where(eq(holidays.year, year))
    .orderBy(asc(holidays.date));
  return {
    year,
    published: Boolean(meta),
    source: meta?.source ?? null,
    updatedAt: toIso(meta?.updatedAt),
    days,
  };
}

export const currentYear = (now: Date) => Number(todayInShanghai(now).slice(0, 4));

export async function listHolidayYears(db: Executor) {
  const rows = await db
    .select({
      year: holidayYears.year,
      source: holidayYears.source,
      updatedAt: holidayYears.updatedAt,
      days: sql<number>`(select count(*)::int from ${holidays} h where h.year = ${holidayYears.year})`,
      offDays: sql<number>`(select count(*)::int from ${holidays} h where h.year = ${holidayYears.year} and h.is_off_day)`,
    })
    .from(holidayYears)
    .orderBy(asc(holidayYears.year));
  return rows.map((r) => ({
    year: r.year,
    source: r.source,
    updatedAt: toIso(r.updatedAt)!,
    days: Number(r.days),
    offDays: Number(r.offDays),
    workingDays: Number(r.days) - Number(r.offDays),
  }));
}

export interface HolidayYearInput {
  days: { date: string; name: string; isOffDay: boolean }[];
  source: string;
}

/**
 * Replaces the arrangement of one year (as published by the State Council) and marks the year entered,
 * so working days in it are no longer provisional (R10). Every date must exist and lie in that year,
 * once. In the same transaction every published notice whose end date was 暂定 is revised (never
 * shortened, 顺延 when the arrangement needs more days).
 */
export async function replaceHolidayYear(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  year: number,
  input: HolidayYearInput,
  meta: RequestMeta,
): Promise<HolidayYear> {
  const errors: ErrorDetail[] = [];
  const seen = new Set<string>();
  input.days.forEach((d, i) => {
    const field = `days.${i}.date`;
    if (!isCalendarDate(d.date)) {
      errors.push({ code: 'DATE_INVALID', message: `日期"${d.date}"不存在`, field });
    } else if (!d.date.startsWith(`${year}-`)) {
      errors.push({ code: 'HOLIDAY_DATE_WRONG_YEAR', message: `日期${d.date}不属于${year}年`, field });
    } else if (seen.has(d.date)) {
      errors.push({ code: 'HOLIDAY_DATE_DUPLICATE', message: `日期${d.date}重复录入`, field });
    }
    seen.add(d.date);
  });
  if (errors.length > 0) {
    throw invalid(
      firstCodeOf(errors, 'HOLIDAY_DATE_INVALID'),
      `节假日安排有误：${errors.map((e) => e.message).join('；')}`,
      errors,
    );
  }
  const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));
  // The domain calendar is the final judge of the data (names, flags).
  buildWorkingDayCalendar({ [String(year)]: days });

  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${HOLIDAY_EDIT_LOCK})`);
    const before = await getHolidayYear(tx, year);
    await tx.delete(holidays).where(eq(holidays.year, year));
    await tx.insert(holidays).values(days.map((d) => ({ ...d, year })));
    await tx
      .insert(holidayYears)
      .values({ year, source: input.source, updatedAt: now })
      .onConflictDoUpdate({ target: holidayYears.year, set: { source: input.source, updatedAt: now } });
    const after = await getHolidayYear(tx, year);
    // Its audit entries are its last statements; the holiday's own entry follows.
    await reviseProvisionalNotices(tx, year, actor, { now, meta });
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'dictionary.holidays_updated',
        targetType: 'holiday_year',
        targetId: String(year),
        reason: input.source,
        before: { published: before.published, source: before.source, days: before.days },
        after: { published: after.published, source: after.source, days: after.days },
      },
      now,
    );
    return after;
  });
  invalidateWorkingDayCalendar(deps.db);
  return result;
}
