/**
 * 领域错误 — every refusal the system gives carries a stable machine code and a Chinese message.
 * The `kind` tells the HTTP edge how to map it (one place: apps/server/src/http/errors.ts), so the
 * domain never knows about status codes.
 */
export type DomainErrorKind =
  | 'invalid' // bad input → 400/422
  | 'unauthenticated' // no/expired session → 401
  | 'forbidden' // CSRF, locked → 403
  | 'not_found' // invisible or missing → 404
  | 'conflict' // wrong state, version mismatch, duplicate → 409
  | 'rate_limited'; // → 429

export interface ErrorDetail {
  code: string;
  message: string;
  field?: string;
}

export class DomainError extends Error {
  readonly code: string;
  readonly kind: DomainErrorKind;
  readonly details: ErrorDetail[] | undefined;

  constructor(kind: DomainErrorKind, code: string, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

export const invalid = (code: string, message: string, details?: ErrorDetail[]) =>
  new DomainError('invalid', code, message, details);
export const notFound = (code = 'NOT_FOUND', message = '请求的资源不存在或无权访问') =>
  new DomainError('not_found', code, message);
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
export const forbidden = (code: string, message: string) => new DomainError('forbidden', code, message);
export const unauthenticated = (code = 'AUTH_REQUIRED', message = '请先登录') =>
  new DomainError('unauthenticated', code, message);
