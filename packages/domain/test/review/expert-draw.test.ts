import { describe, expect, it } from 'vitest';
import {
  buildExpertDrawPool,
  commitExpertDraw,
  drawExperts,
  isEligibleExpert,
  replayExpertDraw,
} from '../../src/review/expert-draw';
import {
  recusalLines,
  recusalsFor,
  type DrawApplication,
  type PoolExpert,
} from '../../src/review/expert-recusal';
import { ALGORITHM_VERSION, drawSample, hashPool } from '../../src/draw';

const SEED = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const seedOf = (i: number) => i.toString(16).padStart(64, '0');
const APPLICANT = '91430200MA4L000001';
const AS_OF = '2026-11-25T02:00:00.000Z';

const expert = (n: number, over: Partial<PoolExpert> = {}): PoolExpert => ({
  code: `ZJ430200-${String(n).padStart(4, '0')}`,
  cityCode: '430200',
  occupationCodes: ['6-18-02-04'],
  active: true,
  unitCreditCode: null,
  conflicts: [],
  ...over,
});

const application: DrawApplication = {
  cityCode: '430200',
  creditCode: APPLICANT,
  occupationCodes: ['6-18-02-04'],
};

describe('recusal (回避)', () => {
  it('recuses the applicant’s own staff, a declared conflict and a recent reviewer of a rejected application', () => {
    const pool = [
      expert(1, { unitCreditCode: APPLICANT.toLowerCase() }),
      expert(2, { conflicts: [{ creditCode: APPLICANT, reason: '曾在该校兼职授课' }] }),
      expert(3),
      expert(4),
      expert(5),
    ];
    const recusals = recusalsFor(
      pool,
      {
        ...application,
        priorRejectedReviews: [
          {
            expertCode: 'ZJ430200-0003',
            applicationNumber: 'SQ2026-000001',
            reviewedAt: '2026-03-01T00:00:00Z',
          },
          // More than 365 days ago: no longer a reason.
          {
            expertCode: 'ZJ430200-0004',
            applicationNumber: 'SQ2024-000009',
            reviewedAt: '2025-10-01T00:00:00Z',
          },
        ],
      },
      { asOf: AS_OF },
    );
    expect(recusals.map((r) => [r.expertCode, r.rule])).toEqual([
      ['ZJ430200-0001', 'same_employer'],
      ['ZJ430200-0002', 'declared_conflict'],
      ['ZJ430200-0003', 'prior_rejected_review'],
    ]);
    expect(recusals[0]!.reason).toContain('本单位人员回避');
    expect(recusals[1]!.reason).toContain('曾在该校兼职授课');
    expect(recusals[2]!.reason).toContain('SQ2026-000001');
    // The window is a policy: 30 days recuses nobody for the March review.
    const short = recusalsFor(
      [expert(3)],
      {
        ...application,
        priorRejectedReviews: [
          { expertCode: 'ZJ430200-0003', applicationNumber: null, reviewedAt: '2026-03-01T00:00:00Z' },
        ],
      },
      { asOf: AS_OF, withinDays: 30 },
    );
    expect(short).toEqual([]);
  });

  it('keeps the panel and replaced experts out of a replacement draw', () => {
    const r = recusalsFor(
      [expert(1), expert(2), expert(3)],
      {
        ...application,
        assignedExpertCodes: ['ZJ430200-0001'],
        replacedExpertCodes: ['ZJ430200-0002'],
      },
      { asOf: AS_OF },
    );
    expect(r.map((x) => x.rule)).toEqual(['already_assigned', 'previously_replaced']);
  });

  it('commits to reasons as single canonical lines', () => {
    const lines = recusalLines([{ expertCode: 'A', rule: 'declared_conflict', reason: '多行\n理由' }]);
    expect(lines).toEqual(['["A","declared_conflict","多行\\n理由"]']);
  });
});

