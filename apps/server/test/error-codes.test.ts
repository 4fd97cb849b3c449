/**
 * The error code catalogue: every stable code the server or the domain answers with is listed once, with
 * its meaning in Chinese, so a client can rely on the list (the helpers' types refuse an unlisted code;
 * this also finds codes written into validation details and the HTTP edge's own answers).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, firstCodeOf, invalid, isErrorCode } from '@skillcert/domain';

const ROOT = path.join(import.meta.dirname, '../../..');
const SOURCES = ['apps/server/src', 'packages/domain/src'];

function sourceTexts(): string[] {
  return SOURCES.flatMap((dir) =>
    (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('error-codes.ts'))
      .map((f) => readFileSync(path.join(ROOT, dir, f), 'utf8')),
  );
}

describe('the error code catalogue', () => {
  it('gives every code a meaning in Chinese', () => {
    for (const [code, meaning] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(meaning, code).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('lists every code the sources answer with', () => {
    const used = new Set<string>();
    const patterns = [
      /\b(?:invalid|conflict|notFound|forbidden|unauthenticated)\(\s*'([A-Z][A-Z0-9_]+)'/g,
      /\bcode:\s*'([A-Z][A-Z0-9_]+)'/g,
      // Local helpers that add a row's or a field's problem: fail(row, 'CODE', …), err('CODE', …).
      /\b(?:fail|err|field|refuse)\(\s*(?:row,\s*)?'([A-Z][A-Z0-9_]+)'/g,
    ];
    for (const text of sourceTexts()) {
      for (const pattern of patterns) for (const m of text.matchAll(pattern)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(150);
    expect([...used].filter((c) => !isErrorCode(c))).toEqual([]);
  });

  it('names a refusal made of details by its first catalogued code', () => {
    const details = [{ code: 'CREDIT_CODE_CHECK', message: '统一社会信用代码校验位错误' }];
    expect(firstCodeOf(details, 'CREDIT_CODE_INVALID')).toBe('CREDIT_CODE_CHECK');
    expect(firstCodeOf([{ code: 'FIELD_TOO_SMALL', message: '太短' }], 'VALIDATION_FAILED')).toBe(
      'VALIDATION_FAILED',
    );
    expect(invalid('FILE_REQUIRED', '请选择要上传的文件').code).toBe('FILE_REQUIRED');
  });
});
