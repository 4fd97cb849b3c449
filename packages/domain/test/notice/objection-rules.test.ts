import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/errors';
import {
  assertNoticeCanPass,
  assertObjectionOpen,
  assertObjectionWindowOpen,
  formatReceiptNumber,
  isReceiptNumber,
  normalizeReceiptNumber,
  objectionEffects,
  resolveObjectionTarget,
} from '../../src/notice/objection-rules';

function errorOf(fn: () => unknown): DomainError | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  return undefined;
}

const published = { status: 'published', startDate: '2026-11-25', endDate: '2026-12-01' };

describe('objection window (00:00 of the start date to 23:59:59 of the end date, Beijing time)', () => {
  it.each([
    ['2026-11-24T15:59:59.999Z', 'OBJECTION_WINDOW_NOT_OPEN'], // 11-24 23:59:59.999 in Beijing
    ['2026-11-24T16:00:00.000Z', undefined],
    ['2026-12-01T15:59:59.000Z', undefined],
    ['2026-12-01T16:00:00.000Z', 'OBJECTION_WINDOW_CLOSED'],
  ])('at %s → %s', (iso, code) => {
    const e = errorOf(() => assertObjectionWindowOpen(published, new Date(iso)));
    expect(e?.code).toBe(code);
    if (e) expect(e.kind).toBe('conflict');
  });

  it('a passed or unpublished notice receives none', () => {
    const now = new Date('2026-11-26T02:00:00Z');
    expect(errorOf(() => assertObjectionWindowOpen({ ...published, status: 'passed' }, now))?.code).toBe(
      'OBJECTION_WINDOW_CLOSED',
    );
    expect(
      errorOf(() => assertObjectionWindowOpen({ status: 'draft', startDate: null, endDate: null }, now))
        ?.code,
    ).toBe('OBJECTION_WINDOW_CLOSED');
  });
});

describe('what an objection may concern', () => {
  const items = [
    { id: 'i1', applicationId: 'a1', status: 'listed' },
    { id: 'i2', applicationId: 'a1', status: 'rejected' },
    { id: 'i3', applicationId: 'a2', status: 'listed' },
    { id: 'i4', applicationId: 'a3', status: 'rejected' },
  ];

  it.each([
    [{ noticeItemId: 'i1' }, { applicationId: 'a1', noticeItemId: 'i1' }],
    [
      { noticeItemId: 'i3', applicationId: 'a2' },
      { applicationId: 'a2', noticeItemId: 'i3' },
    ],
    [{ applicationId: 'a2' }, { applicationId: 'a2', noticeItemId: null }],
    [{ applicationId: 'a1' }, { applicationId: 'a1', noticeItemId: null }],
  ])('%j → %j', (input, target) => {
    expect(resolveObjectionTarget(items, input)).toEqual(target);
  });

  it.each([
    [{}, 'OBJECTION_TARGET_REQUIRED', 'invalid'],
    [{ noticeItemId: 'elsewhere' }, 'OBJECTION_ITEM_NOT_IN_NOTICE', 'invalid'],
    [{ noticeItemId: 'i3', applicationId: 'a1' }, 'OBJECTION_ITEM_NOT_IN_NOTICE', 'invalid'],
    [{ applicationId: 'a9' }, 'OBJECTION_APPLICATION_NOT_IN_NOTICE', 'invalid'],
    [{ noticeItemId: 'i2' }, 'OBJECTION_ITEM_REMOVED', 'conflict'],
    [{ applicationId: 'a3' }, 'OBJECTION_ITEM_REMOVED', 'conflict'],
  ])('%j is refused with %s', (input, code, kind) => {
    const e = errorOf(() => resolveObjectionTarget(items, input));
    expect(e?.code).toBe(code);
    expect(e?.kind).toBe(kind);
  });
});

describe('effects of an answer', () => {
  const appItems = [
    { id: 'i1', status: 'listed' },
    { id: 'i2', status: 'listed' },
    { id: 'i3', status: 'rejected' },
  ];
  it.each([
    ['dismissed', 'i1', appItems, { rejectItemIds: [], rejectApplication: false }],
    ['upheld', 'i1', appItems, { rejectItemIds: ['i1'], rejectApplication: false }],
    ['upheld', null, appItems, { rejectItemIds: ['i1', 'i2'], rejectApplication: true }],
    // The last listed item of the application: the application ends too.
    [
      'upheld',
      'i2',
      [
        { id: 'i1', status: 'rejected' },
        { id: 'i2', status: 'listed' },
      ],
      { rejectItemIds: ['i2'], rejectApplication: true },
    ],
    // An item already removed by an earlier upheld objection changes nothing more.
    ['upheld', 'i3', appItems, { rejectItemIds: [], rejectApplication: false }],
  ] as const)('%s on %s', (outcome, noticeItemId, applicationItems, effects) => {
    expect(objectionEffects({ outcome, noticeItemId, applicationItems })).toEqual(effects);
  });

  it('answers an objection once', () => {
    expect(errorOf(() => assertObjectionOpen('upheld'))?.code).toBe('OBJECTION_ALREADY_HANDLED');
    expect(() => assertObjectionOpen('open')).not.toThrow();
  });
});

describe('passing a notice', () => {
  const after = new Date('2026-12-01T16:00:00Z');
  it.each([
    [published, 0, new Date('2026-12-01T15:59:59Z'), 'NOTICE_WINDOW_NOT_ENDED'],
    [published, 1, after, 'NOTICE_OBJECTIONS_OPEN'],
    [{ ...published, status: 'passed' }, 0, after, 'NOTICE_ALREADY_PASSED'],
    [{ status: 'draft', startDate: null, endDate: null }, 0, after, 'NOTICE_NOT_PUBLISHED'],
    [published, 0, after, undefined],
  ])('%j with %s open objections → %s', (notice, open, now, code) => {
    const e = errorOf(() => assertNoticeCanPass(notice, open, now));
    expect(e?.code).toBe(code);
    if (e) expect(e.kind).toBe('conflict');
  });
});

describe('receipt numbers', () => {
  it('are YY + date + 8 characters of Crockford base32 from the given bytes', () => {
    const n = formatReceiptNumber('2026-11-25', new Uint8Array([0, 1, 31, 32, 255, 18, 8, 200]));
    expect(n).toBe('YY2026112501Z0ZJ88');
    expect(isReceiptNumber(n)).toBe(true);
  });

  it('normalizes what people type and rejects what is not one', () => {
    expect(normalizeReceiptNumber(' yy20261125-01z0 zj88 ')).toBe('YY2026112501Z0ZJ88');
    expect(normalizeReceiptNumber('YY20261125OIZ0ZJ88')).toBe('YY2026112501Z0ZJ88');
    expect(isReceiptNumber('YY2026112501Z0ZJ8')).toBe(false);
    expect(isReceiptNumber('YY2026112501U0ZJ88')).toBe(false);
    expect(isReceiptNumber("YY2026112501Z0ZJ8'")).toBe(false);
  });
});
