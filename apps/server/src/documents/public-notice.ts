/**
 * 公示 as a document (通知第五条第四款): the list of organizations and their occupations / 工种, levels and
 * modes, the notice period with the explanation of every skipped day (R10), and how to object — as PDF
 * (with the issuing authority) and as .xlsx (one row per item, every cell filled so it can be filtered).
 * Public data only: no names of people, no phones, no internal reasons.
 */
import ExcelJS from 'exceljs';
import { formatChineseDate, reviewSteps } from '@skillcert/domain';
import type { NoticeItemDto, NoticeWindowDto } from '@skillcert/contracts';
import { renderPdf } from './pdf';

export const NOTICE_ISSUER = '湖南省人力资源和社会保障厅';

export interface PublicNoticeDocument {
  number: string;
  title: string;
  status: string;
  workingDays: number;
  /** null while a draft (the bureau sets the start date on publication). */
  window: NoticeWindowDto | null;
  items: NoticeItemDto[];
  publishedAt: Date | null;
  preparedAt: Date;
  /** 《…》 of the notices the applications' rounds implement. */
  basis: string;
  /** Credit codes of the listed bodies that were in the spot-check sample. */
  sampledCreditCodes: ReadonlySet<string>;
}

export const PUBLIC_NOTICE_HEADERS = [
  '序号',
  '单位名称',
  '统一社会信用代码',
  '所在市州',
  '职业编码',
  '职业（工种）',
  '等级',
  '评价方式',
  '公示状态',
] as const;

const occupation = (i: NoticeItemDto) => `${i.occupationName}${i.jobName ? `（${i.jobName}）` : ''}`;
const organizationCount = (items: NoticeItemDto[]) => new Set(items.map((i) => i.creditCode)).size;

/** '市州推荐、省级评估（其中N家经实地抽查复核）': the spot check is named only for the sampled bodies. */
function reviewText(d: PublicNoticeDocument, listed: NoticeItemDto[]): string {
  const bodies = new Set(listed.map((i) => i.creditCode));
  const sampled = [...bodies].filter((c) => d.sampledCreditCodes.has(c)).length;
  const { steps, note } = reviewSteps(bodies.size, sampled);
  return `${steps}${note}`;
}

function periodText(d: PublicNoticeDocument): string {
  if (!d.window) return `公示期：${d.workingDays}个工作日（草稿，起止日期于发布时确定）`;
  const marks = [
    ...(d.window.provisional ? ['截止日期暂定'] : []),
    ...(d.window.revisions.some((r) => r.kind === 'extended') ? ['公示期顺延'] : []),
  ];
  return `公示期：${formatChineseDate(d.window.startDate)}至${formatChineseDate(d.window.endDate)}（${d.workingDays}个工作日${marks.map((m) => `，${m}`).join('')}）`;
}

const OBJECTION_TEXT =
  '公示期间，任何单位和个人对公示内容有异议的，可登录本系统"公示公告"页面，选择异议针对的单位或职业（工种），' +
  '如实填写联系人、联系电话和异议事实、理由，并可上传证明材料；提交后获得回执号，凭回执号查询办理进度和答复。' +
  '异议人须对所提供材料的真实性负责；匿名、超出公示期或与公示内容无关的异议不予受理。';

export function renderPublicNoticePdf(d: PublicNoticeDocument): Promise<Buffer> {
  const draft = d.status === 'draft';
  const listed = d.items.filter((i) => i.status === 'listed');
  return renderPdf({
    title: d.title,
    subtitle: [`公示编号：${d.number}${draft ? '（草稿，未发布）' : ''}`],
    reference: `公示编号：${d.number}`,
    info: { subject: `公示 ${d.number}`, createdAt: d.publishedAt ?? d.preparedAt },
    footer: { text: `公示编号 ${d.number} · ${NOTICE_ISSUER}` },
    blocks: [
      {
        kind: 'paragraph',
        indent: true,
        text:
          `根据${d.basis}有关规定，经申报单位申请、${reviewText(d, listed)}，` +
          `现将拟纳入备案管理的${organizationCount(listed)}家评价机构及其${listed.length}个职业（工种）、等级、评价方式等信息予以公示。`,
      },
      { kind: 'paragraph', indent: true, bold: true, text: periodText(d) },
      ...(d.window
        ? [{ kind: 'paragraph' as const, indent: true, note: true, text: d.window.explanation }]
        : []),
      {
        kind: 'table',
        columns: [
          { header: '序号', width: 0.5, align: 'center' },
          { header: '单位名称', width: 2 },
          { header: '统一社会信用代码', width: 1.7 },
          { header: '市州', width: 0.8 },
          { header: '职业（工种）', width: 1.8 },
          { header: '等级', width: 1.5 },
          { header: '评价方式', width: 1.1 },
          { header: '状态', width: 0.9 },
        ],
        rows: d.items.map((i, n) => [
          String(n + 1),
          i.organizationName,
          i.creditCode,
          i.cityName ?? i.cityCode,
          `${occupation(i)}\n${i.occupationCode}`,
          i.levelsLabel,
          i.modeLabel,
          i.statusLabel,
        ]),
        emptyText: '（无）',
        fontSize: 8,
      },
      { kind: 'heading', text: '异议受理' },
      { kind: 'paragraph', indent: true, text: OBJECTION_TEXT },
      {
        kind: 'signature',
        signer: NOTICE_ISSUER,
        seal: true,
        date: d.window?.startDate ?? d.preparedAt,
      },
    ],
  });
}

export async function renderPublicNoticeXlsx(d: PublicNoticeDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '湖南省职业技能等级认定监管系统';
  workbook.created = d.publishedAt ?? d.preparedAt;
  const sheet = workbook.addWorksheet('公示名单');
  const span = PUBLIC_NOTICE_HEADERS.length;
  sheet.addRow([`${d.title}（${d.number}）`]);
  sheet.mergeCells(1, 1, 1, span);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow([`${periodText(d)}  ${NOTICE_ISSUER}`]);
  sheet.mergeCells(2, 1, 2, span);
  sheet.addRow([d.window?.explanation ?? '草稿：公示期起止日期于发布时按工作日历确定。']);
  sheet.mergeCells(3, 1, 3, span);
  sheet.getRow(3).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(3).height = 48;
  const header = sheet.addRow([...PUBLIC_NOTICE_HEADERS]);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  [6, 36, 22, 10, 14, 28, 30, 14, 16].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  // Credit codes and occupation codes are text: Excel must not turn them into numbers or dates.
  for (const c of [3, 5]) sheet.getColumn(c).numFmt = '@';
  d.items.forEach((i, n) => {
    const row = sheet.addRow([
      n + 1,
      i.organizationName,
      i.creditCode,
      i.cityName ?? i.cityCode,
      i.occupationCode,
      occupation(i),
      i.levelsLabel,
      i.modeLabel,
      i.statusLabel,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