describe('expert draw', () => {
  it('draws only active experts of the city with a matching occupation', () => {
    expect(isEligibleExpert(expert(1), application)).toBe(true);
    expect(isEligibleExpert(expert(1, { active: false }), application)).toBe(false);
    expect(isEligibleExpert(expert(1, { cityCode: '430100' }), application)).toBe(false);
    expect(isEligibleExpert(expert(1, { occupationCodes: ['6-18-01-01'] }), application)).toBe(false);
    // 省直 units draw from the pseudo-city 430000.
    expect(isEligibleExpert(expert(1, { cityCode: '430000' }), { ...application, cityCode: '430000' })).toBe(
      true,
    );
  });

  it('is deterministic for a fixed seed and equals drawSample on the pool', async () => {
    const experts = Array.from({ length: 10 }, (_, i) => expert(i + 1));
    const { pool } = buildExpertDrawPool(experts, application, { asOf: AS_OF });
    const a = await drawExperts(pool, 3, SEED);
    const b = await drawExperts([...pool].reverse(), 3, SEED);
    expect(a).toEqual(b);
    expect(a).toEqual(await drawSample(pool, 3, SEED));
    expect(new Set(a).size).toBe(3);
  });

  it('never draws a recused expert, over many seeds', async () => {
    const experts = [
      expert(1, { unitCreditCode: APPLICANT }),
      expert(2, { conflicts: [{ creditCode: APPLICANT, reason: '亲属任职' }] }),
      ...Array.from({ length: 4 }, (_, i) => expert(i + 3)),
    ];
    const { pool, recusals, eligible } = buildExpertDrawPool(experts, application, { asOf: AS_OF });
    expect(eligible).toHaveLength(6);
    expect(pool).toHaveLength(4);
    expect(recusals.map((r) => r.expertCode)).toEqual(['ZJ430200-0001', 'ZJ430200-0002']);
    const seen = new Set<string>();
    for (let i = 1; i <= 200; i++) {
      const drawn = await drawExperts(pool, 3, seedOf(i));
      drawn.forEach((c) => seen.add(c));
      expect(drawn).not.toContain('ZJ430200-0001');
      expect(drawn).not.toContain('ZJ430200-0002');
    }
    // Every eligible, non-recused expert does get drawn sometimes.
    expect([...seen].sort()).toEqual(pool);
  });

  it('refuses a pool that is too small, with the numbers', async () => {
    const { pool } = buildExpertDrawPool(
      [expert(1), expert(2), expert(3, { unitCreditCode: APPLICANT })],
      application,
      { asOf: AS_OF },
    );
    await expect(drawExperts(pool, 3, SEED)).rejects.toMatchObject({
      code: 'DRAW_POOL_TOO_SMALL',
      message: expect.stringContaining('可抽取专家不足3人'),
    });
    await expect(drawExperts(pool, 0, SEED)).rejects.toMatchObject({ code: 'DRAW_COUNT_INVALID' });
    expect(() =>
      buildExpertDrawPool([expert(1)], { ...application, occupationCodes: [] }, { asOf: AS_OF }),
    ).toThrow(expect.objectContaining({ code: 'DRAW_NO_OCCUPATIONS' }));
  });

  it('replays a stored draw and reports tampering', async () => {
    const experts = [
      expert(1, { unitCreditCode: APPLICANT }),
      ...Array.from({ length: 5 }, (_, i) => expert(i + 2)),
    ];
    const { pool, recusals } = buildExpertDrawPool(experts, application, { asOf: AS_OF });
    const commitment = await commitExpertDraw(pool, recusals, SEED);
    expect(commitment.algorithmVersion).toBe(ALGORITHM_VERSION);
    expect(commitment.poolHash).toBe(await hashPool(pool));
    const result = await drawExperts(pool, 3, SEED);
    const record = { ...commitment, pool, recusals, count: 3, seed: SEED, result };
    expect(await replayExpertDraw(record)).toMatchObject({ matches: true, mismatches: [] });

    const tamperedPool = await replayExpertDraw({ ...record, pool: [...pool.slice(1), 'ZJ430200-9999'] });
    expect(tamperedPool.matches).toBe(false);
    expect(tamperedPool.mismatches).toContain('poolHash');
    const tamperedRecusals = await replayExpertDraw({ ...record, recusals: [] });
    expect(tamperedRecusals.mismatches).toEqual(['recusalHash']);
    const tamperedResult = await replayExpertDraw({ ...record, result: [...result].reverse() });
    expect(tamperedResult.mismatches).toEqual(['result']);
    const badSeed = await replayExpertDraw({ ...record, seed: 'xyz' });
    expect(badSeed.matches).toBe(false);
    expect(badSeed.error).toContain('随机种子');
  });
});
