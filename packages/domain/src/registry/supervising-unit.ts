/**
 * 主管单位 of a filed body: the recommending city's 人社局 (谁推荐、谁监管, 通知§六(二)); a unit that applied
 * at province level (省直, pseudo-city 430000, docs/domain.md §2) is supervised by the province's 人社厅.
 * One wording for the registry page, its CSV/JSON export, the 第N批 list and the letters.
 */
const PROVINCE_BUREAU = '湖南省人力资源和社会保障厅';
const PROVINCE_LEVEL_CITY = '430000';

export function supervisingUnitName(cityCode: string, cityName: string | null): string {
  return cityCode === PROVINCE_LEVEL_CITY ? PROVINCE_BUREAU : `${cityName ?? '市州'}人力资源和社会保障局`;
}
