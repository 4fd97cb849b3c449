/**
 * What the generated documents of a public notice and its 第N批 list may say about their applications:
 * the notices their rounds implement (cited by each round's exact title) and which bodies were in the
 * spot-check sample (drawn as a target of a draw that was carried out), since "经…抽查复核" is true only
 * of those (通知第五条第三款; the wording itself is the domain's document-wording).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { citeDocuments } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import {
  applications,
  collectionRounds,
  publicNoticeItems,
  spotCheckAssignments,
  spotCheckDraws,
} from '../../db/schema';

export interface DocumentBasis {
  /** 《…》 of the notices the applications' rounds implement. */
  cite: string;
  /** Credit codes of the bodies whose application was drawn for the spot check. */
  sampledCreditCodes: ReadonlySet<string>;
}

/** The basis of the listed applications of one public notice. */
export async function noticeDocumentBasis(db: Executor, noticeId: string): Promise<DocumentBasis> {
  const listed = await db
    .selectDistinct({
      applicationId: publicNoticeItems.applicationId,
      creditCode: publicNoticeItems.creditCode,
    })
    .from(publicNoticeItems)
    .where(eq(publicNoticeItems.noticeId, noticeId));
  const ids = listed.map((l) => l.applicationId);
  if (ids.length === 0) return { cite: '', sampledCreditCodes: new Set() };
  const titles = await db
    .selectDistinct({ title: collectionRounds.noticeDocumentTitle })
    .from(applications)
    .innerJoin(collectionRounds, eq(collectionRounds.id, applications.roundId))
    .where(inArray(applications.id, ids))
    .orderBy(collectionRounds.noticeDocumentTitle);
  const sampled = new Set(await sampledApplicationIds(db, ids));
  return {
    cite: citeDocuments(titles.map((t) => t.title)),
    sampledCreditCodes: new Set(listed.filter((l) => sampled.has(l.applicationId)).map((l) => l.creditCode)),
  };
}

/** The applications among `ids` that a carried-out spot-check draw selected as targets. */
export async function sampledApplicationIds(db: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectDistinct({ applicationId: spotCheckAssignments.applicationId })
    .from(spotCheckAssignments)
    .innerJoin(spotCheckDraws, eq(spotCheckDraws.id, spotCheckAssignments.drawId))
    .where(and(inArray(spotCheckAssignments.applicationId, [...ids]), eq(spotCheckDraws.status, 'drawn')));
  return rows.map((r) => r.applicationId);
}
