/**
 * A notice awaiting 备案确认 lists applications of every city before anything is published: only the
 * province (省鉴定中心, 省人社厅) reads it; city staff and the system admin get 404 as for any route
 * outside their role, even for a notice that holds their own city's application.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs } from './support/http';
import {
  firstChainId,
  openRoundId,
  registerSchool,
  submittedSchoolApplication,
} from './support/province-fixtures';
import { passedNotice } from './support/filing-list-fixtures';

let ctx: TestContext;
let noticeId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  const center = await loginAs(ctx.app, 'sjzx');
  const roundId = await openRoundId(center);
  const chainId = await firstChainId(center);
  const changsha = await registerSchool(ctx.app, '430100', '长沙待确认技工学校');
  const zhuzhou = await registerSchool(ctx.app, '430200', '株洲待确认技师学院');
  noticeId = await passedNotice(ctx.database.db, [
    await submittedSchoolApplication(changsha.session, roundId, chainId),
    await submittedSchoolApplication(zhuzhou.session, roundId, chainId),
  ]);
});
afterAll(async () => ctx.close());

describe('notices awaiting confirmation', () => {
  it('are read by both province roles', async () => {
    for (const name of ['sjzx', 'srst']) {
      const s = await loginAs(ctx.app, name);
      const list = await s.get('/api/filing-lists/pending');
      expect(list.statusCode, name).toBe(200);
      expect(list.json().items.map((n: { noticeId: string }) => n.noticeId)).toContain(noticeId);
      expect((await s.get(`/api/filing-lists/pending/${noticeId}`)).statusCode, name).toBe(200);
    }
  });

  it('are not found for city staff of either city nor for the system admin', async () => {
    for (const name of ['cs_zx', 'cs_rsj', 'zz_zx', 'zz_rsj', 'admin']) {
      const s = await loginAs(ctx.app, name);
      for (const url of ['/api/filing-lists/pending', `/api/filing-lists/pending/${noticeId}`]) {
        const res = await s.get(url);
        expect(res.statusCode, `${name} ${url}`).toBe(404);
        expect(res.json().code).toBe('NOT_FOUND');
      }
    }
  });

  it('leaves the published lists readable to city staff', async () => {
    const city = await loginAs(ctx.app, 'zz_zx');
    expect((await city.get('/api/filing-lists')).statusCode).toBe(200);
  });
});
