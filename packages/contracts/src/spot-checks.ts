/**
 * 抽查复核（双随机、一公开）(通知第五条第三款; docs/domain.md §6): request and response schemas of the staff
 * draw API and the inspectors' on-site work. The inspector pool is in inspectors.ts, the public draw pages
 * in public-draws.ts.
 */
import { z } from 'zod';
import { page, versionField } from './common';

const uuidField = z.string().regex(/^[0-9a-f-]{36}$/i, '编号格式不正确');
/** A reason that is published on the public draw page: no names, phones or ID numbers. */
const publicReasonField = z.string().trim().min(2, '请填写原因（至少2个字）').max(500);

// ------------------------------------------------------------------ policy

export const spotCheckPolicy = z.strictObject({
  /** [policy] sample ratio in whole percent (default 20). */
  sampleRatioPercent: z
    .number()
    .int('抽查比例应为整数')
    .min(1, '抽查比例不低于1%')
    .max(100, '抽查比例不高于100%'),
  /** [policy] inspectors per target (≥ 2, default 2). */
  inspectorsPerTarget: z.number().int().min(2, '每个对象至少2名督导人员').max(10, '每个对象至多10名督导人员'),
  /** [policy] recuse inspectors of the target's own city (default on). */
  sameCityRecusal: z.boolean(),
});
export type SpotCheckPolicyDto = z.infer<typeof spotCheckPolicy>;

// ------------------------------------------------------------------ draws (staff)

export const commitSpotCheckRequest = z.strictObject({
  roundId: uuidField,
  sampleRatioPercent: spotCheckPolicy.shape.sampleRatioPercent.optional(),
  inspectorsPerTarget: spotCheckPolicy.shape.inspectorsPerTarget.optional(),
  sameCityRecusal: z.boolean().optional(),
  /** Required when the round's last commitment was voided (this one replaces it); public. */
  reason: publicReasonField.optional(),
});
export type CommitSpotCheckRequest = z.infer<typeof commitSpotCheckRequest>;

export const spotCheckPreviewQuery = z.object({
  roundId: uuidField,
  sampleRatioPercent: z.coerce.number().int().min(1).max(100).optional(),
  inspectorsPerTarget: z.coerce.number().int().min(2).max(10).optional(),
  sameCityRecusal: z.enum(['true', 'false']).optional(),
});

export const spotCheckPreview = z.object({
  roundId: z.string(),
  poolSize: z.number(),
  sampleSize: z.number(),
  inspectorPoolSize: z.number(),
  recusalCount: z.number(),
  params: spotCheckPolicy,
  shortages: z.array(z.object({ applicationNumber: z.string(), eligible: z.number() })),
  /** A commitment that is not drawn yet blocks a new one. */
  openCommitment: z.object({ id: z.string(), number: z.string() }).nullable(),
  /** Set when the round's last commitment was voided: a new one names it and needs a reason. */
  replacesVoided: z.object({ id: z.string(), number: z.string() }).nullable(),
});

export const spotCheckVersionRequest = z.strictObject({ version: versionField });
export const voidSpotCheckRequest = z.strictObject({ version: versionField, reason: publicReasonField });
export const replacementRequest = z.strictObject({
  applicationId: uuidField,
  /** The inspector(s) who cannot attend. */
  inspectorIds: z.array(uuidField).min(1, '请选择要替换的督导人员').max(10),
  reason: publicReasonField,
});

export const spotCheckRecusalDto = z.object({
  applicationNumber: z.string(),
  inspectorCode: z.string(),
  rule: z.string(),
  ruleLabel: z.string(),
  reason: z.string(),
});

export const spotCheckDrawResultDto = z.object({
  selected: z.array(z.object({ applicationNumber: z.string(), inspectorCodes: z.array(z.string()) })),
  notSelected: z.array(z.string()),
  /** Application numbers that had left the pool (withdrawn) when the draw was made: not moved. */
  skipped: z.array(z.object({ applicationNumber: z.string(), status: z.string(), statusLabel: z.string() })),
});

