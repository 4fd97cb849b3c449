/**
 * The session answer carries what the caller may do, computed from the domain's action table: the web's
 * menu, page guards and buttons read it, so a role's reach is decided once, on the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs } from './support/http';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const abilitiesOf = async (username: string): Promise<string[]> => {
  const session = await loginAs(ctx.app, username);
  const res = await session.get('/api/auth/me');
  expect(res.statusCode).toBe(200);
  return res.json().user.abilities;
};

describe('abilities sent with the session', () => {
  it('gives the city centre its verification and not the province’s or the auditor’s work', async () => {
    const abilities = await abilitiesOf('cs_zx');
    expect(abilities).toEqual(expect.arrayContaining(['inbox.read', 'application.verify', 'home.stats']));
    expect(abilities).not.toContain('notice.publish');
    expect(abilities).not.toContain('audit.read');
    expect(abilities).not.toContain('page.rounds');
  });

  it('gives the auditor the audit log and nothing of the case work', async () => {
    const abilities = await abilitiesOf('auditor');
    expect(abilities).toEqual(expect.arrayContaining(['audit.read', 'audit.verify', 'spotCheck.read']));
    expect(abilities).not.toContain('inbox.read');
    expect(abilities).not.toContain('page.occupations');
  });

  it('lets only the organization’s administrator manage colleagues', async () => {
    expect(await abilitiesOf('qy_admin')).toContain('organization.manageColleagues');
    expect(await abilitiesOf('qy_admin')).toContain('application.edit');
    expect(await abilitiesOf('cs_rsj')).not.toContain('organization.manageColleagues');
  });
});
