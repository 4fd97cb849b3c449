/**
 * 推荐汇总表: the table a city bureau forwards to the province with a recommendation batch, as PDF (with
 * the seal block) and as .xlsx (one row per scope item, every cell filled so the sheet can be filtered).
 */
import ExcelJS from 'exceljs';
import { renderPdf } from './pdf';
import { formatShanghaiDate } from './format';

export interface RecommendationSummaryRow {
  applicationNumber: string;
  organizationName: string;
  creditCode: string;
  occupation: string;
  levels: string;
  mode: string;
  expertAverage: number | null;
  recommendation: string;
}

export interface RecommendationSummaryData {
  batchNumber: string;
  roundTitle: string;
  cityName: string | null;
  issuer: string;
  createdAt: Date;
  rows: RecommendationSummaryRow[];
}

export const RECOMMENDATION_SUMMARY_HEADERS = [
  '序号',
  '申请编号',
  '单位名称',
  '统一社会信用代码',
  '职业（工种）',
  '等级',
  '评价方式',
  '专家平均分',
  '推荐意见',
] as const;

const average = (n: number | null) => (n === null ? '—' : n.toFixed(1));

/** 序号 counts applications: the rows of one application share it. */
function numbered(
  rows: RecommendationSummaryRow[],
): { seq: number; first: boolean; row: RecommendationSummaryRow }[] {
  let seq = 0;
  let last: string | null = null;
  return rows.map((row) => {
    const first = row.applicationNumber !== last;
    if (first) seq += 1;
    last = row.applicationNumber;
    return { seq, first, row };
  });
}

const applicationCount = (rows: RecommendationSummaryRow[]) =>
  new Set(rows.map((r) => r.applicationNumber)).size;

export function renderRecommendationSummaryPdf(data: RecommendationSummaryData): Promise<Buffer> {
  return renderPdf({
    title: '职业技能等级认定评价机构推荐汇总表',
    subtitle: [data.roundTitle, `${data.cityName ?? ''} 汇总编号：${data.batchNumber}`.trim()],
    reference: `汇总编号：${data.batchNumber}`,
    info: { subject: `推荐汇总表 ${data.batchNumber}`, createdAt: data.createdAt },
    footer: { text: `汇总编号 ${data.batchNumber} · ${data.issuer}` },
    blocks: [
      {
        kind: 'paragraph',
        text: `共推荐${applicationCount(data.rows)}个单位、${data.rows.length}个申报职业（工种）。汇总日期：${formatShanghaiDate(data.createdAt)}。`,
      },
      {
        kind: 'table',
        columns: [
          { header: '序号', width: 0.5, align: 'center' },
          { header: '申请编号', width: 1.3 },
          { header: '单位名称', width: 1.8 },
          { header: '统一社会信用代码', width: 1.7 },
          { header: '职业（工种）', width: 1.6 },
          { header: '等级', width: 1.3 },
          { header: '评价方式', width: 1 },
          { header: '专家平均分', width: 0.8, align: 'center' },
          { header: '推荐意见', width: 1.1 },
        ],
        // Continuation rows of the same application leave its cells blank, as on a paper form.
        rows: numbered(data.rows).map(({ seq, first, row }) => [
          first ? String(seq) : '',
          first ? row.applicationNumber : '',
          first ? row.organizationName : '',
          first ? row.creditCode : '',
          row.occupation,
          row.levels,
          row.mode,
          first ? average(row.expertAverage) : '',
          row.recommendation,
        ]),
        emptyText: '（无）',
        fontSize: 8,
      },
      { kind: 'signature', signer: data.issuer, seal: true, date: data.createdAt },
    ],
  });
}

export async function renderRecommendationSummaryXlsx(data: RecommendationSummaryData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '湖南省职业技能等级认定监管系统';
  workbook.created = data.createdAt;
  const sheet = workbook.addWorksheet('推荐汇总表');
  sheet.addRow([`职业技能等级认定评价机构推荐汇总表（${data.batchNumber}）`]);
  sheet.mergeCells(1, 1, 1, RECOMMENDATION_SUMMARY_HEADERS.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow([`${data.roundTitle}  ${data.issuer}  ${formatShanghaiDate(data.createdAt)}`]);
  sheet.mergeCells(2, 1, 2, RECOMMENDATION_SUMMARY_HEADERS.length);
  const header = sheet.addRow([...RECOMMENDATION_SUMMARY_HEADERS]);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const widths = [6, 16, 32, 22, 30, 28, 14, 12, 30];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  // Credit codes and application numbers are text: Excel must not turn them into numbers.
  for (const c of [2, 4]) sheet.getColumn(c).numFmt = '@';
  for (const { seq, row } of numbered(data.rows)) {
    const added = sheet.addRow([
      seq,
      row.applicationNumber,
      row.organizationName,
      row.creditCode,
      row.occupation,
      row.levels,
      row.mode,
      row.expertAverage,
      row.recommendation,
    ]);
    added.getCell(8).numFmt = '0.0';
    added.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
