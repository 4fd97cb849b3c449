/** Shapes of the filing-confirmation API, inferred from the contracts (types only). */
import type { z } from 'zod';
import type {
  confirmationPreview,
  confirmFilingResponse,
  filingListStaffDetail,
  filingListSummary,
  pendingConfirmation,
} from '@skillcert/contracts';

export type PendingConfirmation = z.infer<typeof pendingConfirmation>;
export type ConfirmationPreview = z.infer<typeof confirmationPreview>;
export type ConfirmAnswer = z.infer<typeof confirmFilingResponse>;
export type FilingListSummary = z.infer<typeof filingListSummary>;
export type FilingListStaffDetail = z.infer<typeof filingListStaffDetail>;
