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

const DOWNLOAD_HEADERS = ['content-type', 'content-disposition', 'x-content-sha256'];

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
      return reply.status(fe.statusCode).send({ code: fe.code ?? 'BAD_REQUEST', message: '请求有误' });
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