export const spotCheckParamsDto = z.object({
  kind: z.enum(['round', 'replacement']),
  sampleRatioPercent: z.number().nullable(),
  poolSize: z.number(),
  sampleSize: z.number(),
  inspectorsPerTarget: z.number(),
  sameCityRecusal: z.boolean(),
  cutoffAt: z.string(),
  /** Replacement draws: the target and the inspectors replaced (codes). */
  applicationNumber: z.string().nullable(),
  replacedInspectorCodes: z.array(z.string()),
});

const drawSummaryFields = {
  id: z.string(),
  number: z.string(),
  roundId: z.string(),
  roundTitle: z.string(),
  kind: z.enum(['round', 'replacement']),
  kindLabel: z.string(),
  status: z.enum(['committed', 'drawn', 'void']),
  statusLabel: z.string(),
  poolSize: z.number(),
  sampleSize: z.number(),
  inspectorsPerTarget: z.number(),
  reason: z.string().nullable(),
  replacesDrawId: z.string().nullable(),
  replacesNumber: z.string().nullable(),
  committedAt: z.string(),
  drawnAt: z.string().nullable(),
  resultsPublishedAt: z.string().nullable(),
  voided: z.object({ reason: z.string(), at: z.string() }).nullable(),
};

export const spotCheckDrawSummary = z.object({
  ...drawSummaryFields,
  /** Targets with a recorded result / targets to inspect (round draws). */
  resultCount: z.number(),
  targetCount: z.number(),
});
export const spotCheckDrawList = page(spotCheckDrawSummary);
export const spotCheckDrawListQuery = z.object({
  roundId: uuidField.optional(),
  status: z.enum(['committed', 'drawn', 'void']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const spotCheckAttachmentDto = z.object({
  id: z.string(),
  originalName: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
});

/** A target's joint on-site result (通知§五(三)): the draft, the panel's signatures, the decision. */
export const spotCheckResultDto = z.object({
  status: z.enum(['draft', 'signing', 'agreed', 'disputed', 'decided']),
  statusLabel: z.string(),
  /** Agreed or decided: the application moved and the result may be published. */
  effective: z.boolean(),
  visitDate: z.string().nullable(),
  place: z.string().nullable(),
  present: z.string().nullable(),
  signatures: z.array(
    z.object({
      inspectorName: z.string(),
      kind: z.enum(['sign', 'dissent']),
      kindLabel: z.string(),
      reason: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  /** Panel members who have not signed or dissented yet (while signing). */
  awaiting: z.array(z.string()),
  decision: z
    .object({
      outcome: z.enum(['pass', 'fail']),
      outcomeLabel: z.string(),
      reason: z.string(),
      decidedByName: z.string(),
      decidedAt: z.string(),
    })
    .nullable(),
  /** What the viewer may do now (from the domain's state machine). */
  allowedActions: z.array(z.enum(['submit', 'sign', 'dissent', 'decide'])),
  /** The result's own version (for submit, sign, dissent and decide). */
  version: z.number(),
  outcome: z.enum(['pass', 'fail']),
  outcomeLabel: z.string(),
  findings: z.string(),
  reason: z.string().nullable(),
  items: z.array(
    z.object({
      scopeItemId: z.string(),
      occupationText: z.string(),
      verdict: z.enum(['pass', 'fail']),
      verdictLabel: z.string(),
      reason: z.string().nullable(),
    }),
  ),
  attachments: z.array(spotCheckAttachmentDto),
  recordedByName: z.string(),
  createdAt: z.string(),
});

export const spotCheckPanelMember = z.object({
  assignmentId: z.string(),
  inspectorId: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  status: z.enum(['assigned', 'replaced']),
  /** What the caller may do with this place on the panel (the assignment machine's allowed actions). */
  allowedActions: z.array(z.enum(['replace'])),
  drawId: z.string(),
  drawNumber: z.string(),
  replacedReason: z.string().nullable(),
});

export const spotCheckTargetDto = z.object({
  applicationId: z.string(),
  applicationNumber: z.string(),
  organizationName: z.string(),
  cityCode: z.string(),
  cityName: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  panel: z.array(spotCheckPanelMember),
  result: spotCheckResultDto.nullable(),
});

export const spotCheckDrawDetail = z.object({
  ...drawSummaryFields,
  algorithmVersion: z.string(),
  params: spotCheckParamsDto,
  targetPool: z.array(
    z.object({
      applicationNumber: z.string(),
      applicationId: z.string().nullable(),
      organizationName: z.string().nullable(),
      cityName: z.string().nullable(),
    }),
  ),
  targetPoolHash: z.string(),
  inspectorPool: z.array(
    z.object({
      code: z.string(),
      name: z.string().nullable(),
      unit: z.string().nullable(),
      cityName: z.string().nullable(),
    }),
  ),
  inspectorPoolHash: z.string(),
  recusals: z.array(spotCheckRecusalDto),
  recusalHash: z.string(),
  seedHash: z.string(),
  seed: z.string().nullable(),
  result: spotCheckDrawResultDto.nullable(),
  /** Round draws: the drawn targets with their panel and result. */
  targets: z.array(spotCheckTargetDto),
  /** Later draws that replace this one or replace inspectors of its targets. */
  followUps: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      kind: z.string(),
      status: z.string(),
      statusLabel: z.string(),
    }),
  ),
  abilities: z.object({ draw: z.boolean(), void: z.boolean(), publish: z.boolean(), replace: z.boolean() }),
  version: z.number(),
});
export type SpotCheckDrawDetail = z.infer<typeof spotCheckDrawDetail>;

export const commitSpotCheckResponse = z.object({ id: z.string(), number: z.string(), seedHash: z.string() });

// ------------------------------------------------------------------ inspectors' work

export const mySpotCheck = z.object({
  drawId: z.string(),
  drawNumber: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string(),
  organizationName: z.string(),
  cityName: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  assignedAt: z.string(),
  /** The panel: codes and names of the inspectors visiting together. */
  panel: z.array(z.object({ code: z.string(), name: z.string(), self: z.boolean() })),
  scopeItems: z.array(
    z.object({
      id: z.string(),
      occupationText: z.string(),
      levelsLabel: z.string(),
      modeLabel: z.string(),
    }),
  ),
  result: spotCheckResultDto.nullable(),
  canRecord: z.boolean(),
  version: z.number(),
});
export const mySpotCheckList = z.object({ items: z.array(mySpotCheck) });

export const spotCheckResultRequest = z.strictObject({
  /** The day of the visit (Beijing), YYYY-MM-DD: not in the future, not before the draw. */
  visitDate: z.string().trim().max(10, '请填写实地复核日期（年-月-日）'),
  /** Checked by the domain, so a missing one answers with its own code. */
  place: z.string().max(500).optional().default(''),
  present: z.string().max(2000).optional().default(''),
  outcome: z.enum(['pass', 'fail'], { message: '请选择复核结论' }),
  findings: z.string().trim().min(10, '请填写现场复核发现（至少10个字）').max(8000),
  /** Required on fail: cited in the decision letter. */
  reason: z.string().trim().max(2000).optional(),
  items: z
    .array(
      z.strictObject({
        scopeItemId: z.string().max(64),
        verdict: z.enum(['pass', 'fail']),
        reason: z.string().trim().max(1000).optional(),
      }),
    )
    .max(200)
    .optional(),
  attachmentFileIds: z.array(uuidField).max(30).optional(),
  /** The application's version as the inspector saw it. */
  version: versionField,
});
export type SpotCheckResultRequest = z.infer<typeof spotCheckResultRequest>;

/** Submit, sign or dissent (a dissent needs its reason: the domain refuses it without). */
export const spotCheckResultStepRequest = z.strictObject({
  reason: z.string().trim().max(2000).optional(),
  /** The result's version as the inspector saw it. */
  version: versionField,
});

/** The province centre's decision of a disputed result (the reason is required by the domain). */
export const spotCheckDecisionRequest = z.strictObject({
  outcome: z.enum(['pass', 'fail'], { message: '请选择裁决结论' }),
  reason: z.string().trim().max(2000).optional(),
  version: versionField,
});
