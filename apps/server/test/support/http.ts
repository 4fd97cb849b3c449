/** A logged-in test user: carries the session cookie and CSRF token like the browser does. */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../../src/demo/demo-accounts';
import type { AppInstance } from '../../src/http/app-types';

export interface Session {
  cookie: string;
  csrfToken: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export async function loginAs(
  app: AppInstance,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sc_session');
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = res.json().csrfToken as string;
  const request = (opts: InjectOptions) =>
    app.inject({
      ...opts,
      headers: { ...(opts.headers ?? {}), cookie: `sc_session=${cookie.value}`, 'x-csrf-token': csrfToken },
    });
  return {
    cookie: cookie.value,
    csrfToken,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) => request({ method: 'POST', url, payload: payload as never }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as never }),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as never }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/**
 * Logs in an account made by an administrator (first login: the server requires a new password before
 * anything else) and, when required, changes its password the way the user would. Returns the session
 * and the password now in force, for the next login.
 */
export async function loginChangingInitialPassword(
  app: AppInstance,
  username: string,
  password: string,
): Promise<{ session: Session; password: string }> {
  const session = await loginAs(app, username, password);
  const me = await session.get('/api/auth/me');
  if (!(me.json() as { user: { mustChangePassword: boolean } }).user.mustChangePassword)
    return { session, password };
  const chosen = `Own#${password}`;
  const res = await session.post('/api/auth/password', { currentPassword: password, newPassword: chosen });
  if (res.statusCode !== 204)
    throw new Error(`password change ${username} failed: ${res.statusCode} ${res.body}`);
  return { session, password: chosen };
}
