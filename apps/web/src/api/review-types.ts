/** Shapes of the city-review API (inbox, verification, experts, draws, reviews, site visits, opinions, batches). */
import type { z } from 'zod';
import type {
  cityOpinionResponse,
  drawReplayResponse,
  expertDrawList,
  expertReviewList,
  inboxItem,
  messageDto,
  myAssignment,
  recommendationBatchSummary,
  siteAssessmentDto,
  stageLimitsDto,
} from '@skillcert/contracts';

export type InboxItem = z.infer<typeof inboxItem>;
export type ExpertDrawList = z.infer<typeof expertDrawList>;
export type DrawRecord = ExpertDrawList['items'][number];
export type DrawAssignment = ExpertDrawList['assignments'][number];
export type DrawReplay = z.infer<typeof drawReplayResponse>;
export type ExpertReviews = z.infer<typeof expertReviewList>;
export type MyAssignment = z.infer<typeof myAssignment>;
export type SiteAssessment = z.infer<typeof siteAssessmentDto>;
export type CityOpinionAnswer = z.infer<typeof cityOpinionResponse>;
export type BatchSummary = z.infer<typeof recommendationBatchSummary>;
export type Message = z.infer<typeof messageDto>;
export type StageLimits = z.infer<typeof stageLimitsDto>;
export interface MessageList {
  items: Message[];
  total: number;
  unread: number;
}
