import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/errors';
import {
  jointResultAllowedActions,
  assertJointResultAction,
  checkDecisionReason,
  checkDissentReason,
  checkOnSiteRecord,
  jointResultIsEffective,
  stateAfterSignatures,
  type JointResultActor,
} from '../../src/province/joint-spot-check-result';

const drafter: JointResultActor = { kind: 'panel_member', isDrafter: true, hasActed: false };
const member: JointResultActor = { kind: 'panel_member', isDrafter: false, hasActed: false };
const signed: JointResultActor = { kind: 'panel_member', isDrafter: false, hasActed: true };
const centre: JointResultActor = { kind: 'province_center' };
const other: JointResultActor = { kind: 'other' };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'NOT_A_DOMAIN_ERROR';
  }
  return undefined;
}

describe('联合复核结果的状态机 (通知§五(三))', () => {
  it.each([
    ['draft', drafter, ['submit']],
    ['draft', member, []],
    ['draft', centre, []],
    ['signing', drafter, ['sign', 'dissent']],
    ['signing', member, ['sign', 'dissent']],
    ['signing', signed, []],
    ['signing', centre, []],
    ['signing', other, []],
    ['agreed', member, []],
    ['agreed', centre, []],
    ['disputed', member, []],
    ['disputed', centre, ['decide']],
    ['disputed', other, []],
    ['decided', centre, []],
  ] as const)('%s, %o → %o', (state, actor, expected) => {
    expect(jointResultAllowedActions(state, actor)).toEqual(expected);
  });

  it('refuses an action outside the allowed ones with a stable code', () => {
    expect(codeOf(() => assertJointResultAction('signing', signed, 'sign'))).toBe(
      'SPOT_CHECK_RESULT_ACTION_NOT_ALLOWED',
    );
    expect(codeOf(() => assertJointResultAction('disputed', member, 'decide'))).toBe(
      'SPOT_CHECK_RESULT_ACTION_NOT_ALLOWED',
    );
    expect(codeOf(() => assertJointResultAction('signing', member, 'sign'))).toBeUndefined();
  });

  it('one signature of a panel of two does not complete the result', () => {
    expect(stateAfterSignatures(['a', 'b'], [{ inspectorId: 'a', kind: 'sign' }])).toBe('signing');
  });

  it('every member signed → agreed; any dissent once all acted → disputed', () => {
    const all = [
      { inspectorId: 'a', kind: 'sign' as const },
      { inspectorId: 'b', kind: 'sign' as const },
    ];
    expect(stateAfterSignatures(['a', 'b'], all)).toBe('agreed');
    expect(
      stateAfterSignatures(
        ['a', 'b'],
        [
          { inspectorId: 'a', kind: 'sign' },
          { inspectorId: 'b', kind: 'dissent' },
        ],
      ),
    ).toBe('disputed');
    // A replaced member's signature does not stand in for the current member's.
    expect(stateAfterSignatures(['a', 'c'], all)).toBe('signing');
  });

  it('only agreed and decided results take effect', () => {
    expect(
      ['draft', 'signing', 'agreed', 'disputed', 'decided'].filter((s) => jointResultIsEffective(s as never)),
    ).toEqual(['agreed', 'decided']);
  });
});

describe('实地复核记录 (checkOnSiteRecord)', () => {
  const context = { today: '2030-05-20', drawnOn: '2030-05-10' };
  const good = {
    visitDate: '2030-05-15',
    place: ' 长沙市某职业学院实训楼 ',
    present: '张三（校长）、复核组全体',
    attachmentCount: 1,
  };

  it('accepts a visit between the draw and today, with place, people present and evidence', () => {
    expect(checkOnSiteRecord(good, context)).toEqual({
      visitDate: '2030-05-15',
      place: '长沙市某职业学院实训楼',
      present: '张三（校长）、复核组全体',
    });
    expect(checkOnSiteRecord({ ...good, visitDate: context.today }, context).visitDate).toBe(context.today);
    expect(checkOnSiteRecord({ ...good, visitDate: context.drawnOn }, context).visitDate).toBe(
      context.drawnOn,
    );
  });

  it.each([
    ['a future visit date', { visitDate: '2030-05-21' }, 'VISIT_DATE_IN_FUTURE'],
    ['a visit before the draw', { visitDate: '2030-05-09' }, 'VISIT_DATE_BEFORE_DRAW'],
    ['a date that is no date', { visitDate: '2030-02-31x' }, 'VISIT_DATE_INVALID'],
    ['no place', { place: '  ' }, 'VISIT_PLACE_REQUIRED'],
    ['nobody present', { present: '' }, 'VISIT_PRESENT_REQUIRED'],
    ['no evidence', { attachmentCount: 0 }, 'EVIDENCE_REQUIRED'],
  ])('refuses %s', (_name, change, code) => {
    expect(codeOf(() => checkOnSiteRecord({ ...good, ...change }, context))).toBe(code);
  });
});

describe('异议与裁决的理由', () => {
  it('a dissent and a decision need a reason', () => {
    expect(codeOf(() => checkDissentReason('  '))).toBe('DISSENT_REASON_REQUIRED');
    expect(codeOf(() => checkDecisionReason(undefined))).toBe('DECISION_REASON_REQUIRED');
    expect(checkDissentReason(' 现场未见实训设备 ')).toBe('现场未见实训设备');
    expect(checkDecisionReason('调阅录像，设备齐全')).toBe('调阅录像，设备齐全');
  });
});
