import { describe, expect, it } from 'vitest';
import {
  bodyDesignation,
  citeDocuments,
  NOTICE_DOCUMENT_TITLE,
  reviewSteps,
} from '../../src/filing/document-wording';
import { filingListTitle } from '../../src/registry/sequence-code';

describe('文书用语', () => {
  it('cites the notice by its exact title, once, in 《》', () => {
    expect(citeDocuments([NOTICE_DOCUMENT_TITLE, ` ${NOTICE_DOCUMENT_TITLE} `])).toBe(
      '《关于面向企业、技工院校等单位开展职业技能等级认定紧缺职业（工种）征集工作的通知》',
    );
    expect(citeDocuments(['甲通知', '乙通知'])).toBe('《甲通知》《乙通知》');
    expect(citeDocuments([])).toBe('');
  });

  it.each([
    ['school', ['school_self'], '院校自主评价机构'],
    ['enterprise', ['enterprise_self'], '企业自主评价机构'],
    ['school', ['school_self', 'social'], '社会培训评价组织'],
    ['enterprise', ['social'], '社会培训评价组织'],
    ['other', ['social'], '社会培训评价组织'],
  ] as const)('a %s filed for %j is a %s', (kind, modes, name) => {
    expect(bodyDesignation(kind, modes)).toBe(name);
  });

  it('names the spot check only for the bodies in its sample', () => {
    expect(reviewSteps(3, 0)).toEqual({ steps: '市州推荐、省级评估', note: '' });
    expect(reviewSteps(3, 1)).toEqual({ steps: '市州推荐、省级评估', note: '（其中1家经实地抽查复核）' });
    expect(reviewSteps(2, 2)).toEqual({ steps: '市州推荐、省级评估、实地抽查复核', note: '' });
    expect(reviewSteps(0, 0)).toEqual({ steps: '市州推荐、省级评估', note: '' });
  });

  it('titles 第N批 as a list of 评价组织 (it lists self-evaluation bodies too)', () => {
    expect(filingListTitle(3)).toBe('湖南省职业技能等级认定评价组织备案名单（第3批）');
  });
});
