import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  changePasswordRequest,
  errorBody,
  loginRequest,
  loginResponse,
  secondFactorEnrolConfirmRequest,
  secondFactorEnrolled,
  secondFactorEnrolment,
  secondFactorEnrolRequest,
  secondFactorVerifyRequest,
  sessionResponse,
} from '@skillcert/contracts';
import type { AppInstance } from '../app-types';
import { perMinute } from '../rate-limit';
import { actorOf } from '../access';
import { requestMeta } from '../request-meta';
import { login } from '../../use-cases/auth/login';
import { confirmEnrolment, startEnrolment, verifySecondFactor } from '../../use-cases/auth/second-factor';
import type { NewSession } from '../../security/sessions';
import { presentCurrentUser } from '../../use-cases/auth/current-user';
import { changeOwnPassword } from '../../use-cases/auth/change-own-password';
import { resolveSession, revokeSession, SESSION_COOKIE } from '../../security/sessions';
import { appendAudit } from '../../audit/audit-writer';

const tags = ['认证'];

export function authRoutes(app: AppInstance): void {
  const { deps } = app;
  /**
   * The session cookie is Secure whenever the request came over HTTPS — directly, or through a proxy in
   * TRUSTED_PROXIES that says so (X-Forwarded-Proto) — and always in production.
   */
  const cookieOptions = (request: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.mode === 'production' || request.protocol === 'https',
  });

  // The dummy hash for unknown names is made now, so the first such login costs no more than any other.
  void deps.passwords.dummyHash();

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: '登录',
        body: loginRequest,
        response: { 200: loginResponse, 401: errorBody, 403: errorBody },
      },
      config: { access: { public: true }, rateLimit: perMinute(deps.config, 20) },
    },
    async (request, reply) => {
      const result = await login(deps, request.body, requestMeta(request));
      if ('challenge' in result) return result;
      return answerWithSession(request, reply, result);
    },
  );

  /** Sets the cookie of a new session and answers who is logged in, as the login always has. */
  async function answerWithSession(
    request: FastifyRequest,
    reply: FastifyReply,
    { session, userId }: { session: NewSession; userId: string },
  ) {
    reply.setCookie(SESSION_COOKIE, session.token, cookieOptions(request));
    const lookup = await resolveSession(
      deps.db,
      session.token,
      deps.clock.now(),
      deps.config.sessionIdleMinutes,
    );
    if (lookup.status !== 'active' || lookup.actor.userId !== userId)
      throw new Error('session not found after login');
    return { user: presentCurrentUser(lookup.actor, lookup.profile), csrfToken: session.csrfToken };
  }

  // The second step shares the login's per-IP limit: codes cannot be tried faster than passwords.
  const secondStep = { access: { public: true as const }, rateLimit: perMinute(deps.config, 20) };

  app.post(
    '/api/auth/login/second-factor',
    {
      schema: {
        tags,
        summary: '登录第二步：动态口令或恢复码',
        body: secondFactorVerifyRequest,
        response: { 200: sessionResponse, 401: errorBody, 403: errorBody },
      },
      config: secondStep,
    },
    async (request, reply) =>
      answerWithSession(request, reply, await verifySecondFactor(deps, request.body, requestMeta(request))),
  );

  app.post(
    '/api/auth/login/second-factor/enrolment',
    {
      schema: {
        tags,
        summary: '绑定动态口令：生成密钥（otpauth 二维码内容）',
        body: secondFactorEnrolRequest,
        response: { 200: secondFactorEnrolment, 401: errorBody },
      },
      config: secondStep,
    },
    async (request) => startEnrolment(deps, request.body),
  );

  app.post(
    '/api/auth/login/second-factor/enrolment/confirm',
    {
      schema: {
        tags,
        summary: '绑定动态口令：输入第一个动态口令确认，返回恢复码（仅显示一次）',
        body: secondFactorEnrolConfirmRequest,
        response: { 200: secondFactorEnrolled, 401: errorBody, 403: errorBody },
      },
      config: secondStep,
    },
    async (request, reply) => {
      const enrolled = await confirmEnrolment(deps, request.body, requestMeta(request));
      const answer = await answerWithSession(request, reply, enrolled);
      return { ...answer, recoveryCodes: enrolled.recoveryCodes };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: { tags, summary: '当前用户', response: { 200: sessionResponse } },
      config: { access: { action: 'session.self' } },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!request.sessionProfile) throw new Error('session profile missing for a logged-in request');
      return { user: presentCurrentUser(actor, request.sessionProfile), csrfToken: request.csrfToken ?? '' };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags, summary: '退出登录', response: { 204: z.null() } },
      config: { access: { action: 'session.self' } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const token = request.cookies[SESSION_COOKIE];
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        if (token) await revokeSession(tx, token, now);
        await appendAudit(
          tx,
          { actor, ip: request.ip, action: 'auth.logout', targetType: 'user', targetId: actor.userId },
          now,
        );
      });
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: { tags, summary: '修改本人口令', body: changePasswordRequest, response: { 204: z.null() } },
      config: { access: { action: 'account.changeOwnPassword' } },
    },
    async (request, reply) => {
      await changeOwnPassword(deps, actorOf(request), request.body, requestMeta(request), request.sessionId);
      return reply.status(204).send(null);
    },
  );
}
