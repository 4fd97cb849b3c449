/**
 * One complete earlier cycle for the demo, dated months before the clock's today and created through the
 * real use cases with the clock set back: a round, two schools' applications (one in 株洲, one in 长沙)
 * through city review (verification, expert draw and reviews, site visit, opinion, 推荐汇总), 省级评估,
 * the 双随机 spot check (committed, drawn, the drawn target's joint on-site result signed by its panel,
 * results published), a passed public notice and its 第1批 filing list with 序列码 — so a new user sees
 * the end of the process (通知第五条) without waiting for a notice window. The 株洲 school was filed for
 * self-evaluation before this system and keeps its provincial 序列码 (recorded with its 自主评价备案); the
 * 长沙 school gets the next code above it.
 */
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import {
  addDays,
  DomainError,
  NOTICE_DOCUMENT_TITLE,
  startOfShanghaiDay,
  todayInShanghai,
  type Actor,
} from '@skillcert/domain';
import type { AppDeps } from '../deps';
import type { Clock } from '../clock';
import {
  applications,
  applicationScopeItems,
  collectionRounds,
  industrialChains,
  inspectors,
  organizations,
  publicNotices,
  spotCheckAssignments,
  spotCheckDraws,
  spotCheckResults,
  users,
} from '../db/schema';
import { createRound, changeRoundStatus } from '../use-cases/rounds/rounds';
import { createRecommendationBatch } from '../use-cases/city-review/recommendation-batches';
import { recordProvinceReview } from '../use-cases/province-review/province-review';
import { commitSpotCheckDraw } from '../use-cases/spot-checks/commit-draw';
import { executeSpotCheckDraw } from '../use-cases/spot-checks/execute-draw';
import {
  recordSpotCheckResult,
  uploadSpotCheckAttachment,
} from '../use-cases/spot-checks/spot-check-results';
import { publishSpotCheckResults } from '../use-cases/spot-checks/publish-results';
import { actOnSpotCheckResult } from '../use-cases/spot-checks/joint-result';
import { prepareNotice } from '../use-cases/notices/prepare-notice';
import { publishNotice } from '../use-cases/notices/publish-notice';
import { passNotice } from '../use-cases/notices/pass-notice';
import { confirmFilingList } from '../use-cases/filing-lists/confirm-filing-list';
import { recordSelfEvaluationFiling } from '../use-cases/filings/self-evaluation-records';
import { receiveUpload } from '../use-cases/files/uploaded-file';
import { actorOf, draftWith, meta, submitIfClean } from './demo-helpers';
import { throughCityReview } from './seed-demo-forwarded';
import { seedDemoExperts } from './seed-demo-filing';
import { seedDemoInspectors } from './seed-demo-province';

/** The earlier cycle's schools; the 株洲 one carries the provincial 序列码 it had before this system. */
export const HISTORY_SCHOOLS = [
  {
    username: 'zzgd_admin',
    signer: '彭丽',
    city: { center: 'zz_zx', bureau: 'zz_rsj', bureauName: '株洲市人社局 周科长' },
    preSystemSequenceCode: '000012',
    selfEvaluationOccupation: '6-31-01-03',
    document: '湘人社函〔示例〕第一批院校自主评价备案名单',
  },
  {
    username: 'csgy_admin',
    signer: '胡军',
    city: { center: 'cs_zx', bureau: 'cs_rsj', bureauName: '长沙市人社局 钱科长' },
    preSystemSequenceCode: null,
    selfEvaluationOccupation: '6-18-01-01',
    document: '湘人社函〔示例〕第二批院校自主评价备案名单',
  },
];

/** A clock that the seed moves: each step happens at 10:00 Beijing time of its day. */
class DemoClock implements Clock {
  private current: Date;
  constructor(private readonly today: string) {
    this.current = startOfShanghaiDay(today);
  }
  daysAgo(days: number, hour = 10): void {
    this.current = new Date(startOfShanghaiDay(addDays(this.today, -days)).getTime() + hour * 3_600_000);
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
}

/** A small valid PNG: the evidence photo of the visit. */
const EVIDENCE_PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(512, 1),
]);

async function version(deps: AppDeps, id: string): Promise<number> {
  const [row] = await deps.db
    .select({ v: applications.version })
    .from(applications)
    .where(eq(applications.id, id));
  return row!.v;
}

async function itemIds(deps: AppDeps, id: string): Promise<string[]> {
  return (
    await deps.db
      .select({ id: applicationScopeItems.id })
      .from(applicationScopeItems)
      .where(eq(applicationScopeItems.applicationId, id))
  ).map((r) => r.id);
}

