/**
 * 核验 (市州鉴定中心, 通知第五条第一款): per material slot accepted or a problem with a comment. Pass needs
 * every slot accepted; a return needs at least one problem, each with its comment (the applicant sees it
 * beside the slot); a rejection needs a reason. One transaction with the timeline and audit entries.
 */
import { invalid, type Actor } from '@skillcert/domain';
import type { RoundPolicyDto } from '@skillcert/contracts';
import { eq } from 'drizzle-orm';
import type { AppDeps, RequestMeta } from '../../deps';
import { collectionRounds, organizations, verifications } from '../../db/schema';
import { assertVersion } from '../version-check';
import { getApplication } from '../applications/application-queries';
import { recordTransition } from '../applications/record-transition';
import { notifyOrganization } from '../messages/messages';

export interface VerifyInput {
  outcome: 'pass' | 'return' | 'reject';
  slotVerdicts: { slotKey: string; verdict: 'accepted' | 'problem'; comment?: string | undefined }[];
  reason?: string | undefined;
  version: number;
}

export async function verifyApplication(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: VerifyInput,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const app = await getApplication(tx, actor, id, { forUpdate: true });
    assertVersion(app.version, input.version);
    const [round] = await tx.select().from(collectionRounds).where(eq(collectionRounds.id, app.roundId));
    const [org] = await tx
      .select({ kind: organizations.kind })
      .from(organizations)
      .where(eq(organizations.id, app.organizationId));
    const slots = (round!.policy as RoundPolicyDto).materialSlots.filter((s) =>
      s.kinds.includes(org!.kind as never),
    );
    const known = new Set(slots.map((s) => s.key));
    for (const v of input.slotVerdicts) {
      if (!known.has(v.slotKey)) throw invalid('MATERIAL_SLOT_UNKNOWN', `没有"${v.slotKey}"这一材料项`);
    }
    const problems = input.slotVerdicts.filter((v) => v.verdict === 'problem');
    let reason: string | undefined;
    if (input.outcome === 'pass') {
      if (problems.length > 0)
        throw invalid('VERIFICATION_HAS_PROBLEMS', '仍有材料标记为"有问题"，不能核验通过；请退回补正或驳回');
      const missing = slots.filter(
        (s) => !input.slotVerdicts.some((v) => v.slotKey === s.key && v.verdict === 'accepted'),
      );
      if (missing.length > 0)
        throw invalid(
          'VERIFICATION_INCOMPLETE',
          `请逐项核验全部材料，尚未核验：${missing.map((s) => s.label).join('、')}`,
        );
    } else if (input.outcome === 'return') {
      if (problems.length === 0 || problems.some((p) => !p.comment)) {
        throw invalid(
          'RETURN_COMMENT_REQUIRED',
          '退回补正须至少标出一项有问题的材料，并逐项写明问题和修改要求',
        );
      }
      const label = new Map(slots.map((s) => [s.key, s.label]));
      reason = problems.map((p) => `${label.get(p.slotKey)}：${p.comment}`).join('；');
    } else {
      if (!input.reason) throw invalid('REASON_REQUIRED', '驳回须写明理由');
      reason = input.reason;
    }
    await tx.insert(verifications).values({
      applicationId: id,
      outcome: input.outcome,
      reason: reason ?? input.reason ?? null,
      slotVerdicts: input.slotVerdicts,
      reviewerId: actor.userId,
      reviewerName: actor.displayName,
      createdAt: now,
    });
    const action =
      input.outcome === 'pass'
        ? 'pass_verification'
        : input.outcome === 'return'
          ? 'return_for_correction'
          : 'reject';
    const titles = {
      pass: '申请已通过材料核验',
      return: '申请被退回补正',
      reject: '申请未通过材料核验',
    } as const;
    await notifyOrganization(tx, app.organizationId, {
      title: `${titles[input.outcome]}（${app.number}）`,
      body: reason ?? '材料核验通过，进入专家评审与实地评估阶段。',
      link: `/applications/${id}`,
      now,
    });
    return recordTransition(tx, app, action, actor, {
      reason,
      now,
      meta,
      audit: { slotVerdicts: input.slotVerdicts },
    });
  });
}

export async function sendBackToCenter(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  reason: string,
  version: number,
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const app = await getApplication(tx, actor, id, { forUpdate: true });
    assertVersion(app.version, version);
    return recordTransition(tx, app, 'send_back_to_center', actor, { reason, now, meta });
  });
}
