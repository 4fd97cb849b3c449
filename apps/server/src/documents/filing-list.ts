/**
 * 备案名单（第N批）: the list a filing confirmation publishes (通知第五条第五款), as PDF (with the issuing
 * department's seal block) and .xlsx (one row per filed occupation / 工种, every cell filled so the sheet
 * can be filtered). Public documents: organizations, credit codes, cities and scope — no personal data.
 */
import ExcelJS from 'exceljs';
import { reviewSteps } from '@skillcert/domain';
import { renderPdf } from './pdf';
import { formatDocumentDate } from './format';

export interface FilingListDocumentRow {
  sequenceCode: string | null;
  organizationName: string;
  creditCode: string;
  cityName: string;
  occupation: string;
  levels: string;
  mode: string;
  supervisingUnit: string;
}

export interface FilingListDocumentData {
  sequence: number;
  title: string;
  effectiveDate: string;
  issuer: string;
  noticeNumber: string | null;
  confirmedAt: Date;
  rows: FilingListDocumentRow[];
  /** 《…》 of the notices the filed applications' rounds implement. */
  basis: string;
  /** Credit codes of the listed bodies that were in the spot-check sample. */
  sampledCreditCodes: ReadonlySet<string>;
}

export const FILING_LIST_HEADERS = [
  '序号',
  '评价机构序列码',
  '单位名称',
  '统一社会信用代码',
  '所在市州',
  '职业（工种）',
  '等级',
  '评价方式',
  '主管单位',
] as const;

/** 序号 counts bodies: the rows of one body share it. */
function numbered(rows: FilingListDocumentRow[]) {
  let seq = 0;
  let last: string | null = null;
  return rows.map((row) => {
    const first = row.creditCode !== last;
    if (first) seq += 1;
    last = row.creditCode;
    return { seq, first, row };
  });
}

const bodyCount = (rows: FilingListDocumentRow[]) => new Set(rows.map((r) => r.creditCode)).size;

/** The spot check is named only for the bodies that were in its sample. */
function reviewText(d: FilingListDocumentData): string {
  const bodies = new Set(d.rows.map((r) => r.creditCode));
  const sampled = [...bodies].filter((c) => d.sampledCreditCodes.has(c)).length;
  const { steps, note } = reviewSteps(bodies.size, sampled);
  return `${steps}和社会公示${note}`;
}

const intro = (d: FilingListDocumentData) =>
  `根据${d.basis}，经${reviewText(d)}${d.noticeNumber ? `（公示编号${d.noticeNumber}）` : ''}，以下${bodyCount(d.rows)}家单位的${d.rows.length}个职业（工种）予以备案，自${formatDocumentDate(d.effectiveDate)}起生效。备案单位应在备案范围内开展职业技能等级认定，接受人力资源社会保障部门的监督管理。`;

export function renderFilingListPdf(data: FilingListDocumentData): Promise<Buffer> {
  return renderPdf({
    title: data.title,
    reference: `第${data.sequence}批`,
    info: { subject: data.title, createdAt: data.confirmedAt },
    footer: { text: `${data.title} · ${data.issuer}` },
    blocks: [
      { kind: 'paragraph', text: intro(data), indent: true },
      {
        kind: 'table',
        columns: [
          { header: '序号', width: 0.5, align: 'center' },
          { header: '序列码', width: 0.9, align: 'center' },
          { header: '单位名称', width: 2 },
          { header: '统一社会信用代码', width: 1.7 },
          { header: '市州', width: 0.8 },
          { header: '职业（工种）', width: 1.7 },
          { header: '等级', width: 1.4 },
          { header: '评价方式', width: 1 },
          { header: '主管单位', width: 1.4 },
        ],
        rows: numbered(data.rows).map(({ seq, first, row }) => [
          first ? String(seq) : '',
          first ? (row.sequenceCode ?? '—') : '',
          first ? row.organizationName : '',
          first ? row.creditCode : '',
          first ? row.cityName : '',
          row.occupation,
          row.levels,
          row.mode,
          first ? row.supervisingUnit : '',
        ]),
        emptyText: '（无）',
        fontSize: 8,
      },
      { kind: 'signature', signer: data.issuer, seal: true, date: data.confirmedAt },
    ],
  });
}

export async function renderFilingListXlsx(data: FilingListDocumentData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '湖南省职业技能等级认定监管系统';
  workbook.created = data.confirmedAt;
  const sheet = workbook.addWorksheet(`第${data.sequence}批`);
  sheet.addRow([data.title]);
  sheet.mergeCells(1, 1, 1, FILING_LIST_HEADERS.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow([`生效日期：${data.effectiveDate}  发布单位：${data.issuer}`]);
  sheet.mergeCells(2, 1, 2, FILING_LIST_HEADERS.length);
  const header = sheet.addRow([...FILING_LIST_HEADERS]);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  [6, 14, 36, 22, 10, 30, 30, 14, 28].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  // Sequence codes and credit codes are text: Excel must not drop the leading zeros.
  for (const c of [2, 4]) sheet.getColumn(c).numFmt = '@';
  for (const { seq, row } of numbered(data.rows)) {
    sheet.addRow([
      seq,
      row.sequenceCode ?? '',
      row.organizationName,
      row.creditCode,
      row.cityName,
      row.occupation,
      row.levels,
      row.mode,
      row.supervisingUnit,
    ]).alignment = { vertical: 'top', wrapText: true };
  }
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
