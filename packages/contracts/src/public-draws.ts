/**
 * 抽查复核 一公开 (通知第五条第三款; docs/domain.md §6): the public draw pages' shapes — codes (inspector 编号,
 * application number) and hashes, never names, phones or findings.
 */
import { z } from 'zod';
import { page } from './common';
import { spotCheckDrawResultDto, spotCheckParamsDto, spotCheckRecusalDto } from './spot-checks';

export const publicDrawSummary = z.object({
  id: z.string(),
  number: z.string(),
  roundTitle: z.string(),
  kind: z.enum(['round', 'replacement']),
  kindLabel: z.string(),
  status: z.enum(['committed', 'drawn', 'void']),
  statusLabel: z.string(),
  poolSize: z.number(),
  sampleSize: z.number(),
  inspectorsPerTarget: z.number(),
  committedAt: z.string(),
  drawnAt: z.string().nullable(),
  resultsPublishedAt: z.string().nullable(),
});
export const publicDrawList = page(publicDrawSummary);
export const publicDrawListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

export const publicDrawDetail = publicDrawSummary.extend({
  algorithmVersion: z.string(),
  params: spotCheckParamsDto,
  targetPool: z.array(z.string()),
  targetPoolHash: z.string(),
  inspectorPool: z.array(z.string()),
  inspectorPoolHash: z.string(),
  recusals: z.array(spotCheckRecusalDto),
  recusalHash: z.string(),
  seedHash: z.string(),
  /** Published once drawn (or when the commitment was voided). */
  seed: z.string().nullable(),
  result: spotCheckDrawResultDto.nullable(),
  reason: z.string().nullable(),
  replacesDrawId: z.string().nullable(),
  replacesNumber: z.string().nullable(),
  voided: z.object({ reason: z.string(), at: z.string() }).nullable(),
  /** After publication (一公开): the outcome per drawn target, pass / fail only. */
  outcomes: z
    .array(z.object({ applicationNumber: z.string(), outcome: z.string(), outcomeLabel: z.string() }))
    .nullable(),
});
export type PublicDrawDetail = z.infer<typeof publicDrawDetail>;
