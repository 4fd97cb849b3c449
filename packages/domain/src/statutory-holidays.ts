/**
 * 法定节日与调休的已知范围 — what the working-day calendar may assume about a year whose State Council
 * arrangement (节假日安排) is not published yet (R10, 通知§五(四); stage limits, docs/domain.md §4).
 *
 * The statutory days are law: 《全国年节及纪念日放假办法》 as revised by 国务院令第795号 (in force
 * 2025-01-01), 第二条. Which weekdays around them become days off (放假调休) is decided every year by the
 * State Council; the longest runs it arranges are the bounds below. A weekday that some run within those
 * bounds could cover is "possibly off": the provisional calendar never counts it as a working day, so a
 * provisional end date can only be later than the real one, never earlier.
 *
 * The lunar anchors (除夕, 清明, 端午, 中秋) are data handed in by the caller (the server computes them with
 * a lunar-calendar library); this module stays pure, like the rest of the domain.
 */
import { addDays, dateParts, isCalendarDate, type CalendarDate } from './calendar-date';
import { invalid } from './errors';

/** The first year of the revised 放假办法 (春节 4 days from 除夕); earlier years cannot be inferred. */
export const STATUTORY_RULES_IN_FORCE_FROM = 2025;

/** The lunar dates of one Gregorian year on which the movable holidays fall. */
export interface HolidayAnchors {
  /** 农历除夕 (the day before 正月初一), the first day of 春节. */
  chuxi: CalendarDate;
  /** 清明 (the solar term's day). */
  qingming: CalendarDate;
  /** 端午 (农历五月初五). */
  duanwu: CalendarDate;
  /** 中秋 (农历八月十五). */
  zhongqiu: CalendarDate;
}

/** `{ "2027": { chuxi: '2027-02-05', … } }` — keyed by the Gregorian year. */
export type HolidayAnchorsByYear = Record<string, HolidayAnchors>;

export interface StatutoryHolidayRule {
  name: string;
  /** Where the first statutory day lies: a fixed month-day, or one of the year's lunar anchors. */
  firstDay: { monthDay: string } | { anchor: keyof HolidayAnchors };
  /** Statutory days off (法定假日), consecutive from the first day. */
  statutoryDays: number;
  /** Shortest and longest run of consecutive days off (放假调休, weekends included) ever arranged. */
  runDays: { min: number; max: number };
  /** Where the numbers come from. */
  source: string;
}

const LAW = '《全国年节及纪念日放假办法》（国务院令第795号修订，2025年1月1日起施行）第二条';
/** The arrangements since the revision (reference-data/SOURCES.md §3, gov.cn). */
const ARRANGEMENTS =
  '国务院办公厅2025年、2026年部分节假日安排的通知（gov.cn content_6986383、content_7047091）';

/**
 * The seven holidays. `runDays.max` is what the provisional calendar uses; `min` documents the shortest
 * run (a single day when the State Council does not move any working day, e.g. 元旦 2025).
 */
