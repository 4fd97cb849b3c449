/**
 * Authentication and the role gate, in one hook for every route. Each route must declare its access in
 * `config.access` — `{ public: true }` or `{ action }` — or the app refuses to start, so a new route
 * cannot ship without an authorization decision. A role that may not perform the action gets 404,
 * as for an invisible resource. Mutations require the session's CSRF token in `x-csrf-token`. An account
 * that must change its password (first login, after a reset) reaches nothing but the change itself,
 * logout and who-am-I until it has: 403 PASSWORD_CHANGE_REQUIRED.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  roleMayPerform,
  unauthenticated,
  notFound,
  forbidden,
  type Action,
  type Actor,
} from '@skillcert/domain';
import type { AppInstance } from './app-types';
import { resolveSession, SESSION_COOKIE, type SessionProfile } from '../security/sessions';

export type RouteAccess = { public: true } | { action: Action };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    /** Hash of the session token (the sessions table's key), when logged in. */
    sessionId: string | null;
    mustChangePassword: boolean;
    /** Names read with the session (city, organization), for who-am-I. */
    sessionProfile: SessionProfile | null;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What an account with a pending forced password change may still do: change it, log out, see itself. */
const BEFORE_PASSWORD_CHANGE = new Set<Action>(['account.changeOwnPassword', 'session.self']);

export function registerAccessControl(app: AppInstance, routeTable: RegisteredRoute[]): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('mustChangePassword', false);
  app.decorateRequest('sessionProfile', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    // The OpenAPI docs pages are registered by @fastify/swagger-ui and are public documentation.
    if (route.url.startsWith('/api/docs'))
      route.config = { ...(route.config ?? {}), access: { public: true } };
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (!access)
      throw new Error(`路由 ${String(route.method)} ${route.url} 没有声明访问控制（config.access）`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    if (!access) return; // static files and the SPA fallback
    const { deps } = app;
    const token = request.cookies[SESSION_COOKIE];
    const lookup = await resolveSession(
      deps.database.db,
      token,
      deps.clock.now(),
      deps.config.sessionIdleMinutes,
    );
    if (lookup.status === 'active') {
      request.actor = lookup.actor;
      request.csrfToken = lookup.csrfToken;
      request.sessionId = lookup.sessionId;
      request.mustChangePassword = lookup.mustChangePassword;
      request.sessionProfile = lookup.profile;
    }
    if ('public' in access) return;
    if (lookup.status === 'expired') throw unauthenticated('SESSION_EXPIRED', '登录已超时，请重新登录');
    if (!request.actor) throw unauthenticated();
    if (!roleMayPerform(request.actor.role, access.action)) throw notFound();
    if (request.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(access.action)) {
      throw forbidden('PASSWORD_CHANGE_REQUIRED', '请先修改初始口令或被重置的口令，再进行其他操作');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== request.csrfToken) {
        throw forbidden('CSRF_INVALID', '请求缺少有效的防伪令牌，请刷新页面后重试');
      }
    }
  });
}

/** The actor of a route that declared an action (the hook guarantees it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
