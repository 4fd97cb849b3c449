/**
 * 评价机构名录 (通知第五条第五款, docs/domain.md §7): public search by name (1–2 Chinese characters), credit
 * code, occupation, level, mode, city and status; stable pages; one URL per body with its scope and
 * history; CSV / JSON / Excel exports; the 第N批 lists; no personal data; rate limits.
 */
import { addDays, startOfShanghaiDay, todayInShanghai } from '@skillcert/domain';
import { testNow } from './support/test-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { computeCreditCodeCheckChar } from '@skillcert/domain';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import {
  firstChainId,
  openRoundId,
  registerSchool,
  submittedSchoolApplication,
  type RegisteredOrganization,
} from './support/province-fixtures';
import { importFilings, passedNotice, type ImportRow } from './support/filing-list-fixtures';
import { assertExportSize } from '../src/use-cases/registry/registry-export';
import { searchRegistry } from '../src/use-cases/registry/registry-search';
import { cachedRegistrySearch, RegistrySearchCache } from '../src/use-cases/registry/registry-search-cache';
import { queryRows } from './support/sql';

let ctx: TestContext;
let center: Session;
let confirmed: RegisteredOrganization;
let listSequence: number;
const clockMs = () => ctx.clock.now().getTime();

const code = (city: string, n: number) => {
  const body = `91${city}MA4L${String(n).padStart(5, '0')}`;
  return body + computeCreditCodeCheckChar(body);
};

const WELDER = '6-18-02-04';
const LATHE = '6-18-01-01';
const INTERNAL_NOTE = '内部备注：仅供核对请勿公开';

/** name → rows of the import; the fixture registry. */
/** Earlier filings were made about three years before the test clock's today. */
const EARLIER = addDays(todayInShanghai(testNow()), -1000);

const BODIES: ImportRow[] = [
  {
    name: '湘潭钢铁技工学校',
    creditCode: code('430300', 1),
    city: '430300',
    occupationCode: WELDER,
    mode: '院校自主评价',
    levels: '五级、四级',
    date: EARLIER,
    carriedOut: '是',
    note: INTERNAL_NOTE,
  },
  {
    name: '湘钢集团有限公司',
    creditCode: code('430300', 2),
    city: '430300',
    occupationCode: WELDER,
    mode: '企业自主评价',
    levels: '五级',
    date: EARLIER,
    carriedOut: '是',
  },
  {
    name: '湘钢集团有限公司',
    creditCode: code('430300', 2),
    city: '430300',
    occupationCode: LATHE,
    mode: '社会评价',
    levels: '三级',
    date: addDays(EARLIER, 31),
  },
  {
    name: '长沙湘江职业学院',
    creditCode: code('430100', 3),
    city: '430100',
    occupationCode: LATHE,
    mode: '院校自主评价',
    levels: '四级',
    date: EARLIER,
  },
  {
    name: '株洲硬质合金集团有限公司',
    creditCode: code('430200', 4),
    city: '430200',
    occupationCode: WELDER,
    mode: '社会评价',
    levels: '三级、二级',
    date: EARLIER,
  },
  {
    name: '湘潭电机潭钢厂',
    creditCode: code('430300', 5),
    city: '430300',
    occupationCode: LATHE,
    mode: '企业自主评价',
    levels: '五级',
    date: EARLIER,
  },
  {
    name: 'SANY湖南技工学校',
    creditCode: code('430100', 6),
    city: '430100',
    occupationCode: LATHE,
    mode: '院校自主评价',
    levels: '五级',
    date: EARLIER,
  },
  ...Array.from({ length: 12 }, (_, i): ImportRow => ({
    name: `长沙第${'一二三四五六七八九十'[i % 10]}${i >= 10 ? '分' : ''}机械厂`,
    creditCode: code('430100', 100 + i),
    city: '430100',
    occupationCode: LATHE,
    mode: '企业自主评价',
    levels: '五级',
    date: EARLIER,
  })),
];
const byName = (name: string) => BODIES.find((b) => b.name === name)!.creditCode;

