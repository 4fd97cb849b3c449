/**
 * 备案确认通知书 of one filed application (one body in one 第N批): the applicant of that organization,
 * the supervising city's staff and province staff may download it (the application's scope decides;
 * experts and inspectors never). Rendered from what the confirmation recorded, so it can be downloaded
 * again at any time with the same content.
 */
import { and, asc, eq } from 'drizzle-orm';
import {
  bodyDesignation,
  citeDocuments,
  conflict,
  filingModeLabel,
  isFilingMode,
  isOrganizationKind,
  type Actor,
} from '@skillcert/domain';
import type { Executor } from '../../db/client';
import {
  applicationScopeItems,
  filingLists,
  occupations,
  publicNoticeItems,
  registryBodies,
} from '../../db/schema';
import { renderFilingConfirmationPdf } from '../../documents/filing-confirmation';
import { getApplication } from '../applications/application-queries';
import {
  assertDocumentReader,
  cityBureauName,
  organizationOf,
  PROVINCE_BUREAU_NAME,
  roundOf,
} from '../city-review/review-context';
import { cityNames } from './filing-list-queries';
import { levelLabels, STOPPED_VERDICTS } from './confirmation-plan';
import { sampledApplicationIds } from '../notices/document-basis';

const occupationText = (code: string, name: string | null, job: string) =>
  `${code} ${name ?? ''}${job ? `（${job}）` : ''}`.trim();

export async function filingConfirmationLetter(db: Executor, actor: Actor, applicationId: string) {
  assertDocumentReader(actor);
  const app = await getApplication(db, actor, applicationId);
  if (app.status !== 'filed') {
    throw conflict('APPLICATION_NOT_FILED', '该申请尚未备案确认，没有备案确认通知书');
  }
  const [list] = await db
    .selectDistinct({ list: filingLists })
    .from(filingLists)
    .innerJoin(publicNoticeItems, eq(publicNoticeItems.noticeId, filingLists.noticeId))
    .where(eq(publicNoticeItems.applicationId, app.id))
    .orderBy(asc(filingLists.sequence))
    .limit(1);
  if (!list) throw conflict('APPLICATION_NOT_FILED', '未找到该申请的备案名单');
  const org = await organizationOf(db, app);
  const round = await roundOf(db, app);
  const [body] = await db
    .select({ sequenceCode: registryBodies.sequenceCode })
    .from(registryBodies)
    .where(eq(registryBodies.creditCode, org.creditCode));
  const listed = await db
    .select({ item: publicNoticeItems, verdict: applicationScopeItems.verdict })
    .from(publicNoticeItems)
    .innerJoin(applicationScopeItems, eq(applicationScopeItems.id, publicNoticeItems.scopeItemId))
    .where(
      and(
        eq(publicNoticeItems.noticeId, list.list.noticeId),
        eq(publicNoticeItems.applicationId, app.id),
        eq(publicNoticeItems.status, 'listed'),
      ),
    )
    .orderBy(asc(publicNoticeItems.sortOrder), asc(publicNoticeItems.id));
  const held = await db
    .select({ item: applicationScopeItems, occupationName: occupations.name })
    .from(applicationScopeItems)
    .leftJoin(occupations, eq(occupations.code, applicationScopeItems.occupationCode))
    .where(and(eq(applicationScopeItems.applicationId, app.id), eq(applicationScopeItems.verdict, 'held')))
    .orderBy(asc(applicationScopeItems.sortOrder));
  const cities = await cityNames(db);
  const filed = listed.filter((r) => !STOPPED_VERDICTS.includes(r.verdict ?? ''));
  const modes = filed.map(({ item }) => item.mode).filter(isFilingMode);
  const sampled = (await sampledApplicationIds(db, [app.id])).length > 0;
  const supervising = app.supervisingCityCode ?? app.cityCode;
  const pdf = await renderFilingConfirmationPdf({
    organizationName: org.name,
    creditCode: org.creditCode,
    sequenceCode: body?.sequenceCode ?? null,
    applicationNumber: app.number,
    roundTitle: round.title,
    basis: citeDocuments([round.noticeDocumentTitle]),
    designation: bodyDesignation(isOrganizationKind(org.kind) ? org.kind : 'other', modes),
    sampled,
    listSequence: list.list.sequence,
    listTitle: list.list.title,
    effectiveDate: list.list.effectiveDate,
    supervisingUnit: cityBureauName(supervising, cities.get(supervising) ?? null),
    issuer: PROVINCE_BUREAU_NAME,
    confirmedAt: list.list.confirmedAt,
    items: filed.map(({ item }) => ({
      occupation: occupationText(item.occupationCode, item.occupationName, item.jobName),
      levels: levelLabels(item.levels).join('、'),
      mode: filingModeLabel(item.mode),
    })),
    held: held.map(({ item, occupationName }) => ({
      occupation: occupationText(item.occupationCode, occupationName, item.jobName),
      levels: levelLabels(item.levels).join('、'),
      mode: filingModeLabel(item.mode),
      reason: item.verdictReason ?? '评价方式与单位类别不符',
    })),
  });
  return { pdf, fileName: `备案确认通知书-${org.name}-第${list.list.sequence}批.pdf` };
}
