/**
 * Shared by the public 评价机构名录 and 第N批 pages: types inferred from the contracts, label maps, the
 * city list (GET /api/public/divisions) and small presentational pieces. Public calls never redirect
 * to the login page and show their own errors.
 */
import { Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  filingListDetail,
  filingListSummary,
  publicRound,
  registryBodyDetail,
  registryBodySummary,
  registrySearchResult,
} from '@skillcert/contracts';
import { api, ApiError, type Query } from '../../api/client';
import { routeKey } from '../../api/query';

export type RegistryBody = z.infer<typeof registryBodySummary>;
export type RegistryBodyDetail = z.infer<typeof registryBodyDetail>;
export type RegistrySearchResult = z.infer<typeof registrySearchResult>;
export type FilingListSummary = z.infer<typeof filingListSummary>;
export type FilingListDetail = z.infer<typeof filingListDetail>;
export type PublicRound = z.infer<typeof publicRound>;

export const MODE_OPTIONS = [
  { value: 'enterprise_self', label: '企业自主评价' },
  { value: 'school_self', label: '院校自主评价' },
  { value: 'social', label: '社会评价' },
];
export const LEVEL_OPTIONS = [
  { value: 'level5', label: '五级/初级工' },
  { value: 'level4', label: '四级/中级工' },
  { value: 'level3', label: '三级/高级工' },
  { value: 'level2', label: '二级/技师' },
  { value: 'level1', label: '一级/高级技师' },
];
export const STATUS_OPTIONS = [
  { value: 'filed', label: '已备案' },
  { value: 'suspended', label: '暂停' },
  { value: 'revoked', label: '已撤销' },
  { value: 'cancelled', label: '已注销' },
];
const STATUS_COLORS: Record<string, string> = {
  filed: 'green',
  suspended: 'orange',
  revoked: 'red',
  cancelled: 'default',
};

export function RegistryStatusTag({ status, label }: { status: string; label: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{label}</Tag>;
}

/** Public pages' requests: silent (the page shows the error), never redirected to the login page. */
export const PUBLIC_REQUEST = { silent: true, noAuthRedirect: true };

export const errorText = (e: unknown, fallback = '加载失败，请稍后重试') =>
  e instanceof ApiError ? e.message : fallback;

/** The 14 cities of Hunan (and 省直) for selects. */
export function useCityOptions(): { value: string; label: string }[] {
  const { data } = useQuery({
    queryKey: routeKey('/api/public/divisions'),
    queryFn: () => api.get('/api/public/divisions', undefined, PUBLIC_REQUEST),
  });
  return (data ?? []).map((c) => ({ value: c.code, label: c.name }));
}

/** The download URL of the registry export with the current criteria. */
export function exportUrl(format: 'xlsx' | 'csv' | 'json', query: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || k === 'page' || k === 'pageSize') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return `/api/public/registry/export.${format}${s ? `?${s}` : ''}`;
}
