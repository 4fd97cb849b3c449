/**
 * The itemised reasons of a 决定书 for notice_reject (异议成立，不予备案): each occupation / 工种 an upheld
 * objection removed from the notice, with the reason when it differs from the decision's general one.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { publicNoticeItems } from '../../db/schema';
import { itemText } from '../notices/notice-presenter';

export async function noticeRejectionDetails(
  db: Executor,
  applicationId: string,
  generalReason: string | null,
): Promise<string[]> {
  const items = await db
    .select()
    .from(publicNoticeItems)
    .where(and(eq(publicNoticeItems.applicationId, applicationId), eq(publicNoticeItems.status, 'rejected')))
    .orderBy(asc(publicNoticeItems.sortOrder), asc(publicNoticeItems.id));
  return items.map((i) => {
    const reason = i.statusReason?.trim();
    return `公示期异议成立，移出公示的职业（工种）：${itemText(i)}${reason && reason !== generalReason?.trim() ? `，理由：${reason}` : ''}`;
  });
}
