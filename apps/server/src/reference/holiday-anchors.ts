/**
 * The lunar dates of the movable statutory holidays (除夕, 清明, 端午, 中秋) per Gregorian year, computed
 * with lunar-javascript and handed to the domain calendar as data. The domain stays free of packages
 * (ARCHITECTURE.md: domain → nothing; the browser also imports it, and the library is ~430 kB).
 *
 * The range: the revised 《全国年节及纪念日放假办法》 (春节 4 days from 除夕) applies from 2025; after 2100
 * nobody needs a working day yet. A year outside the range without published data stays an error.
 */
import lunar from 'lunar-javascript';
import {
  addDays,
  STATUTORY_RULES_IN_FORCE_FROM,
  type HolidayAnchors,
  type HolidayAnchorsByYear,
} from '@skillcert/domain';

export const HOLIDAY_ANCHOR_YEARS = { from: STATUTORY_RULES_IN_FORCE_FROM, to: 2100 } as const;

/** 除夕 (the day before 正月初一), 清明 (solar term), 端午 (五月初五) and 中秋 (八月十五) of `year`. */
export function holidayAnchorsOf(year: number): HolidayAnchors {
  const newYear = lunar.Lunar.fromYmd(year, 1, 1);
  const qingming = newYear.getJieQiTable()['清明'];
  if (!qingming) throw new Error(`清明 of ${year} not found`);
  return {
    chuxi: addDays(newYear.getSolar().toYmd(), -1),
    qingming: qingming.toYmd(),
    duanwu: lunar.Lunar.fromYmd(year, 5, 5).getSolar().toYmd(),
    zhongqiu: lunar.Lunar.fromYmd(year, 8, 15).getSolar().toYmd(),
  };
}

let all: HolidayAnchorsByYear | undefined;

/** Every year of the range (computed once per process: a pure function of the year, ~0.1 s). */
export function holidayAnchors(): HolidayAnchorsByYear {
  if (!all) {
    const byYear: HolidayAnchorsByYear = {};
    for (let y = HOLIDAY_ANCHOR_YEARS.from; y <= HOLIDAY_ANCHOR_YEARS.to; y += 1) {
      byYear[String(y)] = holidayAnchorsOf(y);
    }
    all = byYear;
  }
  return all;
}
