/**
 * Data loading for every page: TanStack Query over the typed client. A query's key starts with its route
 * (`['/api/rounds', {query}]`), so a mutation invalidates everything read from a route by naming it.
 */
import { QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { GetRoutes } from './routes';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // The client already shows the server's message; a failed read is shown, not silently retried.
      retry: false,
      refetchOnWindowFocus: false,
      // A page opened again reads afresh instead of showing what it saw last time; reads shown together
      // (the same route on one screen) still share one request.
      gcTime: 0,
    },
    mutations: { retry: false },
  },
});

/** The key of a read: its route first, then what varies (params, query). */
export const routeKey = (route: keyof GetRoutes, ...vary: unknown[]) => [route, ...vary] as const;

/** Marks every read of the given routes stale (they refetch if shown), e.g. after a mutation. */
export function useInvalidate(): (...routes: (keyof GetRoutes)[]) => Promise<void> {
  const client = useQueryClient();
  return useCallback(
    async (...routes) => {
      await Promise.all(routes.map((route) => client.invalidateQueries({ queryKey: [route] })));
    },
    [client],
  );
}