beforeAll(async () => {
  ctx = await createTestContext();
  center = await loginAs(ctx.app, 'sjzx');
  // The registry of these tests is the fixture alone: the demo data's earlier filings (衡阳示例…) go.
  await ctx.database.db.execute(sql`delete from registry_events`);
  await ctx.database.db.execute(sql`delete from registry_bodies`);
  await ctx.database.db.execute(sql`delete from registry_name_tokens`);
  await ctx.database.db.execute(sql`delete from registry_scope_items`);
  await ctx.database.db.execute(sql`delete from filings`);
  await importFilings(center, BODIES);
  // One body filed here (with a sequence code and a 第N批), one suspended.
  confirmed = await registerSchool(ctx.app, '430200', '株洲望城技工学校');
  const app = await submittedSchoolApplication(
    confirmed.session,
    await openRoundId(center),
    await firstChainId(center),
  );
  const noticeId = await passedNotice(ctx.database.db, [app]);
  const res = await (await loginAs(ctx.app, 'srst')).post('/api/filing-lists', { noticeId });
  if (res.statusCode !== 201) throw new Error(res.body);
  listSequence = res.json().sequence;
  await ctx.database.db.execute(
    sql`update registry_bodies set status = 'suspended' where credit_code = ${byName('湘潭电机潭钢厂')}`,
  );
});
afterAll(async () => ctx.close());

