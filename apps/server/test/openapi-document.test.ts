/**
 * The OpenAPI document is a published contract: how responses are serialized internally (compiled
 * serializers, prepared queries) must never change it. The stored copy was taken before those changes;
 * a deliberate contract change updates it with `vitest -u`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './support/test-app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({}, { demo: false });
});
afterAll(async () => ctx.close());

describe('GET /api/openapi.json', () => {
  it('stays byte-identical to the published document', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    await expect(res.body).toMatchFileSnapshot('./__snapshots__/openapi.json');
  });
});
