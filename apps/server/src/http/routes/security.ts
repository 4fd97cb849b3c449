import { z } from 'zod';
import { liveSession, securityPolicy } from '@skillcert/contracts';
import type { AppInstance } from '../app-types';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import { forceLogout, listLiveSessions } from '../../use-cases/security/live-sessions';
import { loadSecurityPolicy, saveSecurityPolicy } from '../../security/security-policy';
import { appendAudit } from '../../audit/audit-writer';
import { auditList } from '@skillcert/contracts';
import { searchAudit } from '../../use-cases/audit/search-audit';

const tags = ['安全管理'];

export function securityRoutes(app: AppInstance): void {
  const { deps } = app;
  app.get(
    '/api/security/sessions',
    {
      schema: { tags, summary: '在线会话', response: { 200: z.object({ items: z.array(liveSession) }) } },
      config: { access: { action: 'session.list' } },
    },
    async () => ({ items: await listLiveSessions(deps) }),
  );
  app.delete(
    '/api/security/sessions/:id',
    {
      schema: {
        tags,
        summary: '强制下线',
        params: z.object({ id: z.string() }),
        response: { 204: z.null() },
      },
      config: { access: { action: 'session.forceLogout' } },
    },
    async (request, reply) => {
      await forceLogout(deps, actorOf(request), request.params.id, requestMeta(request));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/security/policy',
    {
      schema: { tags, summary: '口令与锁定策略', response: { 200: securityPolicy } },
      config: { access: { action: 'securityPolicy.read' } },
    },
    async () => loadSecurityPolicy(deps.db),
  );
  app.put(
    '/api/security/policy',
    {
      schema: {
        tags,
        summary: '修改口令与锁定策略',
        body: securityPolicy,
        response: { 200: securityPolicy },
      },
      config: { access: { action: 'securityPolicy.edit' } },
    },
    async (request) => {
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        const before = await loadSecurityPolicy(tx);
        await saveSecurityPolicy(tx, request.body, now);
        await appendAudit(
          tx,
          {
            actor: actorOf(request),
            ip: request.ip,
            action: 'security.policy_updated',
            targetType: 'system_parameter',
            targetId: 'security_policy',
            before,
            after: request.body,
          },
          now,
        );
      });
      return loadSecurityPolicy(deps.db);
    },
  );
  app.get(
    '/api/security/login-log',
    {
      schema: {
        tags,
        summary: '登录日志（登录、退出、失败、锁定）',
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: auditList },
      },
      config: { access: { action: 'session.list' } },
    },
    async (request) => ({
      ...(await searchAudit(deps.db, {
        action: 'auth.',
        page: request.query.page,
        pageSize: request.query.pageSize,
      })),
      page: request.query.page,
      pageSize: request.query.pageSize,
    }),
  );
}
