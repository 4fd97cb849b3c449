/**
 * 备案确认通知书: one per body and confirmation (通知第五条第五款, docs/domain.md §4 documents). It names the
 * body's permanent 评价机构序列码, the 第N批 list, the effective date, the filed scope, the supervising
 * authority (谁推荐、谁监管、谁负责, 通知第六条第二款) and — when confirmation held an item back (a mode
 * the organization kind may not use, 通知第四条) — which items and why.
 */
import { reviewSteps, todayInShanghai } from '@skillcert/domain';
import { renderPdf } from './pdf';
import { formatDocumentDate } from './format';

export interface FilingConfirmationItem {
  occupation: string;
  levels: string;
  mode: string;
}

export interface FilingConfirmationData {
  organizationName: string;
  creditCode: string;
  sequenceCode: string | null;
  applicationNumber: string | null;
  roundTitle: string;
  /** 《…》 of the notice the round implements. */
  basis: string;
  /** '社会培训评价组织' or '院校/企业自主评价机构' (document-wording's bodyDesignation). */
  designation: string;
  /** The application was in the spot-check sample. */
  sampled: boolean;
  listSequence: number;
  listTitle: string;
  effectiveDate: string;
  supervisingUnit: string;
  issuer: string;
  confirmedAt: Date;
  items: FilingConfirmationItem[];
  held: (FilingConfirmationItem & { reason: string })[];
}

export function renderFilingConfirmationPdf(d: FilingConfirmationData): Promise<Buffer> {
  const reference = `备案确认〔${todayInShanghai(d.confirmedAt).slice(0, 4)}〕第${d.listSequence}批${d.sequenceCode ? `-${d.sequenceCode}` : ''}`;
  return renderPdf({
    title: `职业技能等级认定${d.designation}备案确认通知书`,
    reference,
    info: { subject: `备案确认通知书 ${d.organizationName}`, createdAt: d.confirmedAt },
    footer: { text: `${d.listTitle} · ${d.issuer}` },
    blocks: [
      { kind: 'paragraph', text: `${d.organizationName}：` },
      {
        kind: 'paragraph',
        indent: true,
        text: `根据${d.basis}，你单位${d.applicationNumber ? `（申请编号${d.applicationNumber}）` : ''}参加${d.roundTitle}，经${reviewSteps(1, d.sampled ? 1 : 0).steps}和社会公示，现予以备案确认，列入${d.listTitle}，自${formatDocumentDate(d.effectiveDate)}起生效。`,
      },
      {
        kind: 'keyValues',
        rows: [
          { label: '单位名称', value: d.organizationName },
          { label: '统一社会信用代码', value: d.creditCode },
          { label: '评价机构序列码', value: d.sequenceCode ?? '—' },
          { label: '备案批次', value: `第${d.listSequence}批` },
          { label: '生效日期', value: formatDocumentDate(d.effectiveDate) },
          { label: '主管单位', value: d.supervisingUnit },
        ],
      },
      {
        kind: 'table',
        title: '备案范围',
        columns: [
          { header: '序号', width: 0.5, align: 'center' },
          { header: '职业（工种）', width: 2.4 },
          { header: '等级', width: 2 },
          { header: '评价方式', width: 1.1 },
        ],
        rows: d.items.map((i, n) => [String(n + 1), i.occupation, i.levels, i.mode]),
        emptyText: '（无）',
      },
      ...(d.held.length > 0
        ? [
            {
              kind: 'table' as const,
              title: '暂缓确认的职业（工种）（通知第四条）',
              columns: [
                { header: '职业（工种）', width: 2 },
                { header: '等级', width: 1.4 },
                { header: '评价方式', width: 0.9 },
                { header: '原因', width: 2.4 },
              ],
              rows: d.held.map((i) => [i.occupation, i.levels, i.mode, i.reason]),
            },
            {
              kind: 'paragraph' as const,
              indent: true,
              text: '上述职业（工种）的评价方式与本单位类别不符，未予备案确认；如有异议，请与主管单位联系。',
            },
          ]
        : []),
      {
        kind: 'paragraph',
        indent: true,
        text: `评价机构序列码是你单位的永久编码，用于职业技能等级证书编号，不得变更。请严格在备案范围内开展职业技能等级认定，按照"谁评价、谁发证、谁负责"的要求规范颁发证书，接受${d.supervisingUnit}及上级人力资源社会保障部门的监督管理。`,
      },
      { kind: 'signature', signer: d.issuer, seal: true, date: d.confirmedAt },
    ],
  });
}
