/**
 * 抽取 (docs/domain.md §6 steps 3–4; R11): draws a committed spot-check draw with the domain's deterministic
 * algorithm from the stored seed, in one transaction: stores the result (and so publishes the seed),
 * creates the inspectors' assignments and moves the applications — drawn → 抽查中 (draw_selected), not
 * drawn → 已通过 (draw_not_selected); an application that left the pool since the commitment (withdrawn)
 * is skipped and recorded as such. Row locks first (draw, then applications by number), the audit last.
 * A drawn record is never drawn again or edited (409).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  conflict,
  runSpotCheckDraw,
  SPOT_CHECK_DRAW_MACHINE,
  spotCheckDrawAction,
  type Actor,
  type SpotCheckDrawResult,
} from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import {
  applications,
  inspectors,
  spotCheckAssignments,
  spotCheckDraws,
  spotCheckResults,
} from '../../db/schema';
import { assertVersion } from '../version-check';
import { recordTransition } from '../applications/record-transition';
import { notifyOrganization, notifyUsers } from '../messages/messages';
import { recordMachineTransition } from '../workflow/record-machine-transition';
import { replaceSpotCheckAssignments } from './spot-check-assignment-moves';
import { getDraw, paramsOf, recusalsOf, type DrawRow, type StoredDrawResult } from './draw-records';

export async function executeSpotCheckDraw(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: { version: number },
  meta: RequestMeta,
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const d = await getDraw(tx, id, { forUpdate: true });
    assertVersion(d.version, input.version);
    // A drawn record is never drawn again, a void one is closed: refused before anything is computed.
    SPOT_CHECK_DRAW_MACHINE.assertFrom(d.status, spotCheckDrawAction(paramsOf(d).kind), d.number);
    const computed = await runSpotCheckDraw({
      pools: {
        targetPool: (d.targetPool as string[]) ?? [],
        inspectorPool: (d.inspectorPool as string[]) ?? [],
        recusals: recusalsOf(d),
      },
      sampleSize: paramsOf(d).sampleSize,
      inspectorsPerTarget: paramsOf(d).inspectorsPerTarget,
      seed: d.seed!,
    });
    const stored =
      paramsOf(d).kind === 'round'
        ? await drawRound(tx, actor, d, computed, now, meta)
        : await drawReplacement(tx, actor, d, computed, now, meta);
    return { id: d.id, number: d.number, seed: d.seed!, result: stored };
  });
}

async function inspectorIdsByCode(tx: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await tx
    .select({ id: inspectors.id, code: inspectors.code })
    .from(inspectors)
    .where(inArray(inspectors.code, codes));
  return new Map(rows.map((r) => [r.code, r.id]));
}

async function drawRound(
  tx: Executor,
  actor: Actor,
  d: DrawRow,
  computed: SpotCheckDrawResult,
  now: Date,
  meta: RequestMeta,
): Promise<StoredDrawResult> {
  const numbers = (d.targetPool as string[]) ?? [];
  // Every application of the pool, locked in a fixed order before anything moves.
  const apps = numbers.length
    ? await tx
        .select()
        .from(applications)
        .where(and(inArray(applications.number, numbers), eq(applications.roundId, d.roundId)))
        .orderBy(asc(applications.number))
        .for('update')
    : [];
  const byNumber = new Map(apps.map((a) => [a.number!, a]));
  const inPool = (n: string) => byNumber.get(n)?.status === 'spot_check_pool';
  const skipped = numbers
    .filter((n) => !inPool(n))
    .map((n) => ({ applicationNumber: n, status: byNumber.get(n)?.status ?? 'unknown' }));
  const result: StoredDrawResult = { ...computed, skipped };

  const ids = await inspectorIdsByCode(tx, [...new Set(computed.selected.flatMap((s) => s.inspectorCodes))]);
  const assignments = computed.selected
    .filter((s) => inPool(s.applicationNumber))
    .flatMap((s) =>
      s.inspectorCodes.map((code) => ({
        drawId: d.id,
        applicationId: byNumber.get(s.applicationNumber)!.id,
        inspectorId: ids.get(code)!,
        status: 'assigned' as const,
        assignedAt: now,
      })),
    );
  if (assignments.length > 0) await tx.insert(spotCheckAssignments).values(assignments);
  await notifyDrawn(
    tx,
    assignments.map((a) => a.inspectorId),
    d.number,
    now,
  );
  for (const n of [...computed.selected.map((s) => s.applicationNumber), ...computed.notSelected]) {
    if (!inPool(n)) continue;
    const app = byNumber.get(n)!;
    const selected = computed.selected.some((s) => s.applicationNumber === n);
    await notifyOrganization(tx, app.organizationId, {
      title: selected ? '申请被抽中实地抽查复核' : '申请未被抽中，抽查复核环节通过',
      body: selected
        ? `您单位的备案申请 ${n} 在抽查复核抽取 ${d.number} 中被抽中，省职业技能鉴定中心将组织督导人员实地复核，请做好准备。`
        : `您单位的备案申请 ${n} 在抽查复核抽取 ${d.number} 中未被抽中，进入公示前的待公示环节。`,
      link: `/applications/${app.id}`,
      now,
    });
  }

  // The moves (each appends its own audit entry; every row they touch is already locked).
  const audit = { spotCheckDrawId: d.id, drawNumber: d.number };
  for (const s of computed.selected) {
    if (inPool(s.applicationNumber)) {
      await recordTransition(tx, byNumber.get(s.applicationNumber)!, 'draw_selected', actor, {
        now,
        meta,
        audit: { ...audit, inspectorCodes: s.inspectorCodes },
      });
    }
  }
  for (const n of computed.notSelected) {
    if (inPool(n)) {
      await recordTransition(tx, byNumber.get(n)!, 'draw_not_selected', actor, { now, meta, audit });
    }
  }
  await recordMachineTransition(tx, SPOT_CHECK_DRAW_MACHINE, spotCheckDraws, d, 'draw', actor, {
    subject: d.number,
    now,
    meta,
    set: { result, drawnBy: actor.userId, drawnAt: now },
    details: {
      number: d.number,
      seedHash: d.seedHash,
      selected: computed.selected,
      notSelected: computed.notSelected,
      skipped,
    },
  });
  return result;
}

async function drawReplacement(
  tx: Executor,
  actor: Actor,
  d: DrawRow,
  computed: SpotCheckDrawResult,
  now: Date,
  meta: RequestMeta,
): Promise<StoredDrawResult> {
  const p = paramsOf(d);
  const [app] = await tx
    .select()
    .from(applications)
    .where(eq(applications.id, p.applicationId!))
    .for('update');
  if (!app || app.status !== 'spot_check') {
    throw conflict('SPOT_CHECK_TARGET_CLOSED', '该申请已不在抽查中，替换抽取无法进行；请作废本承诺');
  }
  const [result] = await tx
    .select({ id: spotCheckResults.id })
    .from(spotCheckResults)
    .where(and(eq(spotCheckResults.drawId, p.rootDrawId!), eq(spotCheckResults.applicationId, app.id)));
  if (result)
    throw conflict('SPOT_CHECK_RESULT_LOCKED', '该对象的复核结果已录入，替换抽取无法进行；请作废本承诺');
  const replacedIds = p.replacedAssignmentIds ?? [];
  const current = replacedIds.length
    ? await tx
        .select()
        .from(spotCheckAssignments)
        .where(inArray(spotCheckAssignments.id, replacedIds))
        .orderBy(asc(spotCheckAssignments.id))
        .for('update')
    : [];
  if (current.length !== replacedIds.length || current.some((a) => a.status !== 'assigned')) {
    throw conflict(
      'SPOT_CHECK_PANEL_CHANGED',
      '该对象的抽查组在承诺后已变化，替换抽取无法进行；请作废本承诺后重新发起',
    );
  }
  const stored: StoredDrawResult = { ...computed, skipped: [] };
  await replaceSpotCheckAssignments(tx, actor, current, {
    reason: d.reason,
    cityCode: app.cityCode,
    now,
    meta,
  });
  const codes = computed.selected.flatMap((s) => s.inspectorCodes);
  const ids = await inspectorIdsByCode(tx, codes);
  await notifyDrawn(
    tx,
    codes.map((c) => ids.get(c)!),
    d.number,
    now,
  );
  if (codes.length > 0) {
    await tx.insert(spotCheckAssignments).values(
      codes.map((code) => ({
        drawId: d.id,
        applicationId: app.id,
        inspectorId: ids.get(code)!,
        status: 'assigned' as const,
        assignedAt: now,
      })),
    );
  }
  await recordMachineTransition(tx, SPOT_CHECK_DRAW_MACHINE, spotCheckDraws, d, 'draw_replacement', actor, {
    reason: d.reason,
    subject: d.number,
    now,
    meta,
    set: { result: stored, drawnBy: actor.userId, drawnAt: now },
    cityCode: app.cityCode,
    details: {
      number: d.number,
      applicationNumber: app.number,
      seedHash: d.seedHash,
      inspectorCodes: codes,
      replacedInspectorCodes: p.replacedInspectorCodes,
    },
  });
  return stored;
}

/** 站内信 to the inspectors drawn (those with a login account). */
async function notifyDrawn(tx: Executor, inspectorIds: string[], number: string, now: Date): Promise<void> {
  const unique = [...new Set(inspectorIds)];
  if (unique.length === 0) return;
  const rows = await tx
    .select({ userId: inspectors.userId })
    .from(inspectors)
    .where(inArray(inspectors.id, unique));
  await notifyUsers(
    tx,
    rows.map((r) => r.userId).filter((u): u is string => !!u),
    {
      title: '您被抽中参加抽查复核',
      body: `您在抽查复核抽取 ${number} 中被随机抽中为督导人员，请在"我的抽查"中查看抽查对象并录入复核结果。如有利益冲突或不能参加，请及时告知省职业技能鉴定中心。`,
      link: '/my/spot-checks',
      now,
    },
  );
}
