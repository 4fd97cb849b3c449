import { addDays } from '@skillcert/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { queryCount, queryRows } from './support/sql';
import { sampleExecutable } from './support/multipart';
import {
  detail,
  newDraft,
  openRound,
  saveFacts,
  saveItems,
  submit,
  upload,
  uploadAllRequired,
  welderSchoolItem,
} from './support/filing-fixtures';

let ctx: TestContext;
let school: Session;
let enterprise: Session;
let roundId: string;
let chainId: number;

beforeAll(async () => {
  ctx = await createTestContext();
  roundId = (await openRound(ctx.app)).id;
  school = await loginAs(ctx.app, 'xx_admin');
  enterprise = await loginAs(ctx.app, 'qy_admin');
  chainId = (await school.get('/api/dict/chains')).json()[0].id;
});
afterAll(async () => ctx.close());

const errorCodes = (body: { details?: { code: string }[] }) => (body.details ?? []).map((d) => d.code);

/** A fresh school application (the school may hold one open application per round). */
async function freshSchoolDraft(): Promise<string> {
  const mine = (await school.get(`/api/applications?roundId=${roundId}`)).json().items as {
    id: string;
    status: string;
    version: number;
  }[];
  for (const a of mine.filter((x) => !['withdrawn', 'rejected'].includes(x.status))) {
    await school.post(`/api/applications/${a.id}/withdraw`, {
      version: (await detail(school, a.id)).version,
      reason: '测试重建',
    });
  }
  const id = await newDraft(school, roundId);
  expect(
    (await saveFacts(school, id, { schoolType: 'vocational', majors: '焊接技术与自动化' })).statusCode,
  ).toBe(200);
  return id;
}