const get = (url: string) => ctx.app.inject({ method: 'GET', url });
async function search(query: Record<string, string | number>) {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const res = await get(`/api/public/registry?${params}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { name: string; creditCode: string; sequenceCode: string | null }[];
    total: number;
    totalCapped: boolean;
  };
}
const names = async (query: Record<string, string | number>) =>
  (await search({ pageSize: 100, ...query })).items.map((i) => i.name).sort();

describe('search', () => {
  it.each([
    ['one character', '湘', ['湘潭钢铁技工学校', '湘钢集团有限公司', '长沙湘江职业学院', '湘潭电机潭钢厂']],
    ['two characters', '湘潭', ['湘潭钢铁技工学校', '湘潭电机潭钢厂']],
    ['two characters, only as a window', '湘钢', ['湘钢集团有限公司']],
    ['three characters: bigrams apart do not match', '湘潭钢', ['湘潭钢铁技工学校']],
    ['spaces and full-width folded', ' 湘 潭 ', ['湘潭钢铁技工学校', '湘潭电机潭钢厂']],
    ['a whole name', '株洲硬质合金集团有限公司', ['株洲硬质合金集团有限公司']],
    ['a name confirmed here', '望城', ['株洲望城技工学校']],
    ['letters folded, 3+ characters (recheck on the normalized name)', 'sany湖南', ['SANY湖南技工学校']],
    ['3+ characters as stored', 'Y湖南技', ['SANY湖南技工学校']],
    ['no match', '衡阳', []],
  ])('by name, %s', async (_case, q, expected) => {
    expect(await names({ name: q })).toEqual([...expected].sort());
  });

  it('by credit code, exact or prefix', async () => {
    expect(await names({ creditCode: byName('湘钢集团有限公司') })).toEqual(['湘钢集团有限公司']);
    expect(await names({ creditCode: byName('湘钢集团有限公司').toLowerCase() })).toEqual([
      '湘钢集团有限公司',
    ]);
    expect(await names({ creditCode: '91430300' })).toEqual(
      ['湘潭钢铁技工学校', '湘钢集团有限公司', '湘潭电机潭钢厂'].sort(),
    );
  });

  it('by occupation, level, mode, city and status — item criteria hold for one filing together', async () => {
    expect(await names({ occupationCode: WELDER })).toEqual(
      ['湘潭钢铁技工学校', '湘钢集团有限公司', '株洲硬质合金集团有限公司', '株洲望城技工学校'].sort(),
    );
    // 湘钢 files 焊工 (enterprise self) and 车工 (social): not 焊工 socially.
    expect(await names({ occupationCode: WELDER, mode: 'social' })).toEqual(['株洲硬质合金集团有限公司']);
    expect(await names({ occupationCode: LATHE, level: 'level3' })).toEqual(['湘钢集团有限公司']);
    expect(await names({ level: 'level2' })).toEqual(['株洲硬质合金集团有限公司']);
    expect(await names({ mode: 'school_self', cityCode: '430300' })).toEqual(['湘潭钢铁技工学校']);
    expect(await names({ cityCode: '430200' })).toEqual(
      ['株洲硬质合金集团有限公司', '株洲望城技工学校'].sort(),
    );
    expect(await names({ status: 'suspended' })).toEqual(['湘潭电机潭钢厂']);
    expect(await names({ name: '湘', status: 'filed' })).toEqual(
      ['湘潭钢铁技工学校', '湘钢集团有限公司', '长沙湘江职业学院'].sort(),
    );
  });

  it('pages are stable: sequence code first, then credit code; pages do not overlap', async () => {
    const all = (await search({ pageSize: 100 })).items;
    expect(all).toHaveLength(BODIES.length - 1 + 1); // 湘钢 has two rows in the import
    // The body filed here (with a sequence code) comes first; imported bodies follow by credit code.
    expect(all[0]!.creditCode).toBe(confirmed.creditCode);
    const rest = all.slice(1).map((b) => b.creditCode);
    expect(rest).toEqual([...rest].sort());
    const paged: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const res = await search({ pageSize: 5, page });
      expect(res.total).toBe(all.length);
      expect(res.totalCapped).toBe(false);
      paged.push(...res.items.map((i) => i.creditCode));
    }
    expect(paged).toEqual(all.map((b) => b.creditCode));
    expect((await search({ pageSize: 5, page: 4 })).items).toHaveLength(all.length - 15);
  });

  it.each([
    [{ creditCode: '9143-03' }, 'REGISTRY_CREDIT_CODE_INVALID'],
    [{ name: '湘'.repeat(51) }, 'REGISTRY_NAME_TOO_LONG'],
    [{ level: 'level9' }, 'VALIDATION_FAILED'],
    [{ mode: 'self' }, 'VALIDATION_FAILED'],
    [{ cityCode: '110000' }, 'VALIDATION_FAILED'],
    [{ status: 'deleted' }, 'VALIDATION_FAILED'],
    [{ occupationCode: '焊工' }, 'VALIDATION_FAILED'],
    [{ pageSize: 500 }, 'VALIDATION_FAILED'],
    [{ page: 0 }, 'VALIDATION_FAILED'],
  ])('refuses %o with 400 %s', async (query, errorCode) => {
    const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const res = await get(`/api/public/registry?${params}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(errorCode);
    expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('body page', () => {
  it('shows scope, supervising city, sequence code and history of a body filed here', async () => {
    const res = await get(`/api/public/registry/${confirmed.creditCode}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      name: '株洲望城技工学校',
      cityName: '株洲市',
      supervisingCityName: '株洲市',
      status: 'filed',
      statusLabel: '已备案',
    });
    expect(body.sequenceCode).toMatch(/^\d{6}$/);
    expect(body.items).toEqual([
      expect.objectContaining({
        occupationCode: WELDER,
        occupationName: '焊工',
        modeLabel: '院校自主评价',
        sourceLabel: `第${listSequence}批`,
        filingListSequence: listSequence,
      }),
    ]);
    // Filed first by the import of its earlier self-evaluation filing (R2), then by this 第N批.
    expect(body.events).toHaveLength(2);
    expect(body.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event: 'filed', eventLabel: '备案', toStatus: 'filed' }),
        expect.objectContaining({
          event: 'scope_added',
          toStatus: 'filed',
          filingListSequence: listSequence,
        }),
      ]),
    );
    const confirmation = body.events.find((e: { event: string }) => e.event === 'scope_added');
    expect(confirmation.note).toContain(body.sequenceCode);
  });

  it('shows an imported body without a sequence code, its history dated by the filing', async () => {
    const res = await get(`/api/public/registry/${byName('湘钢集团有限公司').toLowerCase()}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sequenceCode).toBeNull();
    expect(body.items.map((i: { mode: string }) => i.mode).sort()).toEqual(['enterprise_self', 'social']);
    // A self-evaluation filing says what it is, with its source and date; the social one is 历史备案.
    for (const item of body.items as { mode: string; sourceLabel: string; effectiveDate: string }[]) {
      expect(item.sourceLabel).toBe(
        item.mode === 'social' ? '历史备案' : `自主评价备案（历史记录导入，${item.effectiveDate}）`,
      );
    }
    expect(body.events).toHaveLength(1);
    expect(body.events[0]).toMatchObject({ event: 'filed' });
    // The filing date at 00:00 Beijing time.
    expect(new Date(body.events[0].at).getTime()).toBe(startOfShanghaiDay(EARLIER).getTime());
  });

  it('answers 404 for a code not in the registry or not a code at all', async () => {
    expect((await get(`/api/public/registry/${code('430100', 999)}`)).statusCode).toBe(404);
    expect((await get('/api/public/registry/abc')).statusCode).toBe(404);
  });
});

describe('exports', () => {
  it('CSV: BOM, Chinese header, one row per filed item of the matching bodies', async () => {
    const res = await get(`/api/public/registry/export.csv?name=${encodeURIComponent('湘潭')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const lines = res.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('"评价机构序列码","单位名称","统一社会信用代码"');
    expect(lines).toHaveLength(3);
    expect(
      lines.some((l) => l.includes('湘潭钢铁技工学校') && l.includes('"五级/初级工、四级/中级工"')),
    ).toBe(true);
    expect(lines.some((l) => l.includes('湘潭电机潭钢厂') && l.includes('"暂停"'))).toBe(true);
  });

  it('names the supervising unit in the CSV as the body page and the 第N批 list do', async () => {
    const res = await get(`/api/public/registry/export.csv?creditCode=${confirmed.creditCode}`);
    const [header, row] = res.body.slice(1).trim().split('\r\n');
    const column = header!.split(',').indexOf('"主管单位"');
    expect(row!.split(',')[column]).toBe('"株洲市人力资源和社会保障局"');
    const json = await get(`/api/public/registry/export.json?creditCode=${confirmed.creditCode}`);
    expect(json.json().items[0].supervisingUnit).toBe('株洲市人力资源和社会保障局');
  });

  it('JSON: bodies with their items; item criteria narrow the items', async () => {
    const res = await get(`/api/public/registry/export.json?occupationCode=${LATHE}&cityCode=430300`);
    expect(res.statusCode).toBe(200);
    const data = res.json();
    expect(data.items.map((b: { name: string }) => b.name).sort()).toEqual(
      ['湘潭电机潭钢厂', '湘钢集团有限公司'].sort(),
    );
    const xg = data.items.find((b: { name: string }) => b.name === '湘钢集团有限公司');
    expect(xg.items).toEqual([
      expect.objectContaining({
        occupationCode: LATHE,
        mode: 'social',
        levelLabels: ['三级/高级工'],
        filingList: '历史备案',
      }),
    ]);
  });

  it('Excel: a streamed workbook with the header row and every item', async () => {
    const res = await get('/api/public/registry/export.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('评价机构名录')!;
    expect(sheet.getRow(1).getCell(1).text).toBe('评价机构序列码');
    // 18 imported rows + 1 filing confirmed here, one row per filed item.
    expect(sheet.actualRowCount).toBe(1 + BODIES.length + 1);
    expect(sheet.getRow(2).getCell(3).text).toBe(confirmed.creditCode);
    expect(sheet.getRow(2).getCell(1).text).toMatch(/^\d{6}$/);
  });

  it('refuses an export beyond the cap with a clear message, before streaming', async () => {
    await expect(assertExportSize(ctx.database.db, {}, 3)).rejects.toMatchObject({
      code: 'REGISTRY_EXPORT_TOO_LARGE',
      message: expect.stringContaining('请增加查询条件'),
    });
    await expect(assertExportSize(ctx.database.db, { name: '湘潭' }, 3)).resolves.toBe(2);
    const bad = await get('/api/public/registry/export.csv?creditCode=I');
    expect(bad.statusCode).toBe(400);
  });
});

describe('第N批 lists (public)', () => {
  it('lists and shows the lists; unknown sequences are 404', async () => {
    const list = await get('/api/public/filing-lists');
    expect(list.statusCode).toBe(200);
    expect(list.json().items[0]).toMatchObject({
      sequence: listSequence,
      label: `第${listSequence}批`,
      bodyCount: 1,
    });
    const detail = await get(`/api/public/filing-lists/${listSequence}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().rows).toEqual([
      expect.objectContaining({
        creditCode: confirmed.creditCode,
        supervisingCityName: '株洲市人力资源和社会保障局',
      }),
    ]);
    for (const s of ['99999', 'abc', '-1'])
      expect((await get(`/api/public/filing-lists/${s}`)).statusCode).toBe(404);
    expect((await get('/api/public/filing-lists/99999/list.pdf')).statusCode).toBe(404);
  });

  it('lists the open collection rounds for the portal', async () => {
    const res = await get('/api/public/rounds');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    expect(Object.keys(res.json().items[0]).sort()).toEqual([
      'id',
      'noticeText',
      'title',
      'windowEnd',
      'windowStart',
    ]);
  });

  it('offers the occupations of 大典 for the occupation filter', async () => {
    const res = await get(`/api/public/occupations?q=${encodeURIComponent('焊工')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toContainEqual({ code: WELDER, name: '焊工' });
    const byCode = (await get('/api/public/occupations?q=6-18-01')).json().items as { code: string }[];
    expect(byCode.length).toBeGreaterThan(0);
    expect(byCode.every((o) => o.code.startsWith('6-18-01'))).toBe(true);
  });

  it('documents the read API in the OpenAPI document under 评价机构名录', async () => {
    const doc = (await get('/api/openapi.json')).json();
    for (const path of [
      '/api/public/registry',
      '/api/public/registry/{creditCode}',
      '/api/public/registry/export.csv',
      '/api/public/registry/export.json',
      '/api/public/registry/export.xlsx',
      '/api/public/filing-lists',
      '/api/public/filing-lists/{sequence}',
    ])
      expect(doc.paths[path]?.get?.tags, path).toEqual(['评价机构名录']);
  });
});

describe('no personal data in public answers', () => {
  it('leaks no contact name, phone, account, ID number or internal note', async () => {
    const [org] = (
      (await ctx.database.db.execute(
        sql`select contact_name, contact_phone_enc from organizations where credit_code = ${confirmed.creditCode}`,
      )) as unknown as { rows: { contact_name: string; contact_phone_enc: string }[] }
    ).rows;
    const forbidden = [
      org!.contact_name,
      '13912345678',
      '139****5678',
      org!.contact_phone_enc,
      'prov_fx_',
      INTERNAL_NOTE,
      '导入文件',
      '历年备案名单.xlsx',
      '430103',
    ];
    const urls = [
      `/api/public/registry?pageSize=100`,
      `/api/public/registry/${confirmed.creditCode}`,
      `/api/public/registry/${byName('湘潭钢铁技工学校')}`,
      `/api/public/registry/export.csv`,
      `/api/public/registry/export.json`,
      `/api/public/filing-lists`,
      `/api/public/filing-lists/${listSequence}`,
    ];
    for (const url of urls) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      for (const word of forbidden) expect(res.body, `${url} contains ${word}`).not.toContain(word);
    }
    const xlsx = await get(`/api/public/filing-lists/${listSequence}/list.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => cells.push((row.values as unknown[]).join('|')));
    for (const word of forbidden) expect(cells.join('\n')).not.toContain(word);
  });
});

describe('rate limits', () => {
  it('throttles the public registry per client (429 in Chinese)', async () => {
    const strict = await createTestContext({ rateLimitMultiplier: 1 }, { demo: false });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 21; i++)
        codes.push(
          (await strict.app.inject({ method: 'GET', url: '/api/public/registry/export.json' })).statusCode,
        );
      expect(codes.slice(0, 20).every((c) => c === 200)).toBe(true);
      const last = await strict.app.inject({ method: 'GET', url: '/api/public/registry/export.json' });
      expect(last.statusCode).toBe(429);
      expect(last.json().message).toMatch(/请求过于频繁/);
    } finally {
      await strict.close();
    }
  });
});

