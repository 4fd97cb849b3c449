/** 备案确认通知书 of a filed application (applicant of the organization, its city, province staff). */
import { api } from '../../api/client';

export const downloadFilingConfirmation = (detail: { id: string; number: string | null }) =>
  void api
    .download(
      `/api/applications/${detail.id}/filing-confirmation.pdf`,
      `备案确认通知书-${detail.number ?? ''}.pdf`,
    )
    .catch(() => undefined);