describe('collection rounds', () => {
  it('cannot open while the industrial-chain dictionary is empty', async () => {
    await ctx.database.db.execute(sql`update industrial_chains set active = false`);
    try {
      const province = await loginAs(ctx.app, 'sjzx');
      const created = (
        await province.post('/api/rounds', {
          title: '无产业链的批次',
          noticeText: '测试通知正文内容足够长。',
          windowStart: ctx.clock.day(-5),
          windowEnd: ctx.clock.day(25),
        })
      ).json();
      const res = await province.post(`/api/rounds/${created.id}/open`, { version: created.version });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('ROUND_CHAINS_EMPTY');
    } finally {
      await ctx.database.db.execute(sql`update industrial_chains set active = true`);
    }
  });

  it('freezes policies once open and is invisible to applicants while draft', async () => {
    const province = await loginAs(ctx.app, 'sjzx');
    const round = (await province.get(`/api/rounds/${roundId}`)).json();
    expect(round).toMatchObject({ status: 'open', statusLabel: '征集中', acceptingSubmissions: true });
    const edit = await province.patch(`/api/rounds/${roundId}`, {
      title: '修改后的批次标题',
      version: round.version,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('ROUND_NOT_EDITABLE');
    const draft = (
      await province.post('/api/rounds', {
        title: '草稿批次',
        noticeText: '草稿批次的通知正文。',
        windowStart: ctx.clock.day(6),
        windowEnd: ctx.clock.day(36),
      })
    ).json();
    expect((await school.get(`/api/rounds/${draft.id}`)).statusCode).toBe(404);
    expect(
      (
        await school.post('/api/rounds', {
          title: 'x',
          noticeText: 'y',
          windowStart: ctx.clock.day(6),
          windowEnd: ctx.clock.day(36),
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('the application, from draft to submitted', () => {
  it('submits a complete application, issues a number and a receipt, and shows 已提交 on the timeline', async () => {
    const id = await freshSchoolDraft();
    expect((await saveItems(school, id, [welderSchoolItem(chainId)])).statusCode).toBe(200);
    await uploadAllRequired(school, id);
    const pre = (await school.post(`/api/applications/${id}/precheck`)).json();
    expect(pre.blocking).toBe(false);
    const res = await submit(school, id, pre.warningCodes);
    expect(res.statusCode).toBe(200);
    expect(res.json().number).toMatch(new RegExp(`^SQ${ctx.clock.today().slice(0, 4)}-\\d{6}$`));
    const d = await detail(school, id);
    expect(d.statusLabel).toBe('已提交');
    expect(d.timeline.map((e: { toStatusLabel: string }) => e.toStatusLabel)).toEqual(['草稿', '已提交']);
    expect(d.commitment.signerName).toBe('刘芳');
    const receipt = await school.get(`/api/applications/${id}/receipt.pdf`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The city center of Zhuzhou sees it in its queue; Changsha does not.
    expect((await (await loginAs(ctx.app, 'zz_zx')).get(`/api/applications/${id}`)).statusCode).toBe(200);
    expect((await (await loginAs(ctx.app, 'cs_zx')).get(`/api/applications/${id}`)).statusCode).toBe(404);

    // Editing a submitted application is refused and changes nothing.
    const edit = await saveItems(school, id, []);
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('APPLICATION_NOT_EDITABLE');
    expect((await detail(school, id)).scopeItems).toHaveLength(1);
    // Another organization cannot see it.
    expect((await enterprise.get(`/api/applications/${id}`)).statusCode).toBe(404);

    const withdrawn = await school.post(`/api/applications/${id}/withdraw`, {
      version: d.version,
      reason: '单位调整',
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().statusLabel).toBe('已撤回');
  });

  it('allows one open application per organization and round', async () => {
    await freshSchoolDraft();
    const again = await school.post('/api/applications', { roundId });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('APPLICATION_EXISTS');
  });

  it('lets exactly one of two concurrent submits win', async () => {
    const id = await freshSchoolDraft();
    await saveItems(school, id, [welderSchoolItem(chainId)]);
    await uploadAllRequired(school, id);
    const pre = (await school.post(`/api/applications/${id}/precheck`)).json();
    const [a, b] = await Promise.all([
      submit(school, id, pre.warningCodes),
      submit(school, id, pre.warningCodes),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(
      await queryCount(
        ctx.database.db,
        sql`select count(*)::int as n from application_events where application_id = ${id} and action = 'submit'`,
      ),
    ).toBe(1);
  });

  it('detects a stale draft save from a second tab', async () => {
    const id = await freshSchoolDraft();
    const d = await detail(school, id);
    expect(
      (
        await school.put(`/api/applications/${id}/scope-items`, {
          items: [welderSchoolItem(chainId)],
          version: d.version,
        })
      ).statusCode,
    ).toBe(200);
    const stale = await school.put(`/api/applications/${id}/scope-items`, { items: [], version: d.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await detail(school, id)).scopeItems).toHaveLength(1);
  });
});

describe('bad input is refused with the clause and changes nothing', () => {
  async function precheckCodes(session: Session, id: string) {
    const res = await session.post(`/api/applications/${id}/precheck`);
    return res.json().findings as { code: string; severity: string; clause: string; fix: string }[];
  }

  it.each([
    [
      'occupation outside categories 3–6',
      { occupationCode: '2-02-38-01' },
      'OCCUPATION_CATEGORY_NOT_ALLOWED',
    ],
    ['occupation not in the catalogue', { occupationCode: '6-99-99-98' }, 'OCCUPATION_NOT_FOUND'],
    [
      'access-type occupation other than 焊工 (保安员)',
      { occupationCode: '4-07-05-01' },
      'OCCUPATION_QUALIFICATION_RESTRICTED',
    ],
    ['特级技师', { levels: ['level5', 'principal'] }, 'LEVEL_NOT_FILABLE'],
    [
      'school asking for enterprise self-evaluation',
      { mode: 'enterprise_self' },
      'MODE_NOT_ALLOWED_FOR_KIND',
    ],
    ['no industrial chain and no local industry', { chainIds: [] }, 'CHAIN_OR_LOCAL_INDUSTRY_REQUIRED'],
  ])('%s → %s, and submit is refused', async (_label, change, code) => {
    const id = await freshSchoolDraft();
    await saveItems(school, id, [{ ...welderSchoolItem(chainId), ...change }]);
    await uploadAllRequired(school, id);
    const findings = await precheckCodes(school, id);
    const hit = findings.find((f) => f.code === code);
    expect(hit?.severity).toBe('error');
    expect(hit?.clause).toMatch(/通知|第/);
    expect(hit?.fix.length).toBeGreaterThan(4);
    const res = await submit(
      school,
      id,
      findings.filter((f) => f.severity === 'warning').map((f) => f.code),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('PRECHECK_FAILED');
    expect(errorCodes(res.json())).toContain(code);
    expect((await detail(school, id)).status).toBe('draft');
  });

  it('refuses a level outside the standard once an admin has recorded its levels', async () => {
    const admin = await loginAs(ctx.app, 'admin');
    const std =
      (await admin.get('/api/dict/standards?occupationCode=6-20-01-01')).json().items[0] ??
      (await admin.get('/api/dict/standards?q=' + encodeURIComponent('车工'))).json().items[0];
    expect(
      (
        await admin.patch(`/api/dict/standards/${std.id}`, {
          levels: ['五级/初级工', '四级/中级工', '三级/高级工'],
          version: std.version,
        })
      ).statusCode,
    ).toBe(200);
    const id = await freshSchoolDraft();
    await saveItems(school, id, [
      {
        ...welderSchoolItem(chainId),
        occupationCode: std.mappedOccupationCode,
        levels: ['level5', 'level1'],
      },
    ]);
    expect((await precheckCodes(school, id)).map((f) => f.code)).toContain('LEVEL_NOT_IN_STANDARD');
  });

  it('refuses an occupation without a national standard on file', async () => {
    const [row] = await queryRows<{ code: string }>(
      ctx.database.db,
      sql`select o.code from occupations o where o.level = 'occupation' and o.major_category = 6 and not exists (select 1 from skill_standards s where s.mapped_occupation_code = o.code) order by o.code limit 1`,
    );
    const id = await freshSchoolDraft();
    await saveItems(school, id, [{ ...welderSchoolItem(chainId), occupationCode: row!.code }]);
    expect((await precheckCodes(school, id)).map((f) => f.code)).toContain('NO_NATIONAL_STANDARD');
  });

  it('refuses duplicate scope items at save, an empty application and a missing material at submit', async () => {
    const id = await freshSchoolDraft();
    const dup = await saveItems(school, id, [welderSchoolItem(chainId), welderSchoolItem(chainId)]);
    expect(dup.statusCode).toBe(400);
    expect(dup.json().code).toBe('DUPLICATE_SCOPE_ITEM');
    const empty = await submit(school, id);
    expect(empty.statusCode).toBe(400);
    expect(errorCodes(empty.json())).toContain('EMPTY_APPLICATION');
    await saveItems(school, id, [welderSchoolItem(chainId)]);
    const missing = await submit(school, id);
    expect(errorCodes(missing.json())).toContain('MATERIAL_MISSING');
  });

  it('refuses an executable renamed to .pdf, an empty file and a file over the slot limit', async () => {
    const id = await freshSchoolDraft();
    const exe = await upload(school, id, 'legal_entity_proof', sampleExecutable(), '证明.pdf');
    expect(exe.statusCode).toBe(400);
    expect(exe.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
    const empty = await upload(school, id, 'legal_entity_proof', Buffer.alloc(0));
    expect(empty.json().code).toBe('FILE_EMPTY');
    const big = await upload(
      school,
      id,
      'legal_entity_proof',
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(21 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(400);
    expect(big.json().code).toBe('FILE_TOO_LARGE');
    expect((await detail(school, id)).materials).toHaveLength(0);
  });

  it('refuses submit by an organization still pending activation, and an other body asking for self-evaluation', async () => {
    const pending = await loginAs(ctx.app, 'jg_admin');
    const id = await newDraft(pending, roundId);
    await saveFacts(pending, id, {
      hasEvaluationExperience: true,
      mainDutyIsTrainingOrEvaluation: true,
      fieldInfluence: '承担全市焊工培训十年',
    });
    await saveItems(pending, id, [{ ...welderSchoolItem(chainId), mode: 'school_self' }]);
    const codes = (await precheckCodes(pending, id)).map((f) => f.code);
    expect(codes).toContain('ORGANIZATION_PENDING');
    expect(codes).toContain('MODE_NOT_ALLOWED_FOR_KIND');
  });

  it('refuses submit after the window closes', async () => {
    const id = await freshSchoolDraft();
    await saveItems(school, id, [welderSchoolItem(chainId)]);
    await uploadAllRequired(school, id);
    const started = ctx.clock.now();
    const { windowEnd } = (await school.get(`/api/rounds/${roundId}`)).json();
    ctx.clock.setShanghai(addDays(windowEnd, 1), '09:00:00');
    try {
      school = await loginAs(ctx.app, 'xx_admin'); // the old session timed out while the clock moved
      const res = await submit(
        school,
        id,
        (await school.post(`/api/applications/${id}/precheck`)).json().warningCodes,
      );
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('ROUND_WINDOW_CLOSED');
      expect((await detail(school, id)).status).toBe('draft');
    } finally {
      ctx.clock.set(started);
      school = await loginAs(ctx.app, 'xx_admin');
    }
  });
});
