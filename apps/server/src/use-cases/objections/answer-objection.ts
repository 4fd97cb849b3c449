/**
 * 异议核查答复 (province centre): upheld (异议成立) or dismissed (异议不成立), with a reply the objector
 * reads on the tracking page. Upheld on an item: that notice item is removed (rejected) and its scope
 * item's verdict becomes rejected with the reply as reason; the rest of the notice goes on. Upheld on the
 * whole application, or on its last listed item: the application ends (notice_reject → 不予通过, with a
 * decision letter). Locks, in order: notice, objection, the application's notice items, the application;
 * then the updates; audit entries last. Version-checked. The items and the objection move through their
 * machines' writers (NOTICE_ITEM_MACHINE, OBJECTION_MACHINE), the objection's last.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  assertObjectionOpen,
  conflict,
  NOTICE_ITEM_MACHINE,
  OBJECTION_MACHINE,
  objectionAnswerAction,
  objectionEffects,
  type Actor,
} from '@skillcert/domain';
import type { ObjectionAnswerRequest } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import { applications, applicationScopeItems, objections, publicNoticeItems } from '../../db/schema';
import { recordTransition } from '../applications/record-transition';
import { notifyOrganization } from '../messages/messages';
import { assertVersion } from '../version-check';
import { recordMachineTransition } from '../workflow/record-machine-transition';
import { itemText, loadNotice } from '../notices/notice-presenter';
import { loadObjection } from './objection-queries';

export async function answerObjection(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: ObjectionAnswerRequest,
  meta: RequestMeta,
): Promise<{ applicationRejected: boolean; rejectedItems: number }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const first = await loadObjection(tx, id);
    const notice = await loadNotice(tx, first.noticeId, { lock: 'update' });
    const objection = await loadObjection(tx, id, true);
    assertObjectionOpen(objection.status);
    assertVersion(objection.version, input.version);
    if (notice.status !== 'published') {
      throw conflict('NOTICE_NOT_PUBLISHED', '该公示不在公示期内，不能处理异议');
    }
    const items = await tx
      .select()
      .from(publicNoticeItems)
      .where(
        and(
          eq(publicNoticeItems.noticeId, notice.id),
          eq(publicNoticeItems.applicationId, objection.applicationId),
        ),
      )
      .for('update');
    const effects = objectionEffects({
      outcome: input.outcome,
      noticeItemId: objection.noticeItemId,
      applicationItems: items,
    });
    const [app] = await tx
      .select()
      .from(applications)
      .where(eq(applications.id, objection.applicationId))
      .for('update');
    const rejected = items.filter((i) => effects.rejectItemIds.includes(i.id));
    if (rejected.length > 0) {
      await tx
        .update(applicationScopeItems)
        .set({ verdict: 'rejected', verdictReason: `公示期异议成立：${input.reply}` })
        .where(
          inArray(
            applicationScopeItems.id,
            rejected.map((i) => i.scopeItemId),
          ),
        );
    }
    const endsApplication = effects.rejectApplication && app?.status === 'in_notice';
    if (app && rejected.length > 0) {
      await notifyOrganization(tx, app.organizationId, {
        title: endsApplication
          ? `【异议成立】${app.number ?? ''} 不予备案`
          : `【异议成立】${app.number ?? ''} 部分职业（工种）移出公示`,
        body: endsApplication
          ? `公示${notice.number}期间的异议经核查成立，你单位本次备案申请不予通过，可下载决定书查看理由。`
          : `公示${notice.number}期间的异议经核查成立，以下职业（工种）移出公示：${rejected.map((i) => itemText(i)).join('、')}。理由：${input.reply}`,
        link: `/applications/${app.id}`,
        now,
      });
    }
    // The moves come last (their audit entries hold the audit lock; every row they change is locked).
    for (const item of rejected) {
      await recordMachineTransition(tx, NOTICE_ITEM_MACHINE, publicNoticeItems, item, 'remove', actor, {
        reason: input.reply,
        now,
        meta,
        set: { statusReason: input.reply },
        cityCode: item.cityCode,
        details: { objectionId: objection.id, receiptNumber: objection.receiptNumber },
      });
    }
    if (endsApplication) {
      await recordTransition(tx, app, 'notice_reject', actor, {
        reason: input.reply,
        now,
        meta,
        audit: { noticeId: notice.id, objectionId: objection.id, receiptNumber: objection.receiptNumber },
      });
    }
    const answer = objectionAnswerAction(input.outcome);
    await recordMachineTransition(tx, OBJECTION_MACHINE, objections, objection, answer, actor, {
      reason: input.reply,
      now,
      meta,
      set: { reply: input.reply, handledBy: actor.userId, handledByName: actor.displayName, handledAt: now },
      cityCode: app?.cityCode ?? null,
      details: {
        receiptNumber: objection.receiptNumber,
        noticeNumber: notice.number,
        rejectedNoticeItems: effects.rejectItemIds,
        applicationRejected: endsApplication,
      },
    });
    return { applicationRejected: endsApplication, rejectedItems: rejected.length };
  });
}
