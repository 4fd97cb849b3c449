/** What the city bureau's panels read about one application: draws, expert reviews, site visits, the opinion. */
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { routeKey, useInvalidate } from '../../api/query';
import type {
  CityOpinionAnswer,
  ExpertDrawList,
  ExpertReviews,
  SiteAssessment,
} from '../../api/review-types';

export interface CityReview {
  draws: ExpertDrawList | null;
  reviews: ExpertReviews | null;
  sites: SiteAssessment[];
  opinion: CityOpinionAnswer | null;
  reload(): void;
}

// Each panel shows its part or nothing: a part not written yet (no opinion) answers 404, which is no error.
const quiet = { silent: true };

export function useCityReview(applicationId: string, status: string): CityReview {
  const params = { id: applicationId };
  const draws = useQuery({
    queryKey: routeKey('/api/applications/:id/expert-draws', applicationId, status),
    queryFn: () => api.get('/api/applications/:id/expert-draws', { params }, quiet),
  });
  const reviews = useQuery({
    queryKey: routeKey('/api/applications/:id/expert-reviews', applicationId, status),
    queryFn: () => api.get('/api/applications/:id/expert-reviews', { params }, quiet),
  });
  const sites = useQuery({
    queryKey: routeKey('/api/applications/:id/site-assessments', applicationId, status),
    queryFn: () => api.get('/api/applications/:id/site-assessments', { params }, quiet),
  });
  const opinion = useQuery({
    queryKey: routeKey('/api/applications/:id/opinion', applicationId, status),
    queryFn: () => api.get('/api/applications/:id/opinion', { params }, quiet),
  });

  const invalidate = useInvalidate();
  const reload = useCallback(
    () =>
      void invalidate(
        '/api/applications/:id/expert-draws',
        '/api/applications/:id/expert-reviews',
        '/api/applications/:id/site-assessments',
        '/api/applications/:id/opinion',
      ),
    [invalidate],
  );
  return {
    draws: draws.data ?? null,
    reviews: reviews.data ?? null,
    sites: sites.data?.items ?? [],
    opinion: opinion.isError ? null : (opinion.data ?? null),
    reload,
  };
}
