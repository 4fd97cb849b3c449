import type { DeleteRoutes, GetRoutes, PatchRoutes, PostRoutes, PutRoutes, UploadRoutes } from './routes';

/**
 * The one way the web talks to the API: JSON over fetch with the session cookie, the CSRF token on every
 * non-GET, and errors `{code, message, details?}` turned into an ApiError whose Chinese `message` is shown.
 */

export interface ApiErrorDetail {
  code: string;
  message: string;
  field?: string;
}

export class ApiError extends Error {
  readonly code: string;
  readonly details: ApiErrorDetail[] | undefined;
  readonly status: number;

  constructor(code: string, message: string, details: ApiErrorDetail[] | undefined, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
    this.status = status;
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  /** Do not show the error message (the caller shows it inline). */
  silent?: boolean;
  /** Do not redirect to /login on 401 (e.g. the session probe, the login form itself). */
  noAuthRedirect?: boolean;
}

type Notifier = (text: string) => void;

let csrfToken: string | null = null;
let notifyError: Notifier = (text) => console.error(text);
let onUnauthorized: (code: string) => void = () => {
  window.location.assign('/login');
};

export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
/** Registered by the shell once antd's App context exists, so messages follow the theme. */
export const setErrorNotifier = (fn: Notifier) => {
  notifyError = fn;
};
export const setUnauthorizedHandler = (fn: (code: string) => void) => {
  onUnauthorized = fn;
};

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

function rememberToken(body: unknown) {
  if (body && typeof body === 'object' && 'csrfToken' in body) {
    const token = (body as { csrfToken: unknown }).csrfToken;
    if (typeof token === 'string') csrfToken = token;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'message' in body) {
    const b = body as { code?: unknown; message?: unknown; details?: unknown };
    return new ApiError(
      typeof b.code === 'string' ? b.code : `HTTP_${status}`,
      typeof b.message === 'string' ? b.message : `请求失败（HTTP ${status}）`,
      Array.isArray(b.details) ? (b.details as ApiErrorDetail[]) : undefined,
      status,
    );
  }
  if (status === 404) return new ApiError('NOT_FOUND', '请求的资源不存在或无权访问', undefined, status);
  if (status === 413) return new ApiError('BODY_TOO_LARGE', '上传内容过大，请压缩后重试', undefined, status);
  return new ApiError(
    `HTTP_${status}`,
    `服务器暂时无法处理请求（HTTP ${status}），请稍后重试`,
    undefined,
    status,
  );
}

function handleFailure(error: ApiError, opts: RequestOptions): never {
  if (error.status === 401 && !opts.noAuthRedirect) {
    notifyError(error.message || '登录已失效，请重新登录');
    onUnauthorized(error.code);
    throw error;
  }
  if (!opts.silent) notifyError(error.message);
  throw error;
}

async function parseBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    try {
      return await res.json();
    } catch {
      return undefined;
    }
  }
  const text = await res.text();
  return text || undefined;
}

export async function request<T>(
  method: string,
  path: string,
  init: { query?: Query; body?: unknown; form?: FormData } = {},
  opts: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, init.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    return handleFailure(
      new ApiError('NETWORK_ERROR', '无法连接服务器，请检查网络连接后重试', undefined, 0),
      opts,
    );
  }
  const data = await parseBody(res);
  if (!res.ok) return handleFailure(toApiError(res.status, data), opts);
  rememberToken(data);
  return data as T;
}

export type ParamName<R extends string> = R extends `${string}:${infer P}/${infer Rest}`
  ? P | ParamName<`/${Rest}`>
  : R extends `${string}:${infer P}`
    ? P
    : never;

/** The values a route's `:name` segments take, e.g. `{ id }` for `/api/rounds/:id`. */
export type PathParams<R extends string> = Record<ParamName<R>, string | number>;

/** A route's arguments: `params` is required exactly when the route has `:name` segments. */
type Args<R extends string, Extra> = [ParamName<R>] extends [never]
  ? [init?: Extra & { params?: undefined }, opts?: RequestOptions]
  : [init: Extra & { params: PathParams<R> }, opts?: RequestOptions];

