/**
 * 备案材料栏目 (R9, 通知第二条第一款至第四款). Every condition of the notice that a reviewer checks on paper
 * becomes one slot; rounds may override the list (docs/domain.md §5 R9: configurable per org kind), so these
 * are only the defaults a new round starts from. File types are decided by magic numbers (file-type.ts).
 */
import type { DetectedFileType } from '../file-type';
import { CLAUSES } from './clauses';
import type { OrganizationKind } from './filing-mode';

export interface MaterialSlot {
  key: string;
  label: string;
  required: boolean;
  /** Organization kinds the slot applies to. */
  kinds: readonly OrganizationKind[];
  /** Accepted detected file types; absent = the defaults of DEFAULT_ACCEPT. */
  accept?: readonly DetectedFileType[];
  maxBytes?: number;
  /** The clause the material proves; absent on round-defined slots (R9 then cites 第二条 as a whole). */
  clause?: string;
}

/** A default slot states everything, so a new round's policy can be copied from it field by field. */
export type DefaultMaterialSlot = MaterialSlot &
  Required<Pick<MaterialSlot, 'accept' | 'maxBytes' | 'clause'>>;

/** R1 checks this slot itself (legal entity), so R9 does not report it twice. */
export const LEGAL_ENTITY_PROOF_SLOT_KEY = 'legal_entity_proof';

const MB = 1024 * 1024;
export const DEFAULT_MAX_BYTES = 20 * MB;
/** Surveillance recordings are videos, hence the larger limit. */
export const VIDEO_MAX_BYTES = 200 * MB;
export const DEFAULT_ACCEPT: readonly DetectedFileType[] = ['pdf', 'jpg', 'png', 'xlsx', 'docx'];

/**
 * A slot's accepted types as stored. Rounds created before XLSX and DOCX were told apart list 'zip' for
 * "an Office document": read as both. A plain ZIP archive is never accepted.
 */
export function acceptedFileTypes(accept: readonly string[]): DetectedFileType[] {
  const types = accept.flatMap((t) => (t === 'zip' ? ['xlsx', 'docx'] : [t])) as DetectedFileType[];
  return [...new Set(types)];
}
const ALL_KINDS: readonly OrganizationKind[] = ['enterprise', 'school', 'other'];

const slot = (
  key: string,
  label: string,
  clause: string,
  extra: Partial<DefaultMaterialSlot> = {},
): DefaultMaterialSlot => ({
  key,
  label,
  required: true,
  kinds: ALL_KINDS,
  accept: DEFAULT_ACCEPT,
  maxBytes: DEFAULT_MAX_BYTES,
  clause,
  ...extra,
});

export const DEFAULT_MATERIAL_SLOTS: readonly DefaultMaterialSlot[] = [
  slot(LEGAL_ENTITY_PROOF_SLOT_KEY, '法人资格证明', CLAUSES.legalEntity),
  slot('theory_venue', '理论考试场地（满足机考）', CLAUSES.venues),
  slot('practical_venue', '实操场地、设备设施、工位及耗材', CLAUSES.venues),
  slot('video_surveillance', '视频监控（可在线监管）', CLAUSES.venues, {
    accept: [...DEFAULT_ACCEPT, 'mp4'],
    maxBytes: VIDEO_MAX_BYTES,
  }),
  slot('department_staff', '内设机构与专职人员', CLAUSES.organisation),
  slot('expert_team', '专家队伍', CLAUSES.organisation),
  slot('question_bank', '题库', CLAUSES.organisation),
  slot('quality_control', '质量控制措施', CLAUSES.quality),
  slot('commitment_letter', '承诺书（非营利、接受监管）', CLAUSES.quality),
];
