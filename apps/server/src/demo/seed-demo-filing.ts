/**
 * Demo data for the filing workflow, created through the real use cases (so it obeys every rule):
 * an open round; an earlier self-evaluation filing for a 衡阳 enterprise; applications in draft and
 * submitted state across four cities, including one that fails the pre-check (to show it).
 */
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { isRole, runPrecheck, type Actor } from '@skillcert/domain';
import type { ScopeItemInput } from '@skillcert/contracts';
import type { AppDeps } from '../deps';
import { applications, filings, industrialChains, organizations, users } from '../db/schema';
import { createRound, changeRoundStatus } from '../use-cases/rounds/rounds';
import { createApplication, saveFacts, saveScopeItems } from '../use-cases/applications/drafts';
import { attachMaterial, uploadRuleFor } from '../use-cases/applications/materials';
import { receiveUpload } from '../use-cases/files/uploaded-file';
import { buildPrecheckContext } from '../use-cases/applications/precheck-context';
import { submitApplication } from '../use-cases/applications/submit-application';
import { createExpert } from '../use-cases/experts/expert-pool';

const meta = { ip: '127.0.0.1', userAgent: 'demo-seed' };

async function actorOf(deps: Pick<AppDeps, 'db'>, username: string): Promise<Actor> {
  const [u] = await deps.db.select().from(users).where(eq(users.username, username));
  if (!u || !isRole(u.role)) throw new Error(`demo user ${username} missing`);
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    cityCode: u.cityCode,
    organizationId: u.organizationId,
    isOrgAdmin: u.isOrgAdmin,
  };
}

/** A small but real PDF, so the demo materials open in a viewer. */
function demoPdf(title: string): Buffer {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function uploadAll(deps: AppDeps, actor: Actor, applicationId: string, slotKeys: string[]) {
  for (const key of slotKeys) {
    const rule = await uploadRuleFor(deps, actor, applicationId, key);
    const file = await receiveUpload(deps.storage, Readable.from(demoPdf(key)), `${key}.pdf`, rule);
    await attachMaterial(deps, actor, applicationId, key, file, meta);
  }
}

async function draftWith(
  deps: AppDeps,
  username: string,
  roundId: string,
  facts: Record<string, unknown>,
  items: ScopeItemInput[],
  upload: boolean,
) {
  const actor = await actorOf(deps, username);
  const { id } = await createApplication(deps, actor, roundId, meta);
  let [row] = await deps.db.select().from(applications).where(eq(applications.id, id));
  await saveFacts(deps, actor, id, facts, row!.version, meta);
  [row] = await deps.db.select().from(applications).where(eq(applications.id, id));
  await saveScopeItems(deps, actor, id, items, row!.version, meta);
  if (upload) {
    const slots = [
      'legal_entity_proof',
      'theory_venue',
      'practical_venue',
      'video_surveillance',
      'department_staff',
      'expert_team',
      'question_bank',
      'quality_control',
      'commitment_letter',
    ];
    await uploadAll(deps, actor, id, slots);
  }
  return { actor, id };
}

async function submitIfClean(deps: AppDeps, actor: Actor, id: string, signerName: string) {
  const [row] = await deps.db.select().from(applications).where(eq(applications.id, id));
  const result = runPrecheck(await buildPrecheckContext(deps.db, row!));
  if (result.blocking)
    throw new Error(
      `demo application ${id} unexpectedly fails: ${result.findings.map((f) => f.code).join(',')}`,
    );
  await submitApplication(
    deps,
    actor,
    id,
    { version: row!.version, signerName, acknowledgedWarnings: result.warningCodes },
    meta,
  );
}

/** 专家库: four 株洲 welding experts (one works for the demo school, so the draw must recuse him) and one in 长沙. */
async function seedDemoExperts(deps: AppDeps, schoolCreditCode: string): Promise<void> {
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

export async function seedDemoFiling(deps: AppDeps): Promise<void> {
  const province = await actorOf(deps, 'sjzx');
  const today = deps.clock.now();
  const start = new Date(today.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(today.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  const round = await createRound(
    deps,
    province,
    {
      title: `${start.slice(0, 4)}年湖南省紧缺职业（工种）职业技能等级认定评价机构征集（示例）`,
      noticeText:
        '根据《关于做好紧缺职业（工种）职业技能等级认定评价机构备案工作的通知》，现面向全省征集紧缺职业（工种）评价机构。申报单位应为在湖南省登记注册的独立法人，具备与申报职业（工种）相适应的场地、设备、专家队伍和质量管理制度。（本批次为演示数据）',
      windowStart: start,
      windowEnd: end,
    },
    meta,
  );
  await changeRoundStatus(deps, province, round.id, 'open', round.version, meta);
  const chains = await deps.db.select().from(industrialChains);
  const chainId = (name: string) => chains.find((c) => c.name === name)?.id ?? chains[0]!.id;

  // 衡阳: an enterprise already filed by the province for self-evaluation of 车工 (imported earlier filing).
  const [hengyang] = await deps.db
    .select()
    .from(organizations)
    .where(eq(organizations.name, '衡阳示例重工机械有限公司'));
  if (hengyang) {
    await deps.db.insert(filings).values({
      organizationId: hengyang.id,
      organizationName: hengyang.name,
      creditCode: hengyang.creditCode,
      cityCode: hengyang.cityCode,
      occupationCode: '6-18-01-01',
      mode: 'enterprise_self',
      levels: ['level5', 'level4', 'level3'],
      effectiveDate: '2023-06-01',
      supervisingCityCode: hengyang.cityCode,
      selfEvaluationCarriedOut: true,
      source: 'import',
      sourceNote: '演示：2023年企业自主评价备案（导入）',
    });
  }

  const [schoolOrg] = await deps.db
    .select()
    .from(organizations)
    .where(eq(organizations.name, '株洲示例职业技术学院'));
  await seedDemoExperts(deps, schoolOrg!.creditCode);

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
        selfEvaluationFilingRef: '湘职技鉴〔2023〕12号',
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
          selfEvaluationEvidence: '2023—2025年已开展企业自主评价3批次，共1200人取证',
        },
      ],
      true,
    );
    await submitIfClean(deps, ent.actor, ent.id, '周强');
  }

  // 长沙 enterprise: a draft that fails the pre-check (规模以上 but no self-evaluation filing; social without self).
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
