import { describe, expect, it } from 'vitest';
import { APPLICATION_ACTIONS, auditActionLabel, type AuditAction } from '../src';

describe('the audit action catalogue', () => {
  it('names every catalogued action and every application move in Chinese', () => {
    const move: AuditAction = `application.${APPLICATION_ACTIONS[0]!}`;
    const catalogued: AuditAction = 'audit.exported';
    expect(auditActionLabel(catalogued)).toBe('导出审计日志');
    expect(auditActionLabel(move)).toMatch(/^申请：/);
  });

  it('is the type of what the trail records: an action without a label does not compile', () => {
    // @ts-expect-error — not in AUDIT_ACTION_LABELS, so it cannot be written to the trail.
    const unlabelled: AuditAction = 'round.renamed';
    expect(auditActionLabel(unlabelled)).toBe('未命名操作（round.renamed）');
  });
});
