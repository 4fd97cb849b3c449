/**
 * Demo data for the filing workflow, created through the real use cases (so it obeys every rule):
 * an open round; the earlier provincial self-evaluation filings (carried out) of the schools and the
 * 衡阳 enterprise that apply — R2 (通知第一条第一、二款) admits only such units; applications in draft and
 * submitted state across four cities, including one that fails the pre-check (to show it).
 */
import { eq } from 'drizzle-orm';
import { addDays, NOTICE_DOCUMENT_TITLE, todayInShanghai } from '@skillcert/domain';
import type { AppDeps } from '../deps';
import { filings, industrialChains, organizations } from '../db/schema';
import { createRound, changeRoundStatus } from '../use-cases/rounds/rounds';
import { createExpert } from '../use-cases/experts/expert-pool';
import { refreshRegistryBodies } from '../use-cases/registry/registry-sync';
import { actorOf, draftWith, meta, submitIfClean } from './demo-helpers';
import { seedDemoForwarded } from './seed-demo-forwarded';

/** 专家库: four 株洲 welding experts (one works for the demo school, so the draw must recuse him) and three in 长沙. */
export async function seedDemoExperts(deps: AppDeps, schoolCreditCode: string): Promise<void> {
  const zhuzhou = await actorOf(deps, 'zz_rsj');
  const changsha = await actorOf(deps, 'cs_rsj');
  const experts = [
    { by: zhuzhou, username: 'zj_zz1', name: '王焊', unit: '株洲示例焊接研究所', title: '高级工程师' },
    { by: zhuzhou, username: 'zj_zz2', name: '李铸', unit: '株洲示例轨道装备公司', title: '高级技师' },
    {
      by: zhuzhou,
      username: 'zj_zz3',
      name: '张锻',
      unit: '株洲示例职业技术学院',
      title: '教授',
      unitCreditCode: schoolCreditCode,
    },
    { by: zhuzhou, username: 'zj_zz4', name: '陈铆', unit: '株洲示例航空动力公司', title: '正高级工程师' },
    {
      by: changsha,
      username: 'zhuanjia1',
      name: '郑工',
      unit: '长沙示例工程机械研究院',
      title: '高级工程师',
    },
    { by: changsha, username: 'zj_cs2', name: '罗焊', unit: '长沙示例重工焊接车间', title: '高级技师' },
    { by: changsha, username: 'zj_cs3', name: '谢铆', unit: '长沙示例职业技能鉴定所', title: '高级考评员' },
  ];
  for (const e of experts) {
    await createExpert(
      deps,
      e.by,
      {
        name: e.name,
        unit: e.unit,
        unitCreditCode: e.unitCreditCode ?? null,
        occupationCodes: ['6-18-02-04', '6-18-01-01'],
        title: e.title,
        username: e.username,
      },
      meta,
    );
  }
}

/**
 * An imported provincial self-evaluation filing (企业/院校自主评价 by the organization's kind), carried out,
 * effective `daysAgo` days before the clock's today; the registry is refreshed as the Excel import does.
 */
async function seedSelfEvaluationFiling(
  deps: AppDeps,
  organizationName: string,
  occupationCode: string,
  daysAgo: number,
): Promise<typeof organizations.$inferSelect | undefined> {
  const [org] = await deps.db.select().from(organizations).where(eq(organizations.name, organizationName));
  if (!org) return undefined;
  const mode = org.kind === 'school' ? 'school_self' : 'enterprise_self';
  const effectiveDate = addDays(todayInShanghai(deps.clock.now()), -daysAgo);
  await deps.db.insert(filings).values({
    organizationId: org.id,
    organizationName: org.name,
    creditCode: org.creditCode,
    cityCode: org.cityCode,
    occupationCode,
    mode,
    levels: ['level5', 'level4', 'level3'],
    effectiveDate,
    supervisingCityCode: org.cityCode,
    selfEvaluationCarriedOut: true,
    source: 'import',
    sourceNote: `演示：${effectiveDate.slice(0, 4)}年${mode === 'school_self' ? '院校' : '企业'}自主评价备案（导入）`,
  });
  await deps.db.transaction((tx) => refreshRegistryBodies(tx, [org.creditCode], { now: deps.clock.now() }));
  return org;
}

