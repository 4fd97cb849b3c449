/**
 * 审核结论 of one applied occupation (scope item) as the stages leave it: the city's opinion recommends it
 * or not (通知§五(二)), the province or an upheld objection refuses it (通知§五(三)(四)). Shown in Chinese;
 * a value the table does not know is named as such, never shown bare.
 */
export const SCOPE_ITEM_VERDICT_LABELS: Readonly<Record<string, string>> = {
  recommended: '推荐',
  not_recommended: '不予推荐',
  rejected: '不予通过',
  held: '暂缓确认',
};

export const scopeItemVerdictLabel = (verdict: string): string =>
  SCOPE_ITEM_VERDICT_LABELS[verdict] ?? `其他结论（${verdict}）`;
