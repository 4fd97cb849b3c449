/** The collection rounds for a filter or picker (GET /api/rounds, first 100), read once and shared. */
import { useQuery } from '@tanstack/react-query';
import type { Round } from './filing-types';
import { api } from './client';
import { routeKey } from './query';

const QUERY = { pageSize: 100 };

export function useRounds(): Round[] {
  const { data } = useQuery({
    queryKey: routeKey('/api/rounds', QUERY),
    queryFn: () => api.get('/api/rounds', { query: QUERY }),
  });
  return data?.items ?? [];
}
