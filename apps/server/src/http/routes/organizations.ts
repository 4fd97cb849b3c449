import { z } from 'zod';
import {
  activateRequest,
  addColleagueRequest,
  colleague,
  errorBody,
  organizationList,
  organizationListQuery,
  organizationSummary,
  resetPasswordRequest,
  revealRequest,
  settleDisputeRequest,
  transferAdminRequest,
} from '@skillcert/contracts';
import type { AppInstance } from '../app-types';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import { getOrganization, listOrganizations } from '../../use-cases/organizations/organization-queries';
import { presentOrganization } from '../../use-cases/organizations/organization-presenter';
import { activateOrganization } from '../../use-cases/organizations/activate-organization';
import { organizationLicenceFile } from '../../use-cases/organizations/licence-file';
import { revealOrganizationContact } from '../../use-cases/organizations/reveal-contact';
import { settleRegistrationDispute } from '../../use-cases/organizations/settle-dispute';
import {
  addColleague,
  listColleagues,
  resetColleaguePassword,
  transferOrgAdmin,
} from '../../use-cases/organizations/colleagues';

const tags = ['单位'];
const idParams = z.object({ id: z.string() });
const colleagueParams = z.object({ id: z.string(), userId: z.string() });

export function organizationRoutes(app: AppInstance): void {
  const { deps } = app;

  app.get(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: '单位列表（按数据范围）',
        querystring: organizationListQuery,
        response: { 200: organizationList },
      },
      config: { access: { action: 'organization.list' } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { rows, total } = await listOrganizations(deps.db, actor, request.query);
      return {
        items: rows.map((r) => presentOrganization(r, actor, deps.fieldCrypto)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        summary: '单位详情',
        params: idParams,
        response: { 200: organizationSummary, 404: errorBody },
      },
      config: { access: { action: 'organization.read' } },
    },
    async (request) => {
      const actor = actorOf(request);
      return presentOrganization(
        await getOrganization(deps.db, actor, request.params.id),
        actor,
        deps.fieldCrypto,
      );
    },
  );

  app.get(
    '/api/organizations/:id/licence',
    {
      schema: { tags, summary: '查看单位注册时上传的营业执照（可内嵌预览）', params: idParams },
      config: { access: { action: 'organization.read' } },
    },
    async (request, reply) => {
      const file = await organizationLicenceFile(deps, actorOf(request), request.params.id);
      // Shown inside the activation drawer: this one answer may be framed by the UI's own pages; it
      // runs nothing itself (default-src 'none'), so the rest of the policy stays as strict.
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.originalName)}`)
        .header(
          'content-security-policy',
          "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
        )
        .header('x-frame-options', 'SAMEORIGIN')
        .header('x-content-sha256', file.sha256)
        .send(deps.storage.open(file.storageKey));
    },
  );

  app.post(
    '/api/organizations/:id/activate',
    {
      schema: {
        tags,
        summary: '激活单位账号（市州鉴定中心）',
        params: idParams,
        body: activateRequest,
        response: { 200: organizationSummary },
      },
      config: { access: { action: 'organization.activate' } },
    },
    async (request) => {
      const actor = actorOf(request);
      await activateOrganization(
        deps,
        actor,
        request.params.id,
        request.body.version,
        requestMeta(request),
        request.body.reason,
      );
      return presentOrganization(
        await getOrganization(deps.db, actor, request.params.id),
        actor,
        deps.fieldCrypto,
      );
    },
  );

  app.post(
    '/api/organizations/:id/reveal-contact',
    {
      schema: {
        tags,
        summary: '查看完整联系电话（留痕）',
        params: idParams,
        body: revealRequest,
        response: { 200: z.object({ phone: z.string() }) },
      },
      config: { access: { action: 'organization.revealContact' } },
    },
    async (request) =>
      revealOrganizationContact(
        deps,
        actorOf(request),
        request.params.id,
        request.body.reason,
        requestMeta(request),
      ),
  );

  app.get(
    '/api/organizations/:id/colleagues',
    {
      schema: {
        tags,
        summary: '本单位同事',
        params: idParams,
        response: { 200: z.object({ items: z.array(colleague) }) },
      },
      config: { access: { action: 'organization.colleagues' } },
    },
    async (request) => ({ items: await listColleagues(deps, actorOf(request), request.params.id) }),
  );

  app.post(
    '/api/organizations/:id/colleagues',
    {
      schema: {
        tags,
        summary: '添加同事账号（单位管理员）',
        params: idParams,
        body: addColleagueRequest,
        response: { 201: z.object({ id: z.string() }) },
      },
      config: { access: { action: 'organization.manageColleagues' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addColleague(deps, actorOf(request), request.params.id, request.body, requestMeta(request)),
        ),
  );

  app.post(
    '/api/organizations/:id/colleagues/:userId/reset-password',
    {
      schema: {
        tags,
        summary: '重置同事口令（单位管理员）',
        params: colleagueParams,
        body: resetPasswordRequest,
        response: { 204: z.null() },
      },
      config: { access: { action: 'organization.manageColleagues' } },
    },
    async (request, reply) => {
      await resetColleaguePassword(
        deps,
        actorOf(request),
        request.params.id,
        request.params.userId,
        request.body.newPassword,
        requestMeta(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/organizations/:id/transfer-admin',
    {
      schema: {
        tags,
        summary: '移交单位管理员',
        params: idParams,
        body: transferAdminRequest,
        response: { 204: z.null() },
      },
      config: { access: { action: 'organization.manageColleagues' } },
    },
    async (request, reply) => {
      await transferOrgAdmin(
        deps,
        actorOf(request),
        request.params.id,
        request.body.userId,
        requestMeta(request),
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/organizations/:id/settle-dispute',
    {
      schema: {
        tags,
        summary: '处理注册争议（市州鉴定中心核实营业执照后，停用原账号并为真实单位开设管理员）',
        params: idParams,
        body: settleDisputeRequest,
        response: { 200: z.object({ adminUserId: z.string() }) },
      },
      config: { access: { action: 'organization.settleDispute' } },
    },
    async (request) =>
      settleRegistrationDispute(
        deps,
        actorOf(request),
        request.params.id,
        request.body,
        requestMeta(request),
      ),
  );
}
