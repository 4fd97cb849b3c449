/**
 * 备案确认 (通知第五条第五款): the province bureau confirms a passed notice. ONE transaction:
 *
 *   1. lock the notice row, refuse unless 公示通过 and not yet confirmed (filing_lists.notice_id is
 *      unique: of two concurrent confirmations the second waits on the notice lock and then finds the
 *      list — 409);
 *   2. lock its applications `for update` in id order;
 *   3. allocate 第N批 and, for each body without one yet, its permanent 6-digit 评价机构序列码 from gapless
 *      counters, above every code on record (a body whose 自主评价备案 carries its provincial code keeps
 *      it; a rolled-back confirmation consumes no number);
 *   4. write the filings (one per continuing scope item, self-evaluation and social alike; an item of a
 *      mode its kind may not use is `held` with the reason), the 第N批 row, the registry bodies and
 *      their events;
 *   5. move each application to 已备案 through `recordTransition` (its audit entries come after every row
 *      lock of the transaction), and last the audit entry of the list itself.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  addDays,
  conflict,
  filingListLabel,
  filingListTitle,
  invalid,
  isCalendarDate,
  isSkillLevel,
  notFound,
  skillLevelRank,
  todayInShanghai,
  type Actor,
} from '@skillcert/domain';
import type { ConfirmFilingRequest, ConfirmFilingResponse } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import {
  applicationScopeItems,
  applications,
  filingLists,
  filings,
  publicNoticeItems,
  publicNotices,
} from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { nextCounterValue } from '../counters';
import { assertVersion } from '../version-check';
import { recordTransition } from '../applications/record-transition';
import { lockRegistryBodies, refreshRegistryBodies } from '../registry/registry-sync';
import { allocateSequenceCode } from '../registry/sequence-codes';
import { planConfirmation, type PlannedApplication } from './confirmation-plan';

/** Applications of a passed notice that confirmation leaves alone (they ended earlier). */
const ENDED = ['rejected', 'withdrawn'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const mergeLevels = (a: readonly string[], b: readonly string[]) =>
  [...new Set([...a, ...b])].sort(
    (x, y) => (isSkillLevel(x) ? skillLevelRank(x) : 99) - (isSkillLevel(y) ? skillLevelRank(y) : 99),
  );

function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let i = 0; i < 3 && e; i++) {
    if ((e as { code?: string }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export async function confirmFilingList(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: ConfirmFilingRequest,
  meta: RequestMeta,
): Promise<ConfirmFilingResponse> {
  if (!UUID.test(input.noticeId)) throw notFound();
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  if (input.effectiveDate !== undefined && !isCalendarDate(input.effectiveDate)) {
    throw invalid('EFFECTIVE_DATE_INVALID', `生效日期"${input.effectiveDate}"不是真实的日期`);
  }
  try {
    return await deps.db.transaction(async (tx) => {
      const [notice] = await tx
        .select()
        .from(publicNotices)
        .where(eq(publicNotices.id, input.noticeId))
        .for('update');
      if (!notice) throw notFound();
      if (input.version !== undefined) assertVersion(notice.version, input.version);
      const [done] = await tx
        .select({ sequence: filingLists.sequence })
        .from(filingLists)
        .where(eq(filingLists.noticeId, notice.id));
      if (done) {
        throw conflict(
          'FILING_LIST_ALREADY_CONFIRMED',
          `公示${notice.number}已备案确认（${filingListLabel(done.sequence)}），不能重复确认`,
        );
      }
      if (notice.status !== 'passed') {
        throw conflict('NOTICE_NOT_PASSED', `公示${notice.number}尚未期满通过，不能备案确认`);
      }
      const effectiveDate = input.effectiveDate ?? today;
      if (input.effectiveDate !== undefined) {
        if (notice.endDate && effectiveDate <= notice.endDate) {
          throw invalid(
            'EFFECTIVE_DATE_BEFORE_NOTICE_END',
            `生效日期应晚于公示截止日（${notice.endDate}），请重新选择`,
          );
        }
        if (effectiveDate > addDays(today, 365)) {
          throw invalid('EFFECTIVE_DATE_TOO_LATE', '生效日期不能晚于今天起一年，请重新选择');
        }
      }

      const appIds = (
        await tx
          .selectDistinct({ id: publicNoticeItems.applicationId })
          .from(publicNoticeItems)
          .where(eq(publicNoticeItems.noticeId, notice.id))
      ).map((r) => r.id);
      const apps =
        appIds.length === 0
          ? []
          : await tx
              .select()
              .from(applications)
              .where(inArray(applications.id, appIds))
              .orderBy(asc(applications.id))
              .for('update');
      const stray = apps.filter((a) => a.status !== 'notice_passed' && !ENDED.includes(a.status));
      if (stray.length > 0) {
        throw conflict(
          'NOTICE_APPLICATIONS_NOT_READY',
          `公示中的申请${stray.map((a) => a.number ?? a.id).join('、')}尚未处于"公示通过"状态，不能备案确认`,
        );
      }

      const plan = await planConfirmation(tx, notice.id, { apps });
      const toFile = plan.filter((p) => p.app.status === 'notice_passed');
      const confirmed = toFile.flatMap((p) => p.items.filter((i) => i.outcome === 'confirm'));
      if (toFile.length === 0 || confirmed.length === 0) {
        throw conflict(
          'FILING_LIST_EMPTY',
          `公示${notice.number}中没有可备案确认的职业（工种）：申请均已终止或被异议撤下`,
        );
      }

      // Counters: 第N批 first, then the sequence codes of first-time bodies in credit-code order.
      const sequence = await nextCounterValue(tx, 'filing_list');
      const bodies = new Map<string, PlannedApplication[]>();
      for (const p of toFile) {
        if (!p.items.some((i) => i.outcome === 'confirm')) continue;
        bodies.set(p.creditCode, [...(bodies.get(p.creditCode) ?? []), p]);
      }
      const creditCodes = [...bodies.keys()].sort();
      const registryBefore = await lockRegistryBodies(tx, creditCodes);
      const newCodes = new Map<string, string>();
      for (const code of creditCodes) {
        if (registryBefore.get(code)?.sequenceCode) continue;
        newCodes.set(code, await allocateSequenceCode(tx));
      }

      const title = filingListTitle(sequence);
      const [list] = await tx
        .insert(filingLists)
        .values({
          sequence,
          title,
          noticeId: notice.id,
          effectiveDate,
          bodyCount: creditCodes.length,
          itemCount: confirmed.length,
          confirmedBy: actor.userId,
          confirmedByName: actor.displayName,
          confirmedAt: now,
        })
        .returning({ id: filingLists.id });
      const listId = list!.id;

      // Filings: one per confirmed item; a key already filed (a later round adding levels) is updated.
      const existing = new Map<string, typeof filings.$inferSelect>();
      for (const f of await tx.select().from(filings).where(inArray(filings.creditCode, creditCodes)))
        existing.set([f.creditCode, f.occupationCode, f.jobName, f.mode].join('\u0000'), f);
      for (const p of toFile) {
        for (const item of p.items.filter((i) => i.outcome === 'confirm')) {
          const current = existing.get(
            [p.creditCode, item.occupationCode, item.jobName, item.mode].join('\u0000'),
          );
          const levels =
            current && current.status === 'filed' ? mergeLevels(current.levels, item.levels) : item.levels;
          await tx
            .insert(filings)
            .values({
              organizationId: p.organizationId,
              organizationName: p.organizationName,
              creditCode: p.creditCode,
              cityCode: p.cityCode,
              occupationCode: item.occupationCode,
              jobName: item.jobName,
              mode: item.mode,
              levels,
              effectiveDate,
              supervisingCityCode: p.app.supervisingCityCode ?? p.app.cityCode,
              selfEvaluationCarriedOut: current?.selfEvaluationCarriedOut ?? false,
              status: 'filed',
              source: 'confirmation',
              sourceNote: `${filingListLabel(sequence)}（公示${notice.number}）`,
              applicationId: p.app.id,
              scopeItemId: item.scopeItemId,
              filingListId: listId,
            })
            .onConflictDoUpdate({
              target: [filings.creditCode, filings.occupationCode, filings.jobName, filings.mode],
              set: {
                organizationId: sql`excluded.organization_id`,
                organizationName: sql`excluded.organization_name`,
                cityCode: sql`excluded.city_code`,
                levels: sql`excluded.levels`,
                effectiveDate: sql`excluded.effective_date`,
                supervisingCityCode: sql`excluded.supervising_city_code`,
                status: sql`excluded.status`,
                source: sql`excluded.source`,
                sourceNote: sql`excluded.source_note`,
                applicationId: sql`excluded.application_id`,
                scopeItemId: sql`excluded.scope_item_id`,
                filingListId: sql`excluded.filing_list_id`,
              },
            });
        }
        for (const item of p.items.filter((i) => i.outcome === 'held')) {
          await tx
            .update(applicationScopeItems)
            .set({ verdict: 'held', verdictReason: item.reason })
            .where(
              and(
                eq(applicationScopeItems.id, item.scopeItemId),
                eq(applicationScopeItems.applicationId, p.app.id),
              ),
            );
        }
      }

      const itemsOf = (code: string) =>
        (bodies.get(code) ?? []).reduce(
          (n, p) => n + p.items.filter((i) => i.outcome === 'confirm').length,
          0,
        );
      await refreshRegistryBodies(tx, creditCodes, {
        now,
        sequenceCodes: newCodes,
        supervisingCities: new Map(
          creditCodes.map((c) => {
            const p = bodies.get(c)![0]!;
            return [c, p.app.supervisingCityCode ?? p.app.cityCode];
          }),
        ),
        eventOf: (change) => {
          const added = itemsOf(change.creditCode);
          const code = change.after.sequenceCode;
          const assigned = newCodes.has(change.creditCode) ? `，评价机构序列码${code}` : '';
          return {
            event: change.before ? 'scope_added' : 'filed',
            note: change.before
              ? `${filingListLabel(sequence)}备案确认：新增或更新${added}个职业（工种）${assigned}`
              : `${filingListLabel(sequence)}备案确认：${added}个职业（工种）${assigned}`,
            at: now,
            filingListId: listId,
          };
        },
      });

      const heldCount = toFile.reduce((n, p) => n + p.items.filter((i) => i.outcome === 'held').length, 0);
      for (const p of toFile) {
        const filed = p.items.filter((i) => i.outcome === 'confirm').length;
        const held = p.items.filter((i) => i.outcome === 'held').length;
        await recordTransition(tx, p.app, 'confirm_filing', actor, {
          now,
          meta,
          reason:
            held > 0
              ? `${filingListLabel(sequence)}：备案${filed}项，暂缓${held}项（通知第四条）`
              : undefined,
          audit: {
            filingListId: listId,
            filingListSequence: sequence,
            sequenceCode:
              newCodes.get(p.creditCode) ?? registryBefore.get(p.creditCode)?.sequenceCode ?? null,
            filedItems: filed,
            heldItems: held,
          },
        });
      }
      await appendAudit(
        tx,
        {
          actor,
          ip: meta.ip,
          action: 'filing_list.confirmed',
          targetType: 'filing_list',
          targetId: listId,
          reason: `${filingListLabel(sequence)}：公示${notice.number}备案确认`,
          after: {
            sequence,
            noticeId: notice.id,
            noticeNumber: notice.number,
            effectiveDate,
            bodies: creditCodes.length,
            items: confirmed.length,
            held: heldCount,
            sequenceCodes: Object.fromEntries(newCodes),
          },
        },
        now,
      );
      return {
        id: listId,
        sequence,
        title,
        effectiveDate,
        bodyCount: creditCodes.length,
        itemCount: confirmed.length,
        heldCount,
        newSequenceCodes: [...newCodes].map(([creditCode, sequenceCode]) => ({ creditCode, sequenceCode })),
      };
    });
  } catch (error) {
    // The unique notice_id of filing_lists is the last line of defence against a double confirmation.
    if (isUniqueViolation(error)) {
      throw conflict('FILING_LIST_ALREADY_CONFIRMED', '该公示已备案确认，不能重复确认');
    }
    throw error;
  }
}
