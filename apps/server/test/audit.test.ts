import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs } from './support/http';
import { queryRows } from './support/sql';
import { appendAudit } from '../src/audit/audit-writer';
import { verifyAuditChain } from '../src/audit/verify-chain';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ACTIONS, APPLICATION_ACTIONS, auditActionLabel, type AuditAction } from '@skillcert/domain';

const SERVER_SRC = path.join(import.meta.dirname, '../src');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('audit trail', () => {
  it('records logins, mutations and reveals with actor, role, IP and before/after', async () => {
    const admin = await loginAs(ctx.app, 'admin');
    const created = await admin.post('/api/admin/users', {
      username: 'cd_zx1',
      displayName: '常德核验员',
      role: 'city_center',
      cityCode: '430700',
      password: 'Check#2026',
      phone: '13811112222',
    });
    expect(created.statusCode).toBe(201);
    const auditor = await loginAs(ctx.app, 'auditor');
    const list = (await auditor.get(`/api/audit?targetId=${created.json().id}`)).json();
    expect(list.items[0]).toMatchObject({
      action: 'user.created',
      actionLabel: '新建用户',
      targetLabel: '用户',
      targetName: '常德核验员（cd_zx1）',
      actorName: '系统管理员',
      actorRole: 'sys_admin',
      ip: '127.0.0.1',
      after: { role: 'city_center', cityCode: '430700' },
    });
    const logins = (await auditor.get('/api/audit?action=auth.login&pageSize=200')).json();
    expect(logins.items.some((e: { actorName: string }) => e.actorName === '系统管理员')).toBe(true);
  });

  it('names every action and object in Chinese, in the list and in the CSV export', async () => {
    const auditor = await loginAs(ctx.app, 'auditor');
    const page = (await auditor.get('/api/audit?pageSize=200')).json();
    expect(page.items.length).toBeGreaterThan(10);
    for (const e of page.items) {
      expect(e.actionLabel, e.action).toMatch(/^[\u4e00-\u9fa5]/);
      expect(e.actionLabel, e.action).not.toContain('未命名');
      if (e.targetType) expect(e.targetLabel, e.targetType).not.toContain('其他对象');
    }
    const csv = await auditor.get('/api/audit/export.csv?action=auth.login');
    expect(csv.statusCode).toBe(200);
    const [header, first] = csv.body.replace(/^\uFEFF/, '').split('\n');
    expect(header).toContain('操作,操作代码');
    expect(first).toContain('登录,auth.login');
  });

  it('has a Chinese name for every action the server writes to the trail', () => {
    // Every literal action of an appendAudit call in the server's source, and every workflow move.
    const written = new Set<string>();
    const auditingFiles: string[] = [];
    for (const file of readdirSync(SERVER_SRC, { recursive: true }) as string[]) {
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(path.join(SERVER_SRC, file), 'utf8');
      if (text.includes('appendAudit(')) auditingFiles.push(text);
      for (const call of text.split('appendAudit(').slice(1)) {
        for (const m of call
          .slice(0, 1500)
          .matchAll(
            /(?<!access: \{ )action:\s*(?:[^,\n]*\?\s*)?'([a-z_]+\.[a-z_]+)'(?:\s*:\s*'([a-z_]+\.[a-z_]+)')?/g,
          )) {
          written.add(m[1]!);
          if (m[2]) written.add(m[2]);
        }
      }
    }
    // Actions kept in a table beside the call (e.g. one per outcome) share a prefix with a literal one.
    const prefixes = new Set([...written].map((a) => a.split('.')[0]));
    for (const text of auditingFiles) {
      for (const m of text.matchAll(/'([a-z_]+)\.([a-z_]+)'/g)) {
        const action = `${m[1]}.${m[2]}`;
        // Access decisions (can(actor, 'organization.activate')) are not audit actions.
        if (prefixes.has(m[1]!) && !(action in ACTIONS)) written.add(action);
      }
    }
    for (const a of APPLICATION_ACTIONS) written.add(`application.${a}`);
    expect(written.size).toBeGreaterThan(60);
    const unnamed = [...written].filter((a) => auditActionLabel(a).startsWith('未命名'));
    expect(unnamed).toEqual([]);
    expect(auditActionLabel('no.such_action')).toBe('未命名操作（no.such_action）');
  });

  it('cannot be edited or deleted, not even with SQL', async () => {
    const refusal = (e: unknown) => /append-only/.test(String((e as { cause?: Error }).cause?.message ?? e));
    await expect(ctx.database.db.execute(sql`delete from audit_log`)).rejects.toSatisfy(refusal);
    await expect(ctx.database.db.execute(sql`update audit_log set reason = 'x'`)).rejects.toSatisfy(refusal);
  });

  it('keeps the chain linear under concurrent writers (no fork, no deadlock)', async () => {
    const now = ctx.clock.now();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ctx.database.db.transaction((tx) =>
          appendAudit(
            tx,
            { actor: null, actorLabel: `w${i}`, action: 'test.concurrent' as AuditAction },
            now,
          ),
        ),
      ),
    );
    const result = await verifyAuditChain(ctx.database.db);
    expect(result.ok).toBe(true);
    const rows = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_log where action = 'test.concurrent'`,
    );
    expect(Number(rows[0]!.n)).toBe(20);
  });

  it('verifies the hash chain and names the first tampered entry', async () => {
    const auditor = await loginAs(ctx.app, 'auditor');
    const ok = (await auditor.get('/api/audit/verify')).json();
    expect(ok).toMatchObject({ ok: true, firstBrokenId: null });
    expect(ok.checked).toBeGreaterThan(3);
    const [victim] = await queryRows<{ id: number }>(
      ctx.database.db,
      sql`select id from audit_log order by id limit 1 offset 2`,
    );
    // Simulate tampering by someone with direct database access (the trigger is bypassed on purpose).
    await ctx.database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await ctx.database.db.execute(sql`update audit_log set reason = '篡改' where id = ${victim!.id}`);
    await ctx.database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    const broken = (await auditor.get('/api/audit/verify')).json();
    expect(broken).toMatchObject({ ok: false, firstBrokenId: Number(victim!.id) });
    expect(broken.message).toContain(`第 ${victim!.id} 条`);
  });
});

describe('audit export and login log', () => {
  it('exports the trail as CSV for the audit admin and records the export itself', async () => {
    const auditor = await loginAs(ctx.app, 'auditor');
    const res = await auditor.get('/api/audit/export.csv?action=auth.login');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('编号,时间,操作人,角色,IP,操作,操作代码,对象类型,对象编号,原因,变更前,变更后,哈希');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.split(',')[6]!.startsWith('auth.login'))).toBe(true);
    const exports = (await auditor.get('/api/audit?action=audit.exported')).json();
    expect(exports.total).toBeGreaterThanOrEqual(1);
  });

  it('shows the security admin the login log but not the rest of the trail', async () => {
    const sec = await loginAs(ctx.app, 'secadmin');
    const log = (await sec.get('/api/security/login-log')).json();
    expect(log.items.length).toBeGreaterThan(0);
    expect(log.items.every((e: { action: string }) => e.action.startsWith('auth.'))).toBe(true);
    expect((await sec.get('/api/audit')).statusCode).toBe(404);
  });
});
