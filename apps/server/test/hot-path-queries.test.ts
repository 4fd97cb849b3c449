/**
 * The hot read paths answer in a fixed number of database round trips whatever the size of the page
 * (no N+1): each route's allowed number stands beside it. An authenticated request's first statement is
 * the session lookup (one query: the session joined to its user).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeCreditCodeCheckChar, addDays, todayInShanghai } from '@skillcert/domain';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { countQueries, type QueryCounter } from './support/query-counter';
import { importFilings, type ImportRow } from './support/filing-list-fixtures';
import { testNow } from './support/test-db';

let ctx: TestContext;
let counter: QueryCounter;
const sessions: Record<string, Session> = {};

const code = (n: number) => {
  const body = `91430300MA4L${String(n).padStart(5, '0')}`;
  return body + computeCreditCodeCheckChar(body);
};
const EARLIER = addDays(todayInShanghai(testNow()), -1000);
const FILINGS: ImportRow[] = ['6-18-02-04', '6-18-01-01', '6-18-02-05'].map((occupationCode, i) => ({
  name: '湘潭焊接技工学校',
  creditCode: code(1),
  city: '430300',
  occupationCode,
  mode: '院校自主评价',
  levels: i === 0 ? '五级、四级' : '三级',
  date: EARLIER,
  carriedOut: '是',
}));

beforeAll(async () => {
  ctx = await createTestContext();
  for (const username of ['sjzx', 'cs_zx', 'qy_admin']) sessions[username] = await loginAs(ctx.app, username);
  await importFilings(sessions.sjzx!, FILINGS);
  counter = countQueries(ctx.database);
});
afterAll(async () => ctx.close());

interface HotRoute {
  url: string | (() => Promise<string>);
  as: string | null;
  /** Round trips allowed, the session lookup included. */
  queries: number;
}

const firstApplication = async (as: string) =>
  `/api/applications/${(await sessions[as]!.get('/api/applications?page=1&pageSize=1')).json().items[0].id}`;

const HOT_ROUTES: HotRoute[] = [
  { url: `/api/public/registry/${code(1)}`, as: null, queries: 1 },
  { url: '/api/public/notices', as: null, queries: 1 },
  { url: '/api/public/draws', as: null, queries: 1 },
  { url: '/api/auth/me', as: 'cs_zx', queries: 1 },
  { url: '/api/inbox', as: 'cs_zx', queries: 2 },
  { url: '/api/inbox?page=1&pageSize=50', as: 'sjzx', queries: 2 },
  { url: '/api/applications', as: 'cs_zx', queries: 2 },
  { url: '/api/applications', as: 'qy_admin', queries: 2 },
  { url: () => firstApplication('cs_zx'), as: 'cs_zx', queries: 11 },
];

describe('round trips of the hot read paths', () => {
  for (const route of HOT_ROUTES) {
    const name = typeof route.url === 'string' ? route.url : 'the first application of the list';
    it(`GET ${name} as ${route.as ?? 'the public'}: at most ${route.queries}`, async () => {
      const url = typeof route.url === 'string' ? route.url : await route.url();
      const get = () => (route.as ? sessions[route.as]!.get(url) : ctx.app.inject({ method: 'GET', url }));
      let status = 0;
      const statements = await counter.during(async () => {
        status = (await get()).statusCode;
      });
      expect(status).toBe(200);
      expect(statements.length, statements.join('\n\n')).toBeLessThanOrEqual(route.queries);
    });
  }
});
