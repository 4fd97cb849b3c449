/** Shapes of the rounds and applications API, inferred from the contracts (types only, no runtime zod). */
import type { z } from 'zod';
import type {
  applicationDetail,
  applicationSummary,
  finding,
  materialDto,
  occupationOption,
  precheckResponse,
  roundDto,
  scopeItemDto,
  submitResponse,
  timelineEvent,
} from '@skillcert/contracts';

export type { ApplicationFacts, MaterialSlotDto, RoundPolicyDto, ScopeItemInput } from '@skillcert/contracts';

export type Round = z.infer<typeof roundDto>;
export type ApplicationSummary = z.infer<typeof applicationSummary>;
export type ApplicationDetail = z.infer<typeof applicationDetail>;
export type ScopeItem = z.infer<typeof scopeItemDto>;
export type Material = z.infer<typeof materialDto>;
export type Finding = z.infer<typeof finding>;
export type PrecheckResult = z.infer<typeof precheckResponse>;
export type OccupationOption = z.infer<typeof occupationOption>;
export type SubmitAnswer = z.infer<typeof submitResponse>;
export type TimelineEvent = z.infer<typeof timelineEvent>;
export type MaterialSlotView = ApplicationDetail['materialSlots'][number];
