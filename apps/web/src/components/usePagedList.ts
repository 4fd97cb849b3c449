/** Server-paginated list state: query, page, page size, loading, error; `tableProps` plug into antd Table. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { api, ApiError, asPaged, type Paged, type ParamName, type Query } from '../api/client';
import type { GetRoutes } from '../api/routes';

export interface PagedList<T> {
  data: Paged<T> | undefined;
  loading: boolean;
  error: ApiError | null;
  query: Query;
  search(query: Query): void;
  reload(): void;
  pagination: TablePaginationConfig;
}

/** Routes without `:name` segments whose answer is a list (`{items, total…}` or a bare array). */
type ListRoute = {
  [R in keyof GetRoutes]: [ParamName<R>] extends [never]
    ? GetRoutes[R] extends { items: unknown[] } | unknown[]
      ? R
      : never
    : never;
}[keyof GetRoutes];
/** The type of one item of a list route's answer. */
export type ItemOf<R extends ListRoute> = R extends unknown
  ? GetRoutes[R] extends { items: (infer T)[] }
    ? T
    : GetRoutes[R] extends (infer T)[]
      ? T
      : never
  : never;

export function usePagedList<R extends ListRoute>(
  route: R | null,
  opts?: { initialQuery?: Query; pageSize?: number },
): PagedList<ItemOf<R>>;
export function usePagedList(
  route: ListRoute | null,
  opts: { initialQuery?: Query; pageSize?: number } = {},
): PagedList<ItemOf<ListRoute>> {
  const [query, setQuery] = useState<Query>(opts.initialQuery ?? {});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(opts.pageSize ?? 20);

  const result = useQuery({
    queryKey: [route, { ...query, page, pageSize }],
    queryFn: async () => {
      if (!route) throw new Error('列表未启用');
      const answer = await api.get(route, { query: { ...query, page, pageSize } });
      return asPaged<ItemOf<ListRoute>>(answer, page, pageSize);
    },
    enabled: route !== null,
    placeholderData: keepPreviousData,
  });

  const search = useCallback((q: Query) => {
    setQuery(q);
    setPage(1);
  }, []);
  const { refetch } = result;
  const reload = useCallback(() => void refetch(), [refetch]);
  const error = result.error
    ? result.error instanceof ApiError
      ? result.error
      : new ApiError('UNKNOWN', '加载失败，请稍后重试', undefined, 0)
    : null;

  return {
    data: route ? result.data : undefined,
    loading: result.isFetching,
    error,
    query,
    search,
    reload,
    pagination: {
      current: page,
      pageSize,
      total: result.data?.total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100],
      showTotal: (total) => `共 ${total} 条`,
      onChange: (p, s) => {
        setPage(s !== pageSize ? 1 : p);
        setPageSize(s);
      },
    },
  };
}