describe('search cache (repeated public searches)', () => {
  const raw = (query: Record<string, string>) => get(`/api/public/registry?${new URLSearchParams(query)}`);

  it('answers a repeated search from the cache, identical to the search itself', async () => {
    const queries: Record<string, string>[] = [
      { name: '湘' },
      { cityCode: '430100', pageSize: '5', page: '2' },
      { creditCode: '9143' },
    ];
    for (const query of queries) {
      const first = await raw(query);
      const again = await raw(query);
      expect(first.statusCode).toBe(200);
      expect(again.headers['x-registry-cache']).toBe('hit');
      expect(again.headers['content-type']).toMatch(/^application\/json/);
      expect(again.body).toBe(first.body);
      // …and what the uncached search returns now.
      const direct = await searchRegistry(ctx.database.db, {
        page: 1,
        pageSize: 20,
        ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, /^page/.test(k) ? Number(v) : v])),
      });
      expect(JSON.parse(again.body)).toEqual(direct);
    }
    // The same query written differently (spaces, full-width) shares the answer.
    await raw({ name: '湘潭' });
    const folded = await raw({ name: ' 湘 潭 ' });
    expect(folded.headers['x-registry-cache']).toBe('hit');
    expect(
      folded
        .json()
        .items.map((i: { name: string }) => i.name)
        .sort(),
    ).toEqual(['湘潭钢铁技工学校', '湘潭电机潭钢厂'].sort());
  });

  it('bad input is refused before the cache, every time', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await raw({ creditCode: '9143-03' });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('REGISTRY_CREDIT_CODE_INVALID');
      expect(res.headers['x-registry-cache']).toBeUndefined();
    }
  });

  it('an import that files a new body shows it at once in a repeated search (also on another instance)', async () => {
    const other = new RegistrySearchCache({ now: clockMs }); // another server instance over the same database
    const query = { name: '岳麓', page: 1, pageSize: 20 };
    expect((await raw({ name: '岳麓' })).json().total).toBe(0);
    expect((await raw({ name: '岳麓' })).headers['x-registry-cache']).toBe('hit');
    expect(JSON.parse((await cachedRegistrySearch(ctx.database.db, other, query)).json).total).toBe(0);
    expect((await cachedRegistrySearch(ctx.database.db, other, query)).hit).toBe(true);

    await importFilings(center, [
      {
        name: '岳麓山职业技能评价中心',
        creditCode: code('430100', 900),
        city: '430100',
        occupationCode: WELDER,
        mode: '社会评价',
        levels: '四级',
        date: addDays(EARLIER, 61),
      },
    ]);

    const after = await raw({ name: '岳麓' });
    expect(after.headers['x-registry-cache']).toBe('miss');
    expect(after.json().items.map((i: { name: string }) => i.name)).toEqual(['岳麓山职业技能评价中心']);
    const elsewhere = await cachedRegistrySearch(ctx.database.db, other, query);
    expect(elsewhere.hit).toBe(false);
    expect(JSON.parse(elsewhere.json).items).toHaveLength(1);
  });

  it('a filing confirmation shows the newly filed body at once in a repeated search', async () => {
    const name = '株洲芦淞技工学校';
    expect((await raw({ name: '芦淞' })).json().total).toBe(0);
    expect((await raw({ name: '芦淞' })).headers['x-registry-cache']).toBe('hit');
    // The school holds an earlier self-evaluation filing (R2): its import changes the registry.
    const school = await registerSchool(ctx.app, '430200', name);
    const imported = await raw({ name: '芦淞' });
    expect(imported.headers['x-registry-cache']).toBe('miss');
    expect(imported.json().items[0]).toMatchObject({ name, sequenceCode: null });
    const app = await submittedSchoolApplication(
      school.session,
      await openRoundId(center),
      await firstChainId(center),
    );
    // Applying changes nothing in the registry: still answered from the cache.
    expect((await raw({ name: '芦淞' })).headers['x-registry-cache']).toBe('hit');
    const noticeId = await passedNotice(ctx.database.db, [app]);
    const res = await (await loginAs(ctx.app, 'srst')).post('/api/filing-lists', { noticeId });
    expect(res.statusCode, res.body).toBe(201);

    const after = await raw({ name: '芦淞' });
    expect(after.headers['x-registry-cache']).toBe('miss');
    const items = after.json().items as { name: string; sequenceCode: string | null }[];
    expect(items.map((i) => i.name)).toEqual([name]);
    expect(items[0]!.sequenceCode).toMatch(/^\d{6}$/);
  });
});