export async function seedDemoFiling(deps: AppDeps): Promise<void> {
  const province = await actorOf(deps, 'sjzx');
  const today = deps.clock.now();
  // The demo round opened a week ago (Beijing time) and stays open for a month.
  const todayDate = todayInShanghai(today);
  const start = addDays(todayDate, -7);
  const end = addDays(todayDate, 30);
  const year = Number(todayDate.slice(0, 4));
  const round = await createRound(
    deps,
    province,
    {
      title: `${start.slice(0, 4)}年湖南省紧缺职业（工种）职业技能等级认定评价机构征集（示例）`,
      noticeText: `根据《${NOTICE_DOCUMENT_TITLE}》，现面向企业、技工院校等单位征集职业技能等级认定紧缺职业（工种）。申报单位应为在湖南省登记注册的独立法人，具备与申报职业（工种）相适应的场地、设备、专家队伍和质量管理制度。（本批次为演示数据）`,
      windowStart: start,
      windowEnd: end,
    },
    meta,
  );
  await changeRoundStatus(deps, province, round.id, 'open', round.version, meta);
  const chains = await deps.db.select().from(industrialChains);
  const chainId = (name: string) => chains.find((c) => c.name === name)?.id ?? chains[0]!.id;

  // Earlier provincial self-evaluation filings, carried out (imported): the 衡阳 enterprise for 车工, the
  // 株洲 school for 电工, the two 长沙 schools for 车工 — each applies in this round for another occupation
  // or another mode.
  const hengyang = await seedSelfEvaluationFiling(deps, '衡阳示例重工机械有限公司', '6-18-01-01', 1200);
  await seedSelfEvaluationFiling(deps, '株洲示例职业技术学院', '6-31-01-03', 800);
  await seedSelfEvaluationFiling(deps, '长沙示例技师学院', '6-18-01-01', 900);
  await seedSelfEvaluationFiling(deps, '长沙示例航空职业技术学院', '6-18-01-01', 700);

  // 株洲 school: submitted.
  const school = await draftWith(
    deps,
    'xx_admin',
    round.id,
    {
      schoolType: 'vocational',
      majors: '焊接技术与自动化、机电一体化技术',
      fullTimeStaff: 12,
      experts: 20,
      contactName: '刘芳',
    },
    [
      {
        occupationCode: '6-18-02-04',
        jobName: '',
        mode: 'school_self',
        levels: ['level5', 'level4', 'level3'],
        chainIds: [chainId('工程机械')],
        businessLink: '学院开设焊接技术与自动化专业，在校生800余人',
      },
    ],
    true,
  );
  await submitIfClean(deps, school.actor, school.id, '刘芳');

  // 衡阳 enterprise: social evaluation of 车工 after its self-evaluation was carried out — submitted.
  if (hengyang) {
    const ent = await draftWith(
      deps,
      'hy_admin',
      round.id,
      {
        isAboveScale: true,
        selfEvaluationFilingRef: `湘职技鉴〔${year - 3}〕12号`,
        businessScope: '工程机械零部件制造',
        fullTimeStaff: 8,
        experts: 15,
      },
      [
        {
          occupationCode: '6-18-01-01',
          jobName: '',
          mode: 'social',
          levels: ['level5', 'level4', 'level3'],
          chainIds: [chainId('工程机械')],
          businessLink: '公司主营工程机械零部件机加工，车工岗位600余人',
          selfEvaluationEvidence: `${year - 3}—${year - 1}年已开展企业自主评价3批次，共1200人取证`,
        },
      ],
      true,
    );
    await submitIfClean(deps, ent.actor, ent.id, '周强');
  }

  // 长沙 schools: through the whole city review and forwarded to the province (省级评估中).
  await seedDemoForwarded(deps, round.id, chainId('工程机械'));

  // 长沙 enterprise: a draft that fails the pre-check (规模以上 but no self-evaluation filing, R2).
  await draftWith(
    deps,
    'qy_admin',
    round.id,
    { isAboveScale: true, businessScope: '工程机械整机制造' },
    [
      {
        occupationCode: '6-18-02-04',
        jobName: '',
        mode: 'social',
        levels: ['level5', 'level4'],
        chainIds: [chainId('工程机械')],
        businessLink: '焊接为整机制造核心工序',
      },
    ],
    false,
  );

  // 湘潭 other body, still pending activation: a draft (it may draft, not submit).
  await draftWith(
    deps,
    'jg_admin',
    round.id,
    {
      hasEvaluationExperience: true,
      mainDutyIsTrainingOrEvaluation: true,
      fieldInfluence: '承担湘潭市电工、焊工培训十余年',
    },
    [
      {
        occupationCode: '6-18-02-04',
        jobName: '',
        mode: 'social',
        levels: ['level5'],
        chainIds: [],
        localIndustry: '湘潭电机产业',
        localIndustryJustification: '市政府确定的地方特色产业',
        businessLink: '面向电机制造企业开展焊接技能培训',
      },
    ],
    false,
  );
}
