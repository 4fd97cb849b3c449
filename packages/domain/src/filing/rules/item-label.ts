/**
 * How a scope item is named in findings: '第2项 6-18-02-04 焊工（工种：电焊工）'. The applicant sees a list of
 * findings, so each must say which row it is about without relying on the UI's layout.
 */
import type { PrecheckContext, PrecheckScopeItem } from '../precheck-context';

export function itemLabel(
  item: PrecheckScopeItem,
  index: number,
  occupations: PrecheckContext['occupations'],
): string {
  const name = occupations[item.occupationCode]?.name;
  const job = item.jobName.trim() ? `（工种：${item.jobName.trim()}）` : '';
  return `第${index + 1}项 ${item.occupationCode}${name ? ` ${name}` : ''}${job}`;
}
