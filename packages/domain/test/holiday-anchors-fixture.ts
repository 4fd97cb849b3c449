/**
 * The lunar anchors of 2025–2028 as a lunar calendar gives them (the server computes them with
 * lunar-javascript; its own test checks the same dates), so domain tests hand the calendar data.
 */
import type { HolidayAnchorsByYear } from '../src/statutory-holidays';

export const ANCHORS: HolidayAnchorsByYear = {
  '2025': { chuxi: '2025-01-28', qingming: '2025-04-04', duanwu: '2025-05-31', zhongqiu: '2025-10-06' },
  '2026': { chuxi: '2026-02-16', qingming: '2026-04-05', duanwu: '2026-06-19', zhongqiu: '2026-09-25' },
  '2027': { chuxi: '2027-02-05', qingming: '2027-04-05', duanwu: '2027-06-09', zhongqiu: '2027-09-15' },
  '2028': { chuxi: '2028-01-25', qingming: '2028-04-04', duanwu: '2028-05-28', zhongqiu: '2028-10-03' },
};
