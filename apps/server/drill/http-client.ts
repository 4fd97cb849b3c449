/** A minimal HTTP client of the API for the drills: a session cookie and CSRF token like the browser's. */
export interface ApiSession {
  /** The session cookie and CSRF token, for requests made by hand (another process, a multipart body). */
  headers: Record<string, string>;
  get(pathname: string): Promise<Response>;
  post(pathname: string, body: unknown): Promise<Response>;
}

export async function login(baseUrl: string, username: string, password: string): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`登录 ${username} 失败：${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c?.startsWith('sc_session='));
  if (!cookie) throw new Error('登录未返回会话');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken };
  return {
    headers,
    get: (pathname) => fetch(`${baseUrl}${pathname}`, { headers }),
    post: (pathname, body) =>
      fetch(`${baseUrl}${pathname}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}
