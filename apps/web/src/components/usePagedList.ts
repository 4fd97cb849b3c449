/** Server-paginated list state: query, page, page size, loading, error; `tableProps` plug into antd Table. */
import { useCallback, useEffect, useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { api, ApiError, asPaged, type Paged, type Query } from '../api/client';

export interface PagedList<T> {
  data: Paged<T> | undefined;
  loading: boolean;
  error: ApiError | null;
  query: Query;
  search(query: Query): void;
  reload(): void;
  pagination: TablePaginationConfig;
}

export function usePagedList<T>(
  path: string | null,
  opts: { initialQuery?: Query; pageSize?: number } = {},
): PagedList<T> {
  const [query, setQuery] = useState<Query>(opts.initialQuery ?? {});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(opts.pageSize ?? 20);
  const [data, setData] = useState<Paged<T>>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!path) return;
    let stale = false;
    setLoading(true);
    setError(null);
    api
      .get<Paged<T> | T[]>(path, { ...query, page, pageSize })
      .then((d) => {
        if (!stale) setData(asPaged(d, page, pageSize));
      })
      .catch((e: unknown) => {
        if (!stale)
          setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', '加载失败，请稍后重试', undefined, 0));
      })
      .finally(() => {
        if (!stale) setLoading(false);
      });
    return () => {
      stale = true;
    };
  }, [path, query, page, pageSize, tick]);

  const search = useCallback((q: Query) => {
    setQuery(q);
    setPage(1);
  }, []);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  return {
    data,
    loading,
    error,
    query,
    search,
    reload,
    pagination: {
      current: page,
      pageSize,
      total: data?.total ?? 0,
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
