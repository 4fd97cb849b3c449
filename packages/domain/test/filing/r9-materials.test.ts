import { describe, expect, it } from 'vitest';
import { DEFAULT_MATERIAL_SLOTS } from '../../src/filing/material-slots';
import { checkMaterials } from '../../src/filing/rules/r9-materials';
import { baseContext } from './precheck-fixture';

const without = (...keys: string[]) => {
  const ctx = baseContext();
  const materials = { ...ctx.materials };
  for (const k of keys) delete materials[k];
  return { ...ctx, materials };
};

describe('R9 备案材料 (通知第二条第二款至第四款)', () => {
  it('passes when every required slot has a file', () => {
    expect(checkMaterials(baseContext())).toEqual([]);
  });

  it.each(
    DEFAULT_MATERIAL_SLOTS.filter((s) => s.key !== 'legal_entity_proof').map((s) => [
      s.key,
      s.label,
      s.clause,
    ]),
  )('missing %s → MATERIAL_MISSING naming "%s" (%s)', (key, label, clause) => {
    const findings = checkMaterials(without(key));
    expect(findings).toEqual([
      {
        rule: 'R9',
        clause,
        severity: 'error',
        code: 'MATERIAL_MISSING',
        message: `缺少必备材料"${label}"`,
        fix: `请在"${label}"栏目上传至少一个文件`,
        slotKey: key,
      },
    ]);
  });

  it('a zero count counts as missing', () => {
    const ctx = baseContext();
    expect(
      checkMaterials({ ...ctx, materials: { ...ctx.materials, question_bank: 0 } }).map((f) => f.slotKey),
    ).toEqual(['question_bank']);
  });

  it('leaves the legal-entity proof to R1', () => {
    expect(checkMaterials(without('legal_entity_proof'))).toEqual([]);
  });

  it('only checks required slots of the organization’s kind; round slots without a clause cite 第二条 as a whole', () => {
    const ctx = baseContext({
      materials: {},
      round: {
        ...baseContext().round,
        materialSlots: [
          { key: 'school_only', label: '办学许可证', required: true, kinds: ['school'] },
          { key: 'optional', label: '获奖证明', required: false, kinds: ['enterprise'] },
          { key: 'site_photos', label: '场地照片', required: true, kinds: ['enterprise', 'other'] },
        ],
      },
    });
    const findings = checkMaterials(ctx);
    expect(findings.map((f) => [f.slotKey, f.clause])).toEqual([['site_photos', '通知第二条第二款至第四款']]);
  });
});

describe('DEFAULT_MATERIAL_SLOTS', () => {
  it('covers the notice’s conditions, all required for every kind', () => {
    expect(DEFAULT_MATERIAL_SLOTS.map((s) => s.key)).toEqual([
      'legal_entity_proof',
      'theory_venue',
      'practical_venue',
      'video_surveillance',
      'department_staff',
      'expert_team',
      'question_bank',
      'quality_control',
      'commitment_letter',
    ]);
    for (const s of DEFAULT_MATERIAL_SLOTS) {
      expect(s.required).toBe(true);
      expect(s.kinds).toEqual(['enterprise', 'school', 'other']);
      expect(s.clause).toMatch(/^通知第二条第[一二三四]款$/);
    }
  });

  it('accepts documents and images up to 20 MB; surveillance also mp4 up to 200 MB', () => {
    for (const s of DEFAULT_MATERIAL_SLOTS) {
      const video = s.key === 'video_surveillance';
      expect(s.accept).toEqual(
        video ? ['pdf', 'jpg', 'png', 'xlsx', 'docx', 'mp4'] : ['pdf', 'jpg', 'png', 'xlsx', 'docx'],
      );
      expect(s.maxBytes).toBe((video ? 200 : 20) * 1024 * 1024);
    }
  });
});
