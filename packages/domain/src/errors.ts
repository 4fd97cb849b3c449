/**
 * 领域错误 — every refusal the system gives carries a stable machine code and a Chinese message.
 * The `kind` tells the HTTP edge how to map it (one place: apps/server/src/http/errors.ts), so the
 * domain never knows about status codes. Codes come from the one catalogue (error-codes.ts).
 */
import { isErrorCode, type ErrorCode } from './error-codes';
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
  readonly code: ErrorCode;
  readonly kind: DomainErrorKind;
  readonly details: ErrorDetail[] | undefined;

  constructor(kind: DomainErrorKind, code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

export const invalid = (code: ErrorCode, message: string, details?: ErrorDetail[]) =>
  new DomainError('invalid', code, message, details);
export const notFound = (code: ErrorCode = 'NOT_FOUND', message = '请求的资源不存在或无权访问') =>
  new DomainError('not_found', code, message);
export const conflict = (code: ErrorCode, message: string) => new DomainError('conflict', code, message);
export const forbidden = (code: ErrorCode, message: string) => new DomainError('forbidden', code, message);
export const unauthenticated = (code: ErrorCode = 'AUTH_REQUIRED', message = '请先登录') =>
  new DomainError('unauthenticated', code, message);

/**
 * The code of a refusal made of a validator's details: the first detail's code when it is catalogued,
 * otherwise `fallback` (details may also carry field-level codes that are not refusals of their own).
 */
export const firstCodeOf = (details: readonly ErrorDetail[], fallback: ErrorCode): ErrorCode => {
  const code = details[0]?.code;
  return code !== undefined && isErrorCode(code) ? code : fallback;
};
