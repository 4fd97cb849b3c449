/** The one place where domain errors, validation errors and framework errors become HTTP answers. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, type DomainErrorKind, type ErrorDetail } from '@skillcert/domain';
import { hasZodFastifySchemaValidationErrors } from '@fastify/type-provider-zod';

const statusOfKind: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

export interface ErrorBody {
  code: string;
  message: string;
  details?: ErrorDetail[];
}

const issueCode = (zodCode: string): string =>
  zodCode === 'unrecognized_keys' ? 'UNKNOWN_FIELD' : `FIELD_${zodCode.toUpperCase()}`;

/** Framework codes are upper-case words; anything else becomes BAD_REQUEST. */
const stableCode = (code: string | undefined) =>
  code && /^[A-Z][A-Z0-9_]*$/.test(code) ? code : 'BAD_REQUEST';

const DOWNLOAD_HEADERS = ['content-type', 'content-disposition', 'x-content-sha256'];

/** The SQLSTATE of a driver error, also when drizzle wraps it as the `cause`. */
function sqlStateOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e.code === 'string' ? e.code : e.cause?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

type Answer = { status: number; body: ErrorBody };

/**
 * Database refusals that are the request's fault, not the server's: a unique key lost to a concurrent
 * insert (PostgreSQL and PGlite alike → 409, as when the use case's own check sees the row), and text
 * PostgreSQL cannot store (the input guard refuses it first; this is the backstop).
 */
export function databaseErrorAnswer(error: unknown): Answer | null {
  const state = sqlStateOf(error);
  if (state === '23505')
    return {
      status: 409,
      body: { code: 'DUPLICATE', message: '相同的记录已经存在（可能刚被他人提交），请刷新后核对' },
    };
  if (state === '22021' || state === '22P05')
    return { status: 400, body: { code: 'INVALID_CHARACTERS', message: '请求中含有无法保存的字符' } };
  return null;
}

/** Busboy's own parse errors carry no code; these are its messages for a cut-off or malformed body. */
const MALFORMED_MULTIPART =
  /unexpected end of (multipart data|form|file)|terminated early|malformed part header|boundary (not found|required)/i;

function multipartErrorAnswer(error: FastifyError): Answer | null {
  switch (error.code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, body: { code: 'FILE_TOO_LARGE', message: '上传的文件过大' } };
    case 'FST_FILES_LIMIT':
      return { status: 413, body: { code: 'TOO_MANY_FILES', message: '上传的文件个数超过限制' } };
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return { status: 413, body: { code: 'TOO_MANY_FIELDS', message: '表单字段过多' } };
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 400, body: { code: 'MULTIPART_MALFORMED', message: '上传的表单格式不正确' } };
    default:
      return MALFORMED_MULTIPART.test(error.message ?? '')
        ? { status: 400, body: { code: 'MULTIPART_MALFORMED', message: '上传的表单不完整或格式不正确' } }
        : null;
  }
}

/** Other 4xx framework errors: a Chinese message with the framework's stable code. */
const FRAMEWORK_4XX_MESSAGE: Record<string, string> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求体为空，但声明为 JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求的 Content-Length 与内容不符',
  FST_ERR_CTP_INVALID_TYPE: '请求的内容类型不正确',
};

export function registerErrorHandling(app: FastifyInstance, opts: { spaFallback: boolean }): void {
  app.setErrorHandler((error: FastifyError | DomainError | Error, request, reply) => {
    // A download whose stored content is missing fails after the route set the file's headers: the
    // error answer is JSON, not an attachment.
    for (const header of DOWNLOAD_HEADERS) reply.removeHeader(header);
    if (error instanceof DomainError) {
      const body: ErrorBody = { code: error.code, message: error.message };
      if (error.details) body.details = error.details;
      return reply.status(statusOfKind[error.kind]).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details: ErrorDetail[] = error.validation.map((v) => {
        const field = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
        const keys = (v.params as { keys?: string[] }).keys;
        const message =
          v.keyword === 'unrecognized_keys' && keys
            ? `不允许的字段：${keys.join('、')}`
            : `${field ? `字段"${field}"：` : ''}${v.message ?? '格式不正确'}`;
        const detail: ErrorDetail = { code: issueCode(v.keyword), message };
        if (field) detail.field = field;
        return detail;
      });
      const first = details[0];
      return reply.status(400).send({
        code: first?.code === 'UNKNOWN_FIELD' ? 'UNKNOWN_FIELD' : 'VALIDATION_FAILED',
        message: first ? `请求数据有误：${first.message}` : '请求数据有误',
        details,
      } satisfies ErrorBody);
    }
    const fe = error as FastifyError;
    const databaseAnswer = databaseErrorAnswer(error);
    if (databaseAnswer) return reply.status(databaseAnswer.status).send(databaseAnswer.body);
    const multipartAnswer = multipartErrorAnswer(fe);
    if (multipartAnswer) return reply.status(multipartAnswer.status).send(multipartAnswer.body);
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ code: 'BODY_TOO_LARGE', message: '请求内容过大' });
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && /JSON/i.test(fe.message))) {
      return reply.status(400).send({ code: 'MALFORMED_JSON', message: '请求不是合法的 JSON' });
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型' });
    }
    if (fe.statusCode === 429) {
      return reply.status(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const message = FRAMEWORK_4XX_MESSAGE[fe.code] ?? '请求有误';
      return reply.status(fe.statusCode).send({ code: stableCode(fe.code), message });
    }
    request.log.error(error);
    return reply.status(500).send({ code: 'INTERNAL_ERROR', message: '系统内部错误，请稍后重试' });
  });

  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web UI: any non-API GET falls back to the SPA's index.html.
    if (opts.spaFallback && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ code: 'NOT_FOUND', message: '请求的资源不存在或无权访问' });
  });
}
