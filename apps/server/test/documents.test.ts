import { describe, expect, it } from 'vitest';
import { renderApplicationReceipt, type ReceiptData } from '../src/documents/application-receipt';
import { renderPdf } from '../src/documents/pdf';
import { formatShanghaiDateTime } from '../src/documents/format';
import { extractPdf } from './support/pdf-text';

const receipt = (over: Partial<ReceiptData> = {}): ReceiptData => ({
  applicationNumber: 'HN-2026-000123',
  organizationName: '湖南省示例装备制造有限公司',
  creditCode: '91430100MA4L16GX6F',
  roundTitle: '2026年第二批职业技能等级认定评价机构征集',
  submittedAt: new Date('2026-11-26T02:30:00Z'),
  cityName: '长沙市',
  receivingUnit: '长沙市职业技能鉴定中心',
  scope: [
    {
      occupationCode: '6-18-02-04',
      occupationName: '焊工',
      jobName: '电焊工',
      levels: ['level5', 'level4', '三级/高级工'],
      mode: 'enterprise_self',
    },
    { occupationCode: '6-31-01-03', occupationName: '电工', jobName: '', levels: ['五级'], mode: 'social' },
  ],
  materials: [
    {
      slotLabel: '法人资格证明材料',
      fileName: '营业执照.pdf',
      sha256: 'ABCDEF0123456789'.toLowerCase() + '0'.repeat(48),
      sizeBytes: 245_760,
    },
  ],
  ...over,
});

describe('PDF documents (pdfkit + embedded Noto Sans SC)', () => {
  it('formats instants in Beijing time', () => {
    expect(formatShanghaiDateTime(new Date('2026-11-26T02:30:00Z'))).toBe('2026年11月26日 10:30');
    expect(formatShanghaiDateTime(new Date('2026-12-31T16:05:00Z'))).toBe('2027年1月1日 00:05');
  });

  it('renders the 申报回执 with its Chinese text extractable and the font embedded', async () => {
    const pdf = await renderApplicationReceipt(receipt());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = extractPdf(pdf);
    expect(doc.pageCount).toBe(1);
    const text = doc.text.replace(/\n/g, '');
    for (const s of [
      '职业技能等级认定评价机构备案申报回执',
      'HN-2026-000123',
      '湖南省示例装备制造有限公司',
      '91430100MA4L16GX6F',
      '2026年第二批职业技能等级认定评价机构征集',
      '2026年11月26日 10:30',
      '职业编码',
      '职业名称',
      '工种',
      '等级',
      '评价方式',
      '6-18-02-04',
      '焊工',
      '电焊工',
      '五级/初级工、四级/中级工、三级/高级工',
      '企业自主评价',
      '社会评价',
      '法人资格证明材料',
      '营业执照.pdf',
      'abcdef0123456789',
      '本回执由系统自动生成',
      '长沙市职业技能鉴定中心',
      '第 1 页 共 1 页',
    ])
      expect(text, s).toContain(s);
    // Only the first 16 hex characters of the digest are printed.
    expect(text).not.toContain('abcdef01234567890');
    // CID-keyed CFF subset of Noto Sans SC, with a ToUnicode map: no system font is involved.
    expect(doc.dictionaries.some((d) => /\/FontFile3 \d+ 0 R/.test(d))).toBe(true);
    expect(doc.dictionaries.some((d) => /\/FontName \/[A-Z]{6}\+NotoSansHans-Regular/.test(d))).toBe(true);
    expect(doc.dictionaries.some((d) => /\/FontName \/[A-Z]{6}\+NotoSansHans-Bold/.test(d))).toBe(true);
    expect(doc.dictionaries.some((d) => /\/ToUnicode \d+ 0 R/.test(d))).toBe(true);
    expect(doc.dictionaries.some((d) => /Helvetica|Times-Roman/.test(d))).toBe(false);
  });

  it('breaks long tables across pages, repeating the header and numbering every page', async () => {
    const scope = Array.from({ length: 60 }, (_, i) => ({
      occupationCode: `6-18-02-${String(i).padStart(2, '0')}`,
      occupationName: `职业${i + 1}`,
      jobName: i % 2 ? '一个相当长的工种名称需要在单元格内换行显示' : '',
      levels: ['level5', 'level4', 'level3', 'level2', 'level1'],
      mode: 'social',
    }));
    const doc = extractPdf(await renderApplicationReceipt(receipt({ scope })));
    expect(doc.pageCount).toBeGreaterThan(2);
    doc.pages.forEach((page, i) => {
      expect(page).toContain(`第 ${i + 1} 页 共 ${doc.pageCount} 页`);
    });
    expect(doc.pages[1]).toContain('职业编码'); // repeated header
    const all = doc.text.replace(/\n/g, '');
    for (let i = 1; i <= 60; i++) expect(all).toContain(`职业${i}`);
  });

  it('draws the generic blocks: key-values, paragraphs, empty tables and a seal block', async () => {
    const pdf = await renderPdf({
      title: '书面评估意见',
      subtitle: ['（样式示例）'],
      reference: '湘鉴〔2026〕1号',
      info: { createdAt: new Date('2026-11-26T02:30:00Z') },
      blocks: [
        { kind: 'heading', text: '一、基本情况' },
        { kind: 'keyValues', rows: [{ label: '单位名称', value: '湖南某职业技术学院' }] },
        {
          kind: 'paragraph',
          indent: true,
          text: '经专家评审和实地评估，该单位基本具备开展职业技能等级认定的条件。',
        },
        { kind: 'table', columns: [{ header: '专家' }, { header: '评分' }], rows: [], emptyText: '暂无评分' },
        { kind: 'signature', signer: ['长沙市人力资源和社会保障局'], seal: true, date: '2026-11-27' },
      ],
    });
    const text = extractPdf(pdf).text.replace(/\n/g, '');
    for (const s of [
      '书面评估意见',
      '湘鉴〔2026〕1号',
      '湖南某职业技术学院',
      '基本具备开展职业技能等级认定的条件',
      '暂无评分',
      '长沙市人力资源和社会保障局',
      '（盖章）',
      '2026年11月27日',
    ])
      expect(text, s).toContain(s);
  });
});
