/**
 * Text no request may carry, refused in one place before any schema or use case sees it: NUL and other
 * control characters (PostgreSQL cannot store NUL in text, so it used to surface as a 500), lone UTF-16
 * surrogates (not text at all), bidi overrides (they make a name read differently from what is stored
 * — "Trojan Source") and values made only of invisible characters (a name nobody can see or tell
 * apart). Query, path parameters and JSON bodies are checked by a hook on every route; multipart text
 * fields and file names by the multipart readers through `refuseHostileText`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalid } from '@skillcert/domain';
import type { AppInstance } from './app-types';

/** C0 controls except tab, line feed and carriage return; DEL. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;
/** Embedding, override and isolate controls of the Unicode bidi algorithm. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Zero-width and other format characters that render as nothing (filler letters of Hangul too). */
const INVISIBLE = '[\\p{Cf}\\u3164\\u115f\\u1160\\uffa0]';
const HAS_INVISIBLE = new RegExp(INVISIBLE, 'u');
const ALL_INVISIBLE = new RegExp(INVISIBLE, 'gu');
const HAS_VISIBLE = /\S/u;

export type HostileTextKind = 'control' | 'surrogate' | 'bidi' | 'invisible';

/** Why a text is refused, or null when it is acceptable. Pure, so it is testable on its own. */
export function hostileTextKind(value: string): HostileTextKind | null {
  if (CONTROL.test(value)) return 'control';
  if (LONE_SURROGATE.test(value)) return 'surrogate';
  if (BIDI_CONTROL.test(value)) return 'bidi';
  if (HAS_INVISIBLE.test(value) && !HAS_VISIBLE.test(value.replace(ALL_INVISIBLE, ''))) return 'invisible';
  return null;
}

const MESSAGE: Record<HostileTextKind, string> = {
  control: '含有不允许的控制字符（如空字符）',
  surrogate: '含有无法识别的字符（不成对的代理项）',
  bidi: '含有文字方向控制符，可能使显示内容与实际内容不符',
  invisible: '只含不可见字符',
};

/** Throws 400 INVALID_CHARACTERS naming the field when the text is hostile. */
export function refuseHostileText(value: string, field: string): void {
  const kind = hostileTextKind(value);
  if (!kind) return;
  const message = `${field ? `字段"${field}"` : '请求内容'}${MESSAGE[kind]}`;
  throw invalid('INVALID_CHARACTERS', message, [{ code: 'INVALID_CHARACTERS', message, field }]);
}

/** A file part's name is checked before its content is read; the unread stream is drained first. */
export function refuseHostileFileName(part: { filename: string; file: { resume(): void } }): void {
  if (!hostileTextKind(part.filename)) return;
  part.file.resume();
  refuseHostileText(part.filename, '文件名');
}

/** Walks parsed input (objects, arrays, strings), checking every string and every key. */
function refuseHostileInput(value: unknown, path: string, depth = 0): void {
  if (depth > 64) throw invalid('INPUT_TOO_DEEP', '请求数据嵌套层级过深');
  if (typeof value === 'string') return refuseHostileText(value, path);
  if (Array.isArray(value)) {
    value.forEach((item, i) => refuseHostileInput(item, path ? `${path}.${i}` : String(i), depth + 1));
    return;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      refuseHostileText(key, path);
      refuseHostileInput(item, path ? `${path}.${key}` : key, depth + 1);
    }
  }
}

export function registerInputGuard(app: AppInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    refuseHostileInput(request.params, '');
    refuseHostileInput(request.query, '');
    // Multipart bodies are streams here; their readers check each part.
    if (!request.isMultipart()) refuseHostileInput(request.body, '');
  });
}

/** Framework errors raised before any route runs (Fastify's `frameworkErrors`). */
const FRAMEWORK_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL', message: '请求地址的编码不正确' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'PARAM_TOO_LONG', message: '请求地址中的参数过长' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'BAD_REQUEST', message: '请求有误' },
};

export function answerFrameworkError(error: { code: string }, reply: FastifyReply): void {
  const known = FRAMEWORK_ERRORS[error.code];
  void reply
    .status(known?.status ?? 400)
    .send({ code: known?.code ?? 'BAD_REQUEST', message: known?.message ?? '请求有误' });
}
