/**
 * 申报回执: issued when an application is submitted (docs/domain.md §4 "a receipt (回执) on submit"). Plain
 * data in, PDF bytes out; the caller reads the application and passes what the receipt shows.
 */
import { isSkillLevel, parseSkillLevel, skillLevelLabel } from '@skillcert/domain';
import { FILING_MODE_LABELS } from '@skillcert/contracts';
import { renderPdf } from './pdf';
import { formatBytes, formatShanghaiDateTime } from './format';

const MODE_LABELS: Record<string, string> = FILING_MODE_LABELS;

export interface ReceiptScopeItem {
  occupationCode: string;
  occupationName: string;
  /** 工种; '' or null when the whole occupation is applied for. */
  jobName?: string | null;
  /** SkillLevel ids ('level5') or labels ('五级/初级工'); shown as labels, lowest first as given. */
  levels: readonly string[];
  /** 'enterprise_self' | 'school_self' | 'social', or a label already. */
  mode: string;
}

export interface ReceiptMaterial {
  /** The material slot, e.g. 法人资格证明. */
  slotLabel: string;
  fileName: string;
  /** Hex SHA-256 of the file; the receipt prints its first 16 characters. */
  sha256: string;
  sizeBytes?: number;
}

export interface ReceiptData {
  applicationNumber: string;
  organizationName: string;
  creditCode: string;
  roundTitle: string;
  submittedAt: Date;
  /** e.g. 长沙市 — the city whose center verifies the application. */
  cityName?: string;
  /** Who receives it, e.g. 长沙市职业技能鉴定中心; shown in the signature block. */
  receivingUnit?: string;
  scope: readonly ReceiptScopeItem[];
  materials: readonly ReceiptMaterial[];
  /** When the receipt was produced (defaults to submittedAt). */
  issuedAt?: Date;
}

const levelText = (levels: readonly string[]): string =>
  levels
    .map((l) => {
      const level = isSkillLevel(l) ? l : parseSkillLevel(l);
      return level ? skillLevelLabel(level) : l;
    })
    .join('、');

export function renderApplicationReceipt(data: ReceiptData): Promise<Buffer> {
  const issuedAt = data.issuedAt ?? data.submittedAt;
  return renderPdf({
    title: '职业技能等级认定评价机构备案申报回执',
    subtitle: [data.roundTitle],
    reference: `申请编号：${data.applicationNumber}`,
    info: { subject: `申报回执 ${data.applicationNumber}`, createdAt: issuedAt },
    footer: { text: `申请编号 ${data.applicationNumber} · 本回执由系统自动生成` },
    blocks: [
      {
        kind: 'keyValues',
        title: '一、申报信息',
        rows: [
          { label: '申请编号', value: data.applicationNumber },
          { label: '申报单位', value: data.organizationName },
          { label: '统一社会信用代码', value: data.creditCode },
          ...(data.cityName ? [{ label: '所在市州', value: data.cityName }] : []),
          { label: '征集批次', value: data.roundTitle },
          { label: '提交时间', value: formatShanghaiDateTime(data.submittedAt) },
        ],
      },
      {
        kind: 'table',
        title: `二、申报职业（工种）范围（共${data.scope.length}项）`,
        columns: [
          { header: '序号', width: 0.5, align: 'center' },
          { header: '职业编码', width: 1.2 },
          { header: '职业名称', width: 1.6 },
          { header: '工种', width: 1.3 },
          { header: '等级', width: 2.2 },
          { header: '评价方式', width: 1.2 },
        ],
        rows: data.scope.map((item, i) => [
          String(i + 1),
          item.occupationCode,
          item.occupationName,
          item.jobName || '—',
          levelText(item.levels),
          MODE_LABELS[item.mode] ?? item.mode,
        ]),
        emptyText: '（无）',
      },
      {
        kind: 'table',
        title: `三、申报材料（共${data.materials.length}份）`,
        columns: [
          { header: '序号', width: 0.5, align: 'center' },
          { header: '材料', width: 1.8 },
          { header: '文件名', width: 2.4 },
          { header: '大小', width: 0.8, align: 'right' },
          { header: 'SHA-256（前16位）', width: 1.7 },
        ],
        rows: data.materials.map((m, i) => [
          String(i + 1),
          m.slotLabel,
          m.fileName,
          m.sizeBytes === undefined ? '' : formatBytes(m.sizeBytes),
          m.sha256.slice(0, 16).toLowerCase(),
        ]),
        emptyText: '（无）',
      },
      {
        kind: 'paragraph',
        note: true,
        text: '说明：1. 本回执仅证明申报材料已于上述时间提交，不代表审核通过，审核进度请登录系统查看。2. 材料指纹为所提交文件的 SHA-256 摘要前16位，可用于核对提交的文件是否被替换。',
      },
      { kind: 'paragraph', note: true, text: '本回执由系统自动生成。' },
      {
        kind: 'signature',
        signer: data.receivingUnit ?? '湖南省职业技能等级认定监管系统',
        date: issuedAt,
      },
    ],
  });
}