export const STATUTORY_HOLIDAYS: readonly StatutoryHolidayRule[] = [
  {
    name: '元旦',
    firstDay: { monthDay: '01-01' },
    statutoryDays: 1,
    runDays: { min: 1, max: 3 },
    source: `${LAW}：1月1日放假1天；${ARRANGEMENTS}：2025年1天、2026年3天（与周末相连）`,
  },
  {
    name: '春节',
    firstDay: { anchor: 'chuxi' },
    statutoryDays: 4,
    runDays: { min: 8, max: 9 },
    source: `${LAW}：农历除夕、正月初一至初三放假4天；${ARRANGEMENTS}：2025年自除夕起8天，2026年除夕前一日起9天`,
  },
  {
    name: '清明节',
    firstDay: { anchor: 'qingming' },
    statutoryDays: 1,
    runDays: { min: 1, max: 3 },
    source: `${LAW}：清明当日放假1天；${ARRANGEMENTS}：放假调休3天，与周末相连`,
  },
  {
    name: '劳动节',
    firstDay: { monthDay: '05-01' },
    statutoryDays: 2,
    runDays: { min: 5, max: 5 },
    source: `${LAW}：5月1日、2日放假2天；${ARRANGEMENTS}：5月1日至5日放假调休5天`,
  },
  {
    name: '端午节',
    firstDay: { anchor: 'duanwu' },
    statutoryDays: 1,
    runDays: { min: 1, max: 3 },
    source: `${LAW}：农历端午当日放假1天；${ARRANGEMENTS}：放假调休3天，与周末相连`,
  },
  {
    name: '中秋节',
    firstDay: { anchor: 'zhongqiu' },
    statutoryDays: 1,
    runDays: { min: 1, max: 3 },
    source: `${LAW}：农历中秋当日放假1天；${ARRANGEMENTS}：2026年放假调休3天（与国庆相近时并入国庆假期）`,
  },
  {
    name: '国庆节',
    firstDay: { monthDay: '10-01' },
    statutoryDays: 3,
    runDays: { min: 7, max: 8 },
    source: `${LAW}：10月1日至3日放假3天；${ARRANGEMENTS}：2026年7天，2025年与中秋连休8天`,
  },
];

/** A day that the arrangement of `holidayYear` could make a day off. */
export interface PossibleDayOff {
  date: CalendarDate;
  name: string;
  /** The Gregorian year whose arrangement decides it (元旦 of Y+1 may reach 30–31 December of Y). */
  holidayYear: number;
  /** true = a statutory day (off for certain); false = it may become a 调休 day off. */
  statutory: boolean;
}

const anchorsInvalid = (year: string, message: string) =>
  invalid('CALENDAR_DATA_INVALID', `${year}年的农历节日日期有误：${message}`);

/** The Gregorian months in which each anchor can fall; a date outside is a computation error. */
const ANCHOR_MONTHS: Record<keyof HolidayAnchors, number[]> = {
  chuxi: [1, 2],
  qingming: [4],
  duanwu: [5, 6],
  zhongqiu: [9, 10],
};

/** Checks the anchors handed in (every key present, a real date in the right year and season). */
export function assertHolidayAnchors(anchorsByYear: HolidayAnchorsByYear): void {
  for (const [year, anchors] of Object.entries(anchorsByYear)) {
    if (!/^\d{4}$/.test(year)) throw anchorsInvalid(year, '年份应为4位数字');
    for (const key of Object.keys(ANCHOR_MONTHS) as (keyof HolidayAnchors)[]) {
      const date = anchors?.[key];
      if (typeof date !== 'string' || !isCalendarDate(date) || !date.startsWith(`${year}-`))
        throw anchorsInvalid(year, `${key}"${String(date)}"不是该年的日期`);
      if (!ANCHOR_MONTHS[key].includes(dateParts(date).month))
        throw anchorsInvalid(year, `${key}"${date}"不在可能的月份`);
    }
  }
}

/**
 * Every day the arrangement of `holidayYear` could make a day off: for each holiday, the statutory days
 * and every day a run of at most `runDays.max` consecutive days containing all of them could reach
 * (from max−statutory days before the first statutory day to as many after the last). A movable holiday
 * needs the year's anchors; without them only the fixed-date holidays are known.
 */
export function possibleDaysOff(holidayYear: number, anchors: HolidayAnchors | undefined): PossibleDayOff[] {
  if (holidayYear < STATUTORY_RULES_IN_FORCE_FROM) return [];
  const out: PossibleDayOff[] = [];
  for (const rule of STATUTORY_HOLIDAYS) {
    const first =
      'monthDay' in rule.firstDay
        ? `${holidayYear}-${rule.firstDay.monthDay}`
        : anchors?.[rule.firstDay.anchor];
    if (!first) continue;
    const slack = rule.runDays.max - rule.statutoryDays;
    for (let i = -slack; i < rule.statutoryDays + slack; i += 1) {
      const statutory = i >= 0 && i < rule.statutoryDays;
      out.push({ date: addDays(first, i), name: rule.name, holidayYear, statutory });
    }
  }
  return out;
}