async function organizationOf(deps: AppDeps, username: string) {
  const [row] = await deps.db
    .select({ org: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.username, username));
  return row!.org;
}

/** The drawn targets' panels: one joint result per target, drafted by the first member, signed by all. */
async function spotCheckOnSite(deps: AppDeps, drawId: string, visitDate: string): Promise<void> {
  const panel = await deps.db
    .select({ applicationId: spotCheckAssignments.applicationId, username: users.username })
    .from(spotCheckAssignments)
    .innerJoin(inspectors, eq(inspectors.id, spotCheckAssignments.inspectorId))
    .innerJoin(users, eq(users.id, inspectors.userId))
    .where(and(eq(spotCheckAssignments.drawId, drawId), eq(spotCheckAssignments.status, 'assigned')));
  const targets = [...new Set(panel.map((p) => p.applicationId))];
  for (const applicationId of targets) {
    const members = await Promise.all(
      panel.filter((p) => p.applicationId === applicationId).map((p) => actorOf(deps, p.username)),
    );
    const drafter = members[0]!;
    const file = await receiveUpload(deps.storage, Readable.from(EVIDENCE_PNG), '现场照片.png', {
      accept: ['png'],
      maxBytes: 1024 * 1024,
      label: '现场照片',
    });
    const photo = await uploadSpotCheckAttachment(deps, drafter, applicationId, file, meta);
    await recordSpotCheckResult(
      deps,
      drafter,
      applicationId,
      {
        visitDate,
        place: '被复核单位实训楼一层焊接实训车间',
        present: '被复核单位分管副院长、教务处长，复核组全体成员',
        outcome: 'pass',
        findings: '理论机考考场、实操工位、视频监控和考务档案与申报材料一致，质量管理制度落实到位。',
        items: (await itemIds(deps, applicationId)).map((scopeItemId) => ({ scopeItemId, verdict: 'pass' })),
        attachmentFileIds: [photo.id],
        version: await version(deps, applicationId),
      },
      meta,
    );
    const resultVersion = async () =>
      (
        await deps.db
          .select({ v: spotCheckResults.version })
          .from(spotCheckResults)
          .where(eq(spotCheckResults.applicationId, applicationId))
      )[0]!.v;
    await actOnSpotCheckResult(
      deps,
      drafter,
      applicationId,
      'submit',
      { version: await resultVersion() },
      meta,
    );
    for (const member of members)
      await actOnSpotCheckResult(
        deps,
        member,
        applicationId,
        'sign',
        { version: await resultVersion() },
        meta,
      );
  }
}

const daysBetween = (from: string, to: string) =>
  Math.round((startOfShanghaiDay(to).getTime() - startOfShanghaiDay(from).getTime()) / 86_400_000);

async function noticeRow(deps: AppDeps, id: string) {
  const [row] = await deps.db.select().from(publicNotices).where(eq(publicNotices.id, id));
  return row!;
}

/** Publishes the notice from the first day on or after `from` that the working-day calendar accepts. */
async function publishFirstWorkingDay(deps: AppDeps, bureau: Actor, id: string, from: string) {
  for (let i = 0; ; i++) {
    try {
      await publishNotice(
        deps,
        bureau,
        id,
        { version: (await noticeRow(deps, id)).version, startDate: addDays(from, i) },
        meta,
      );
      return noticeRow(deps, id);
    } catch (error) {
      if (!(error instanceof DomainError) || i >= 10) throw error;
    }
  }
}