describe('search cache bounds', () => {
  it('keeps at most maxEntries answers, evicting the least recently used', () => {
    const cache = new RegistrySearchCache({ maxEntries: 3, now: clockMs });
    for (const k of ['a', 'b', 'c']) cache.set(1, k, `{"k":"${k}"}`);
    expect(cache.get(1, 'a')).toBe('{"k":"a"}'); // a is now the most recent
    cache.set(1, 'd', '{"k":"d"}');
    expect(cache.size).toBe(3);
    expect(cache.get(1, 'b')).toBeUndefined();
    expect(cache.get(1, 'a')).toBe('{"k":"a"}');
    for (let i = 0; i < 5_000; i++) cache.set(1, `q${i}`, '{}');
    expect(cache.size).toBe(3);
  });

  it('keeps at most maxChars of JSON and never one answer larger than that', () => {
    const cache = new RegistrySearchCache({ maxChars: 100, now: clockMs });
    cache.set(1, 'big', 'x'.repeat(101));
    expect(cache.size).toBe(0);
    for (let i = 0; i < 10; i++) cache.set(1, `k${i}`, 'y'.repeat(30));
    expect(cache.size).toBe(3);
    expect(cache.totalChars).toBe(90);
    cache.set(1, 'k9', 'z'.repeat(10)); // replacing an entry frees its old size
    expect(cache.totalChars).toBe(70);
  });

  it('a newer registry version empties it; an answer of an older version is not kept', () => {
    const cache = new RegistrySearchCache({ now: clockMs });
    cache.set(4, 'q', 'old');
    expect(cache.get(4, 'q')).toBe('old');
    expect(cache.get(5, 'q')).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set(4, 'q', 'late answer of version 4');
    expect(cache.get(5, 'q')).toBeUndefined();
    cache.set(5, 'q', 'new');
    expect(cache.get(4, 'q')).toBeUndefined(); // a request that read version 4 searches afresh
    expect(cache.get(5, 'q')).toBe('new');
  });

  it('recomputes answers older than maxAgeMs', () => {
    let now = 0;
    const cache = new RegistrySearchCache({ maxAgeMs: 1_000, now: () => now });
    cache.set(1, 'q', 'answer');
    now = 1_000;
    expect(cache.get(1, 'q')).toBe('answer');
    now = 2_001;
    expect(cache.get(1, 'q')).toBeUndefined();
    expect(cache.totalChars).toBe(0);
  });
});

