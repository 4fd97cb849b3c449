import { z } from 'zod';
import {
  adminResetPasswordRequest,
  createStaffUserRequest,
  revealRequest,
  updateStaffUserRequest,
  userList,
  userListQuery,
} from '@skillcert/contracts';
import type { AppInstance } from '../app-types';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import { resetSecondFactor } from '../../use-cases/auth/second-factor';
import {
  adminResetPassword,
  createStaffUser,
  listUsers,
  revealUserPhone,
  unlockUser,
  updateStaffUser,
} from '../../use-cases/users/staff-users';

const tags = ['用户管理'];
const idParams = z.object({ id: z.string() });

export function userRoutes(app: AppInstance): void {
  const { deps } = app;
  app.get(
    '/api/admin/users',
    {
      schema: { tags, summary: '用户列表', querystring: userListQuery, response: { 200: userList } },
      config: { access: { action: 'user.list' } },
    },
    async (request) => ({
      ...(await listUsers(deps, actorOf(request), request.query)),
      page: request.query.page,
      pageSize: request.query.pageSize,
    }),
  );
  app.post(
    '/api/admin/users',
    {
      schema: {
        tags,
        summary: '创建工作人员账号',
        body: createStaffUserRequest,
        response: { 201: z.object({ id: z.string() }) },
      },
      config: { access: { action: 'user.create' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createStaffUser(deps, actorOf(request), request.body, requestMeta(request))),
  );
  app.patch(
    '/api/admin/users/:id',
    {
      schema: {
        tags,
        summary: '修改账号（姓名、状态、市州、电子邮箱）',
        params: idParams,
        body: updateStaffUserRequest,
        response: { 204: z.null() },
      },
      config: { access: { action: 'user.update' } },
    },
    async (request, reply) => {
      await updateStaffUser(deps, actorOf(request), request.params.id, request.body, requestMeta(request));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/admin/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置口令（留痕，下次登录须修改）',
        params: idParams,
        body: adminResetPasswordRequest,
        response: { 204: z.null() },
      },
      config: { access: { action: 'user.resetPassword' } },
    },
    async (request, reply) => {
      await adminResetPassword(
        deps,
        actorOf(request),
        request.params.id,
        request.body.newPassword,
        request.body.reason,
        requestMeta(request),
      );
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/admin/users/:id/unlock',
    {
      schema: { tags, summary: '解除锁定', params: idParams, response: { 204: z.null() } },
      config: { access: { action: 'user.unlock' } },
    },
    async (request, reply) => {
      await unlockUser(deps, actorOf(request), request.params.id, requestMeta(request));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/admin/users/:id/second-factor/reset',
    {
      schema: {
        tags,
        summary: '重置动态口令（下次登录重新绑定，留痕）',
        params: idParams,
        response: { 204: z.null() },
      },
      config: { access: { action: 'user.resetSecondFactor' } },
    },
    async (request, reply) => {
      await resetSecondFactor(deps, actorOf(request), request.params.id, requestMeta(request));
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/admin/users/:id/reveal-phone',
    {
      schema: {
        tags,
        summary: '查看完整手机号（留痕）',
        params: idParams,
        body: revealRequest,
        response: { 200: z.object({ phone: z.string() }) },
      },
      config: { access: { action: 'user.revealPersonalData' } },
    },
    async (request) =>
      revealUserPhone(deps, actorOf(request), request.params.id, request.body.reason, requestMeta(request)),
  );
}
