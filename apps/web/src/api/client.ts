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

export const api = {
  get: <T>(path: string, query?: Query, opts?: RequestOptions) => request<T>('GET', path, { query }, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('POST', path, { body: body ?? {} }, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, { body }, opts),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>('PATCH', path, { body }, opts),
  del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, {}, opts),
  /** multipart/form-data with upload progress (0–100), via XHR since fetch has no upload progress. */
  upload: <T>(
    path: string,
    form: FormData,
    onProgress?: (percent: number) => void,
    opts: RequestOptions = {},
  ) =>
    new Promise<T>((resolve, reject) => {
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
      xhr.send(form);
    }),
  /** Downloads a file answer (e.g. an Excel template) and saves it under the server's or the given name. */
  async download(
    path: string,
    fallbackName: string,
    query?: Query,
    opts: RequestOptions = {},
  ): Promise<void> {
    let res: Response;
    try {
      res = await fetch(buildUrl(path, query), { credentials: 'same-origin' });
    } catch {
      handleFailure(
        new ApiError('NETWORK_ERROR', '下载失败：无法连接服务器，请稍后重试', undefined, 0),
        opts,
      );
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
  },
};

/** Lists answer `{items, total, page, pageSize}`. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Accepts a paged answer or a bare array (some list endpoints may answer without paging). */
export function asPaged<T>(data: Paged<T> | T[] | undefined, page = 1, pageSize = 20): Paged<T> {
  if (!data) return { items: [], total: 0, page, pageSize };
  if (Array.isArray(data))
    return { items: data, total: data.length, page: 1, pageSize: data.length || pageSize };
  return {
    items: data.items ?? [],
    total: data.total ?? 0,
    page: data.page ?? page,
    pageSize: data.pageSize ?? pageSize,
  };
}
