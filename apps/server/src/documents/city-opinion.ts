/**
 * 书面评估意见 of the city bureau (docs/domain.md §4 "The city opinion records the experts, the scoring per
 * dimension and the site visit"). Plain data in, PDF bytes out. Experts appear by 专家编号 and name only;
 * no other personal data (phones, ID numbers, the visiting staff's names) is printed.
 */
import { SCORE_DIMENSION_LABELS, SCORE_DIMENSIONS, type ScoreDimension } from '@skillcert/contracts';
import { renderPdf, type DocumentBlock } from './pdf';
import { formatDocumentDate } from './format';

export interface CityOpinionData {
  applicationNumber: string;
  roundTitle: string;
  organizationName: string;
  creditCode: string;
  cityName: string | null;
  /** The signing unit, e.g. 株洲市人力资源和社会保障局. */
  issuer: string;
  items: {
    occupationCode: string;
    occupationName: string | null;
    jobName: string;
    levels: string;
    mode: string;
    recommend: boolean;
    reason: string | null;
  }[];
  experts: {
    code: string;
    name: string;
    scores: Record<ScoreDimension, number | null>;
    total: number | null;
  }[];
  averages: Record<ScoreDimension | 'total', number | null>;
  sites: {
    visitDate: string;
    checklist: { label: string; verdictLabel: string; note: string | null }[];
    findings: string;
  }[];
  conclusion: 'recommend' | 'not_recommend';
  summary: string;
  issuedAt: Date;
}

const num = (n: number | null) => (n === null ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(1));

export function renderCityOpinion(data: CityOpinionData): Promise<Buffer> {
  const recommendedCount = data.items.filter((i) => i.recommend).length;
  const conclusionText =
    data.conclusion === 'recommend'
      ? `经专家评审和实地评估，同意推荐该单位${recommendedCount}个申报职业（工种）（详见第二部分）申请职业技能等级认定评价机构备案${
          recommendedCount < data.items.length
            ? `，其余${data.items.length - recommendedCount}个不予推荐`
            : ''
        }。`
      : '经专家评审和实地评估，该单位申报的职业（工种）均不予推荐。';

  const siteBlocks: DocumentBlock[] = data.sites.flatMap((s, n) => [
    {
      kind: 'table' as const,
      title: `四、实地评估${data.sites.length > 1 ? `（第${n + 1}次）` : ''}：${formatDocumentDate(s.visitDate)}`,
      columns: [
        { header: '序号', width: 0.5, align: 'center' as const },
        { header: '核查项目', width: 2.4 },
        { header: '结论', width: 0.8, align: 'center' as const },
        { header: '说明', width: 2.6 },
      ],
      rows: s.checklist.map((c, i) => [String(i + 1), c.label, c.verdictLabel, c.note ?? '']),
      emptyText: '（无）',
    },
    { kind: 'paragraph' as const, text: `评估发现：${s.findings}`, indent: true },
  ]);

  return renderPdf({
    title: '职业技能等级认定评价机构备案书面评估意见',
    subtitle: [data.roundTitle],
    reference: `申请编号：${data.applicationNumber}`,
    info: { subject: `书面评估意见 ${data.applicationNumber}`, createdAt: data.issuedAt },
    footer: { text: `申请编号 ${data.applicationNumber} · ${data.issuer}` },
    blocks: [
      {
        kind: 'keyValues',
        title: '一、申报单位',
        rows: [
          { label: '单位名称', value: data.organizationName },
          { label: '统一社会信用代码', value: data.creditCode },
          ...(data.cityName ? [{ label: '所在市州', value: data.cityName }] : []),
          { label: '申请编号', value: data.applicationNumber },
        ],
      },
      {
        kind: 'table',
        title: `二、申报职业（工种）及评估结论（共${data.items.length}项）`,
        columns: [
          { header: '序号', width: 0.5, align: 'center' },
          { header: '职业（工种）', width: 2 },
          { header: '等级', width: 1.8 },
          { header: '评价方式', width: 1.1 },
          { header: '结论', width: 0.9, align: 'center' },
          { header: '理由', width: 2 },
        ],
        rows: data.items.map((item, i) => [
          String(i + 1),
          `${item.occupationName ?? ''}（${item.occupationCode}）${item.jobName ? `\n${item.jobName}` : ''}`,
          item.levels,
          item.mode,
          item.recommend ? '推荐' : '不予推荐',
          item.reason ?? '',
        ]),
        emptyText: '（无）',
      },
      {
        kind: 'table',
        title: `三、专家评审（${data.experts.length}位专家）`,
        columns: [
          { header: '专家编号', width: 1.2 },
          { header: '姓名', width: 1 },
          ...SCORE_DIMENSIONS.map((d) => ({
            header: SCORE_DIMENSION_LABELS[d],
            width: 0.9,
            align: 'center' as const,
          })),
          { header: '合计', width: 0.8, align: 'center' },
        ],
        rows: [
          ...data.experts.map((e) => [
            e.code,
            e.name,
            ...SCORE_DIMENSIONS.map((d) => num(e.scores[d])),
            num(e.total),
          ]),
          ['平均分', '', ...SCORE_DIMENSIONS.map((d) => num(data.averages[d])), num(data.averages.total)],
        ],
        fontSize: 9,
      },
      ...siteBlocks,
      { kind: 'heading', text: '五、评估结论' },
      { kind: 'paragraph', text: conclusionText, indent: true },
      { kind: 'paragraph', text: `综合意见：${data.summary}`, indent: true },
      { kind: 'signature', signer: data.issuer, seal: true, date: data.issuedAt },
    ],
  });
}
