/** The city bureau's work on a verified application: 专家抽取, 专家评审, 实地评估, 书面评估意见 (province: read-only). */
import { Space } from 'antd';
import type { ApplicationDetail } from '../../api/filing-types';
import { ExpertDrawCard } from './ExpertDrawCard';
import { ExpertReviewsCard } from './ExpertReviewsCard';
import { OpinionCard } from './OpinionCard';
import { SiteAssessmentCard } from './SiteAssessmentCard';
import { useCityReview } from './useCityReview';

export function CityReviewPanels({
  detail,
  canAct,
  onChanged,
}: {
  detail: ApplicationDetail;
  canAct: boolean;
  onChanged(): void;
}) {
  const review = useCityReview(detail.id, detail.status);
  const inReview = detail.status === 'verified';
  const reload = () => {
    review.reload();
    onChanged();
  };
  const r = review.reviews;
  const pending = r ? r.assigned - r.submitted : 0;
  const blocker = !r
    ? null
    : r.assigned === 0
      ? '尚未抽取评审专家，不能出具书面评估意见'
      : pending > 0
        ? `还有${pending}位专家未提交评审意见，全部提交后才能出具书面评估意见`
        : review.sites.length === 0
          ? '尚未记录实地评估，不能出具书面评估意见'
          : null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ExpertDrawCard
        applicationId={detail.id}
        draws={review.draws}
        canDraw={canAct && inReview}
        onChanged={reload}
      />
      <ExpertReviewsCard reviews={review.reviews} />
      <SiteAssessmentCard
        applicationId={detail.id}
        slots={detail.materialSlots}
        sites={review.sites}
        canRecord={canAct && inReview}
        onChanged={review.reload}
      />
      <OpinionCard
        detail={detail}
        opinion={review.opinion}
        blocker={blocker}
        canWrite={canAct && inReview}
        onWritten={reload}
      />
    </Space>
  );
}