describe('narrow search tables (registry_name_tokens, registry_scope_items)', () => {
  // After every import and confirmation above (including a body that got its 序列码 on confirmation).
  it('hold exactly the bodies’ name tokens and the filings in force, each with the body’s 序列码', async () => {
    const rows = (query: ReturnType<typeof sql>) =>
      queryRows<Record<string, string | null>>(ctx.database.db, query).then((r) =>
        r.map((x) => JSON.stringify(x)).sort(),
      );
    const tokens = await rows(sql`select credit_code, token, sequence_code from registry_name_tokens`);
    expect(tokens.length).toBeGreaterThan(50);
    expect(tokens).toEqual(
      await rows(sql`select b.credit_code, t.token, b.sequence_code
        from registry_bodies b cross join lateral unnest(b.name_tokens) as t(token)`),
    );
    const items = await rows(
      sql`select credit_code, occupation_code, level, mode, sequence_code from registry_scope_items`,
    );
    expect(items.length).toBeGreaterThan(10);
    expect(items).toEqual(
      await rows(sql`select distinct f.credit_code, f.occupation_code, l.level, f.mode, b.sequence_code
        from filings f join registry_bodies b on b.credit_code = f.credit_code
        cross join lateral unnest(f.levels) as l(level) where f.status = 'filed'`),
    );
    expect(items.some((i) => /"sequence_code":"\d{6}"/.test(i))).toBe(true);
  });
});