/** Fills a route's `:name` segments (URL-encoded). */
export function pathOf(route: string, params?: Record<string, string | number>): string {
  return route.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`路由 ${route} 缺少参数 ${name}`);
    return encodeURIComponent(String(value));
  });
}

/**
 * Calls typed by route: `api.get('/api/rounds/:id', { params: { id } })` answers `GetRoutes['/api/rounds/:id']`,
 * the contracts' type for that route (routes.ts), so no call site states (or casts) a response type.
 */
export const api = {
  get: <R extends keyof GetRoutes>(route: R, ...[init, opts]: Args<R, { query?: Query }>) =>
    request<GetRoutes[R]>('GET', pathOf(route, init?.params), { query: init?.query }, opts),
  post: <R extends keyof PostRoutes>(route: R, ...[init, opts]: Args<R, { body?: unknown }>) =>
    request<PostRoutes[R]>('POST', pathOf(route, init?.params), { body: init?.body ?? {} }, opts),
  put: <R extends keyof PutRoutes>(route: R, ...[init, opts]: Args<R, { body?: unknown }>) =>
    request<PutRoutes[R]>('PUT', pathOf(route, init?.params), { body: init?.body }, opts),
  patch: <R extends keyof PatchRoutes>(route: R, ...[init, opts]: Args<R, { body?: unknown }>) =>
    request<PatchRoutes[R]>('PATCH', pathOf(route, init?.params), { body: init?.body }, opts),
  del: <R extends keyof DeleteRoutes>(route: R, ...[init, opts]: Args<R, object>) =>
    request<DeleteRoutes[R]>('DELETE', pathOf(route, init?.params), {}, opts),
  upload: <R extends keyof UploadRoutes>(
    route: R,
    ...[init, opts]: Args<R, { form: FormData; onProgress?: (percent: number) => void }>
  ) => uploadForm<UploadRoutes[R]>(pathOf(route, init?.params), init?.form, init?.onProgress, opts),
  /** Downloads a file answer (e.g. an Excel template) and saves it under the server's or the given name. */
  download: downloadFile,
};

/** multipart/form-data with upload progress (0–100), via XHR since fetch has no upload progress. */
function uploadForm<T>(
  path: string,
  form: FormData | undefined,
  onProgress?: (percent: number) => void,
  opts: RequestOptions = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => {
      try {
        handleFailure(
          new ApiError('NETWORK_ERROR', '上传失败：无法连接服务器，请检查网络后重试', undefined, 0),
          opts,
        );
      } catch (e) {
        reject(e);
      }
    };
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        // not JSON (e.g. a proxy's HTML error page): toApiError gives a generic Chinese message
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        rememberToken(data);
        resolve(data as T);
        return;
      }
      try {
        handleFailure(toApiError(xhr.status, data), opts);
      } catch (e) {
        reject(e);
      }
    };
    xhr.send(form ?? null);
  });
}

async function downloadFile(
  path: string,
  fallbackName: string,
  query?: Query,
  opts: RequestOptions = {},
): Promise<void> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), { credentials: 'same-origin' });
  } catch {
    handleFailure(new ApiError('NETWORK_ERROR', '下载失败：无法连接服务器，请稍后重试', undefined, 0), opts);
  }
  if (!res.ok) handleFailure(toApiError(res.status, await parseBody(res)), opts);
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = match?.[1] ? decodeURIComponent(match[1]) : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Lists answer `{items, total, page, pageSize}`. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A list answer: paged (`{items, total, page, pageSize}`), items only, or a bare array. */
export type ListAnswer<T> = { items: T[]; total?: number; page?: number; pageSize?: number } | T[];

/** Accepts a paged answer, an items-only answer or a bare array (some list endpoints answer without paging). */
export function asPaged<T>(data: ListAnswer<T> | undefined, page = 1, pageSize = 20): Paged<T> {
  if (!data) return { items: [], total: 0, page, pageSize };
  if (Array.isArray(data))
    return { items: data, total: data.length, page: 1, pageSize: data.length || pageSize };
  return {
    items: data.items,
    total: data.total ?? data.items.length,
    page: data.page ?? page,
    pageSize: data.pageSize ?? pageSize,
  };
}
