/**
 * What confirming a passed notice would file (通知第五条第五款): per application of the notice, each
 * scope item is filed (`confirm`) — self-evaluation and social evaluation alike (通知第四条 同步申报) —,
 * held back (`held`: only a mode the organization kind may not use at all, which earlier stages refuse
 * already) or not part of it any more (`excluded`: refused at an earlier stage or removed from the
 * notice by an upheld objection). The same plan serves the confirmation page's preview and the
 * confirming transaction (which reads it after locking the rows).
 */
import { asc, eq, inArray } from 'drizzle-orm';
import {
  applicationStateLabel,
  decideConfirmation,
  filingModeLabel,
  isFilingMode,
  isOrganizationKind,
  isSkillLevel,
  skillLevelLabel,
  type ConfirmationItem,
} from '@skillcert/domain';
import type { Executor } from '../../db/client';
import {
  applications,
  applicationScopeItems,
  occupations,
  organizations,
  publicNoticeItems,
  registryBodies,
} from '../../db/schema';
import { chunk } from '../../reference/insert-chunks';

/** Verdicts of items that do not go on (common.md: later stages list only the others). */
export const STOPPED_VERDICTS = ['not_recommended', 'rejected', 'held'];

export type ItemOutcome = 'confirm' | 'held' | 'excluded';

export interface PlannedItem {
  scopeItemId: string;
  occupationCode: string;
  occupationName: string | null;
  jobName: string;
  mode: string;
  levels: string[];
  outcome: ItemOutcome;
  reason: string | null;
}

export interface PlannedApplication {
  app: typeof applications.$inferSelect;
  organizationId: string;
  organizationName: string;
  creditCode: string;
  kind: string;
  cityCode: string;
  sequenceCode: string | null;
  items: PlannedItem[];
}

export const levelLabels = (levels: readonly string[]) =>
  levels.map((l) => (isSkillLevel(l) ? skillLevelLabel(l) : l));
export const statusLabelOf = (status: string) => applicationStateLabel(status);

export async function planConfirmation(
  db: Executor,
  noticeId: string,
  opts: { apps?: (typeof applications.$inferSelect)[] } = {},
): Promise<PlannedApplication[]> {
  const noticeItems = await db
    .select()
    .from(publicNoticeItems)
    .where(eq(publicNoticeItems.noticeId, noticeId))
    .orderBy(asc(publicNoticeItems.sortOrder), asc(publicNoticeItems.id));
  const appIds = [...new Set(noticeItems.map((i) => i.applicationId))];
  if (appIds.length === 0) return [];
  const apps =
    opts.apps ??
    (await db
      .select()
      .from(applications)
      .where(inArray(applications.id, appIds))
      .orderBy(asc(applications.id)));
  const orgRows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      creditCode: organizations.creditCode,
      kind: organizations.kind,
      cityCode: organizations.cityCode,
    })
    .from(organizations)
    .where(
      inArray(
        organizations.id,
        apps.map((a) => a.organizationId),
      ),
    );
  const orgOf = new Map(orgRows.map((o) => [o.id, o]));
  const scopeRows = await db
    .select({ item: applicationScopeItems, occupationName: occupations.name })
    .from(applicationScopeItems)
    .leftJoin(occupations, eq(occupations.code, applicationScopeItems.occupationCode))
    .where(inArray(applicationScopeItems.applicationId, appIds))
    .orderBy(asc(applicationScopeItems.sortOrder), asc(applicationScopeItems.id));
  const creditCodes = orgRows.map((o) => o.creditCode);
  const sequenceOf = new Map<string, string | null>();
  for (const part of chunk(creditCodes)) {
    for (const b of await db
      .select({ creditCode: registryBodies.creditCode, sequenceCode: registryBodies.sequenceCode })
      .from(registryBodies)
      .where(inArray(registryBodies.creditCode, part)))
      sequenceOf.set(b.creditCode, b.sequenceCode);
  }

  const listed = new Set(noticeItems.filter((i) => i.status === 'listed').map((i) => i.scopeItemId));
  const rejectedInNotice = new Map(
    noticeItems.filter((i) => i.status !== 'listed').map((i) => [i.scopeItemId, i.statusReason]),
  );

  return appIds
    .map((id) => apps.find((a) => a.id === id))
    .filter((a): a is NonNullable<typeof a> => !!a)
    .map((app) => {
      const org = orgOf.get(app.organizationId);
      const kind = org?.kind ?? 'other';
      const rows = scopeRows.filter((r) => r.item.applicationId === app.id);
      const continuing = rows.filter(
        (r) =>
          app.status === 'notice_passed' &&
          listed.has(r.item.id) &&
          !STOPPED_VERDICTS.includes(r.item.verdict ?? ''),
      );
      const decisions = new Map(
        decideConfirmation({
          kind: isOrganizationKind(kind) ? kind : 'other',
          items: continuing
            .filter((r) => isFilingMode(r.item.mode))
            .map((r): ConfirmationItem => ({
              id: r.item.id,
              occupationCode: r.item.occupationCode,
              occupationName: r.occupationName ?? undefined,
              jobName: r.item.jobName,
              mode: r.item.mode as ConfirmationItem['mode'],
              levels: r.item.levels,
            })),
        }).map((d) => [d.id, d]),
      );
      const items: PlannedItem[] = rows
        .filter((r) => listed.has(r.item.id) || rejectedInNotice.has(r.item.id))
        .map((r) => {
          const d = decisions.get(r.item.id);
          const base = {
            scopeItemId: r.item.id,
            occupationCode: r.item.occupationCode,
            occupationName: r.occupationName,
            jobName: r.item.jobName,
            mode: r.item.mode,
            levels: r.item.levels,
          };
          if (!d) {
            const reason =
              rejectedInNotice.get(r.item.id) ??
              r.item.verdictReason ??
              (app.status !== 'notice_passed' ? `申请状态为"${statusLabelOf(app.status)}"` : null);
            return { ...base, outcome: 'excluded' as const, reason };
          }
          return d.confirm
            ? { ...base, outcome: 'confirm' as const, reason: null }
            : { ...base, outcome: 'held' as const, reason: d.reason };
        });
      return {
        app,
        organizationId: app.organizationId,
        organizationName: org?.name ?? '',
        creditCode: org?.creditCode ?? '',
        kind,
        cityCode: org?.cityCode ?? app.cityCode,
        sequenceCode: sequenceOf.get(org?.creditCode ?? '') ?? null,
        items,
      };
    });
}

export const modeLabel = (mode: string) => filingModeLabel(mode);
