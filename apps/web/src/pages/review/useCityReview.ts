/** What the city bureau's panels read about one application: draws, expert reviews, site visits, the opinion. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
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

const quiet = { silent: true };

export function useCityReview(applicationId: string, status: string): CityReview {
  const [draws, setDraws] = useState<ExpertDrawList | null>(null);
  const [reviews, setReviews] = useState<ExpertReviews | null>(null);
  const [sites, setSites] = useState<SiteAssessment[]>([]);
  const [opinion, setOpinion] = useState<CityOpinionAnswer | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let stale = false;
    const base = `/api/applications/${applicationId}`;
    void api.get<ExpertDrawList>(`${base}/expert-draws`, undefined, quiet).then(
      (d) => !stale && setDraws(d),
      () => undefined,
    );
    void api.get<ExpertReviews>(`${base}/expert-reviews`, undefined, quiet).then(
      (d) => !stale && setReviews(d),
      () => undefined,
    );
    void api.get<{ items: SiteAssessment[] }>(`${base}/site-assessments`, undefined, quiet).then(
      (d) => !stale && setSites(d.items),
      () => undefined,
    );
    void api.get<CityOpinionAnswer>(`${base}/opinion`, undefined, quiet).then(
      (d) => !stale && setOpinion(d),
      () => !stale && setOpinion(null),
    );
    return () => {
      stale = true;
    };
  }, [applicationId, status, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { draws, reviews, sites, opinion, reload };
}
