/** Shared by the dictionary use cases: optimistic locking and the audit vocabulary. */
import { conflict } from '@skillcert/domain';

/** A stale `version` in an edit: someone else saved in between. */
export function assertSameVersion(stored: number, sent: number): void {
  if (stored !== sent) throw conflict('VERSION_CONFLICT', '数据已被他人修改，请刷新后重试');
}

/** Audit actions of dictionary edits; the history endpoint lists only these. */
export const DICTIONARY_AUDIT_PREFIX = 'dictionary.';

export const toIso = (d: Date | string | null | undefined): string | null =>
  d == null ? null : (d instanceof Date ? d : new Date(d)).toISOString();

export const paging = (page: number, pageSize: number) => ({
  limit: pageSize,
  offset: (page - 1) * pageSize,
});
