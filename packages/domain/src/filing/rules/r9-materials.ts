/**
 * R9 备案材料 (通知第二条第二款至第四款: 场地、视频监控、内部机构、专职人员、专家团队、题库、质量管控、
 * 非营利及接受监督). Reviewers check these conditions on the uploaded materials, so each required slot of
 * the organization's kind must hold at least one file before submission. The legal-entity proof is
 * reported by R1, not twice here.
 */
import { CLAUSES } from '../clauses';
import { LEGAL_ENTITY_PROOF_SLOT_KEY } from '../material-slots';
import type { PrecheckContext } from '../precheck-context';
import { errorFinding, type RuleFinding } from '../rule-finding';

export type R9Context = Pick<
  PrecheckContext,
  'organization' | 'round' | 'materials' | 'legalEntityProofSlotKey'
>;

export function checkMaterials(ctx: R9Context): RuleFinding[] {
  const proofKey = ctx.legalEntityProofSlotKey ?? LEGAL_ENTITY_PROOF_SLOT_KEY;
  return ctx.round.materialSlots
    .filter((s) => s.required && s.kinds.includes(ctx.organization.kind) && s.key !== proofKey)
    .filter((s) => (ctx.materials[s.key] ?? 0) < 1)
    .map((s) =>
      errorFinding({
        rule: 'R9',
        clause: s.clause ?? CLAUSES.materials,
        code: 'MATERIAL_MISSING',
        message: `缺少必备材料"${s.label}"`,
        fix: `请在"${s.label}"栏目上传至少一个文件`,
        slotKey: s.key,
      }),
    );
}