export async function seedDemoHistory(base: AppDeps): Promise<void> {
  const today = todayInShanghai(base.clock.now());
  const clock = new DemoClock(today);
  const deps: AppDeps = { ...base, clock };
  const province = await actorOf(deps, 'sjzx');
  const bureau = await actorOf(deps, 'srst');

  // The pools first: the city bureaus' experts and the province's inspectors.
  clock.daysAgo(155);
  const [demoSchool] = await deps.db
    .select({ creditCode: organizations.creditCode })
    .from(organizations)
    .where(eq(organizations.name, '株洲示例职业技术学院'));
  await seedDemoExperts(deps, demoSchool!.creditCode);
  await seedDemoInspectors(deps);

  // 自主评价备案 of both schools, recorded by the province centre (R2 admits only such schools).
  clock.daysAgo(150);
  for (const s of HISTORY_SCHOOLS) {
    const org = await organizationOf(deps, s.username);
    await recordSelfEvaluationFiling(
      deps,
      province,
      {
        organizationName: org.name,
        creditCode: org.creditCode,
        cityCode: org.cityCode,
        occupationCode: s.selfEvaluationOccupation,
        jobName: '',
        mode: 'school_self',
        levels: ['level5', 'level4', 'level3'],
        effectiveDate: addDays(today, -900),
        documentNumber: s.document,
        selfEvaluationCarriedOut: true,
        sequenceCode: s.preSystemSequenceCode ?? '',
      },
      meta,
    );
  }

  const windowStart = addDays(today, -150);
  const round = await createRound(
    deps,
    province,
    {
      title: `${windowStart.slice(0, 4)}年湖南省紧缺职业（工种）职业技能等级认定评价机构征集（第一期，示例）`,
      noticeText: `根据《${NOTICE_DOCUMENT_TITLE}》，面向技工院校等单位征集职业技能等级认定紧缺职业（工种）。（本批次为演示数据，已完成备案确认）`,
      windowStart,
      windowEnd: addDays(today, -130),
    },
    meta,
  );
  await changeRoundStatus(deps, province, round.id, 'open', round.version, meta);

  clock.daysAgo(148);
  const [chain] = await deps.db.select({ id: industrialChains.id }).from(industrialChains).limit(1);
  const ids: { id: string; city: (typeof HISTORY_SCHOOLS)[number]['city'] }[] = [];
  for (const s of HISTORY_SCHOOLS) {
    const draft = await draftWith(
      deps,
      s.username,
      round.id,
      { schoolType: 'vocational', majors: '焊接技术与自动化', fullTimeStaff: 14, experts: 22 },
      [
        {
          occupationCode: '6-18-02-04',
          jobName: '',
          mode: 'school_self',
          levels: ['level5', 'level4', 'level3'],
          chainIds: [chain!.id],
          businessLink: '学院开设焊接技术与自动化专业，在校生900余人',
        },
      ],
      true,
    );
    await submitIfClean(deps, draft.actor, draft.id, s.signer);
    ids.push({ id: draft.id, city: s.city });
  }

  clock.daysAgo(140);
  for (const { id, city } of ids) {
    await throughCityReview(deps, round.id, id, city);
    await createRecommendationBatch(
      deps,
      await actorOf(deps, city.bureau),
      { roundId: round.id, applicationIds: [id] },
      meta,
    );
  }

  clock.daysAgo(132);
  for (const { id } of ids) {
    await recordProvinceReview(
      deps,
      province,
      id,
      {
        decision: 'pass',
        items: (await itemIds(deps, id)).map((scopeItemId) => ({ scopeItemId, verdict: 'pass' })),
        version: await version(deps, id),
      },
      meta,
    );
  }

  clock.daysAgo(127);
  const commitment = await commitSpotCheckDraw(deps, province, { roundId: round.id }, meta, {
    seed: 'a'.repeat(64),
  });
  clock.daysAgo(126);
  const [committed] = await deps.db.select().from(spotCheckDraws).where(eq(spotCheckDraws.id, commitment.id));
  const drawn = await executeSpotCheckDraw(
    deps,
    province,
    commitment.id,
    { version: committed!.version },
    meta,
  );
  clock.daysAgo(122);
  await spotCheckOnSite(deps, drawn.id, addDays(today, -123));
  const [draw] = await deps.db.select().from(spotCheckDraws).where(eq(spotCheckDraws.id, drawn.id));
  await publishSpotCheckResults(deps, province, drawn.id, { version: draw!.version }, meta);

  clock.daysAgo(120);
  const notice = await prepareNotice(
    deps,
    province,
    {
      title: `${windowStart.slice(0, 4)}年职业技能等级认定评价机构备案公示（第一期，示例）`,
      roundId: round.id,
      applicationIds: ids.map((a) => a.id),
    },
    meta,
  );
  const published = await publishFirstWorkingDay(deps, bureau, notice.id, addDays(today, -119));
  // The window is over with no objection: passed by hand the day after it ends, confirmed the next day.
  clock.daysAgo(daysBetween(published.endDate!, today) - 1);
  await passNotice(deps, bureau, notice.id, { version: (await noticeRow(deps, notice.id)).version }, meta);
  clock.daysAgo(daysBetween(published.endDate!, today) - 2);
  await confirmFilingList(deps, bureau, { noticeId: notice.id }, meta);
  const [closing] = await deps.db.select().from(collectionRounds).where(eq(collectionRounds.id, round.id));
  await changeRoundStatus(deps, province, round.id, 'closed', closing!.version, meta);
}
