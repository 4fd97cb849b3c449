import { auditList, auditQuery, chainVerification } from '@skillcert/contracts';
import { downloadHeaders } from '../download';
import type { AppInstance } from '../app-types';
import { actorOf } from '../access';
import { searchAudit } from '../../use-cases/audit/search-audit';
import { verifyAuditChain } from '../../audit/verify-chain';
import { appendAudit } from '../../audit/audit-writer';
import { exportAuditCsv } from '../../use-cases/audit/export-audit';
import { requestMeta } from '../request-meta';

const tags = ['审计'];

export function auditRoutes(app: AppInstance): void {
  const { deps } = app;
  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: '审计日志查询（只读）',
        querystring: auditQuery,
        response: { 200: auditList },
      },
      config: { access: { action: 'audit.read' } },
    },
    async (request) => ({
      ...(await searchAudit(deps.db, request.query)),
      page: request.query.page,
      pageSize: request.query.pageSize,
    }),
  );
  app.get(
    '/api/audit/verify',
    {
      schema: { tags, summary: '校验审计日志哈希链', response: { 200: chainVerification } },
      config: { access: { action: 'audit.verify' } },
    },
    async (request) => {
      const result = await verifyAuditChain(deps.db);
      await deps.db.transaction((tx) =>
        appendAudit(
          tx,
          {
            actor: actorOf(request),
            ip: request.ip,
            action: 'audit.chain_verified',
            reason: result.message,
            after: { ok: result.ok, checked: result.checked, firstBrokenId: result.firstBrokenId },
          },
          deps.clock.now(),
        ),
      );
      return result;
    },
  );
  app.get(
    '/api/audit/export.csv',
    {
      schema: {
        tags,
        summary: '导出审计日志（CSV，导出行为本身留痕）',
        querystring: auditQuery.omit({ page: true, pageSize: true }),
      },
      config: { access: { action: 'audit.export' } },
    },
    async (request, reply) => {
      const stream = await exportAuditCsv(deps, actorOf(request), request.query, requestMeta(request));
      return downloadHeaders(reply, {
        type: 'text/csv; charset=utf-8',
        fileName: '审计日志.csv',
        asciiName: 'audit-log.csv',
      }).send(stream);
    },
  );
}
