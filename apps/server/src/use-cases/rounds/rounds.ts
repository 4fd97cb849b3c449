/**
 * 征集批次 (province_center): create and edit while draft, open (policies freeze), close. A round
 * cannot open while the industrial-chain dictionary is empty (R6 would have nothing to check against).
 */
import { and, count, desc, eq, ne } from 'drizzle-orm';
import {
  conflict,
  DEFAULT_MATERIAL_SLOTS,
  ROUND_MACHINE,
  ROUND_STATE_LABELS,
  roundIsEditable,
  invalid,
  NOTICE_DOCUMENT_TITLE,
  notFound,
  parseCalendarDate,
  todayInShanghai,
  type Actor,
  acceptedFileTypes,
} from '@skillcert/domain';
import type { RoundPolicyDto } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { collectionRounds, industrialChains } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { assertVersion } from '../version-check';
import { recordMachineTransition } from '../workflow/record-machine-transition';
import { statusFilter } from '../workflow/status-filter';

type RoundRow = typeof collectionRounds.$inferSelect;

export const ROUND_STATUS_LABELS = ROUND_STATE_LABELS;

/** Defaults of a new round's policy ([policy] in docs/domain.md §11; the province edits them per round). */
export function defaultRoundPolicy(): RoundPolicyDto {
  return {
    fewThreshold: 2,
    shortagePolicy: 'warn',
    materialSlots: DEFAULT_MATERIAL_SLOTS.map((s) => ({
      key: s.key,
      label: s.label,
      required: s.required,
      kinds: [...s.kinds],
      accept: [...s.accept] as RoundPolicyDto['materialSlots'][number]['accept'],
      maxMB: Math.round(s.maxBytes / 1024 / 1024),
    })),
  };
}

/**
 * The stored policy as the contract has it: rounds created before the R8 reading of 通知第四条 was
 * corrected also carry a `socialPolicy` switch, which no rule reads any more, and rounds created before
 * XLSX and DOCX were told apart list 'zip' among a slot's types (read as both).
 */
export function roundPolicyOf(stored: unknown): RoundPolicyDto {
  const { fewThreshold, shortagePolicy, materialSlots } = stored as RoundPolicyDto;
  return {
    fewThreshold,
    shortagePolicy,
    materialSlots: materialSlots.map((s) => ({
      ...s,
      accept: acceptedFileTypes(s.accept) as RoundPolicyDto['materialSlots'][number]['accept'],
    })),
  };
}

/** Submissions are accepted while the round is open and today (Asia/Shanghai) is inside its window. */
export function isAcceptingSubmissions(
  round: Pick<RoundRow, 'status' | 'windowStart' | 'windowEnd'>,
  now: Date,
): boolean {
  const today = todayInShanghai(now);
  return round.status === 'open' && today >= round.windowStart && today <= round.windowEnd;
}

export function presentRound(row: RoundRow, actor: Actor, now: Date) {
  const allowed = ROUND_MACHINE.allowedActions(row.status, actor);
  return {
    id: row.id,
    title: row.title,
    noticeDocumentTitle: row.noticeDocumentTitle,
    noticeText: row.noticeText,
    windowStart: row.windowStart,
    windowEnd: row.windowEnd,
    status: row.status,
    statusLabel: ROUND_STATE_LABELS[row.status],
    policy: roundPolicyOf(row.policy),
    targetedOccupations: row.targetedOccupations,
    acceptingSubmissions: isAcceptingSubmissions(row, now),
    createdAt: row.createdAt.toISOString(),
    openedAt: row.openedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    version: row.version,
    abilities: {
      // Editing is not a move; it is open to whoever may open the round, while it is still a draft.
      edit: allowed.includes('open') && roundIsEditable(row.status),
      open: allowed.includes('open'),
      close: allowed.includes('close'),
    },
  };
}

function assertWindow(start: string, end: string) {
  parseCalendarDate(start);
  parseCalendarDate(end);
  if (end < start) throw invalid('ROUND_WINDOW_INVALID', '申报截止日期不能早于开始日期');
}

function assertPolicy(policy: RoundPolicyDto) {
  const keys = policy.materialSlots.map((s) => s.key);
  if (new Set(keys).size !== keys.length) throw invalid('MATERIAL_SLOT_DUPLICATE', '材料项编码不能重复');
}

/** Draft rounds are visible to province staff only; applicants and cities see open and closed rounds. */
const visibleTo = (actor: Actor) =>
  actor.role === 'province_center' || actor.role === 'province_bureau'
    ? undefined
    : ne(collectionRounds.status, 'draft');

export async function listRounds(
  db: Executor,
  actor: Actor,
  f: { status?: string | undefined; page: number; pageSize: number },
) {
  const where = and(visibleTo(actor), statusFilter(ROUND_MACHINE, collectionRounds.status, f.status));
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(collectionRounds)
      .where(where)
      .orderBy(desc(collectionRounds.createdAt))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(collectionRounds).where(where),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

export async function getRound(
  db: Executor,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<RoundRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const query = db
    .select()
    .from(collectionRounds)
    .where(and(eq(collectionRounds.id, id), visibleTo(actor)))
    .limit(1);
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

export async function createRound(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  input: {
    title: string;
    noticeDocumentTitle?: string | undefined;
    noticeText: string;
    windowStart: string;
    windowEnd: string;
    policy?: RoundPolicyDto | undefined;
    targetedOccupations?: Record<string, string[]> | undefined;
  },
  meta: RequestMeta,
): Promise<RoundRow> {
  assertWindow(input.windowStart, input.windowEnd);
  const policy = input.policy ?? defaultRoundPolicy();
  assertPolicy(policy);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(collectionRounds)
      .values({
        title: input.title,
        noticeDocumentTitle: input.noticeDocumentTitle ?? NOTICE_DOCUMENT_TITLE,
        noticeText: input.noticeText,
        windowStart: input.windowStart,
        windowEnd: input.windowEnd,
        policy,
        targetedOccupations: input.targetedOccupations ?? {},
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning();
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'round.created',
        targetType: 'collection_round',
        targetId: row!.id,
        after: { title: input.title, windowStart: input.windowStart, windowEnd: input.windowEnd },
      },
      now,
    );
    return row!;
  });
}

export async function updateRound(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  input: {
    title?: string | undefined;
    noticeDocumentTitle?: string | undefined;
    noticeText?: string | undefined;
    windowStart?: string | undefined;
    windowEnd?: string | undefined;
    policy?: RoundPolicyDto | undefined;
    targetedOccupations?: Record<string, string[]> | undefined;
    version: number;
  },
  meta: RequestMeta,
): Promise<RoundRow> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const round = await getRound(tx, actor, id, { forUpdate: true });
    assertVersion(round.version, input.version);
    if (!roundIsEditable(round.status))
      throw conflict('ROUND_NOT_EDITABLE', '征集批次已开启，政策与材料要求已固定，不能再修改');
    const next = {
      title: input.title ?? round.title,
      noticeDocumentTitle: input.noticeDocumentTitle ?? round.noticeDocumentTitle,
      noticeText: input.noticeText ?? round.noticeText,
      windowStart: input.windowStart ?? round.windowStart,
      windowEnd: input.windowEnd ?? round.windowEnd,
      policy: input.policy ?? roundPolicyOf(round.policy),
      targetedOccupations: input.targetedOccupations ?? round.targetedOccupations,
    };
    assertWindow(next.windowStart, next.windowEnd);
    assertPolicy(next.policy);
    const [row] = await tx
      .update(collectionRounds)
      .set({ ...next, version: round.version + 1 })
      .where(eq(collectionRounds.id, id))
      .returning();
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'round.updated',
        targetType: 'collection_round',
        targetId: id,
        before: { ...round, createdAt: undefined },
        after: next,
      },
      now,
    );
    return row!;
  });
}

export async function changeRoundStatus(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
  to: 'open' | 'closed',
  version: number,
  meta: RequestMeta,
): Promise<RoundRow> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const round = await getRound(tx, actor, id, { forUpdate: true });
    assertVersion(round.version, version);
    const action = to === 'open' ? 'open' : 'close';
    // The state decides first (a closed round is answered as such, whatever the dictionary holds).
    ROUND_MACHINE.transition(round.status, action, actor);
    if (action === 'open') {
      const [chains] = await tx
        .select({ n: count() })
        .from(industrialChains)
        .where(eq(industrialChains.active, true));
      if (Number(chains?.n ?? 0) === 0) {
        throw conflict(
          'ROUND_CHAINS_EMPTY',
          '产业链字典为空，无法核对申报职业服务的产业链（通知第三条第一款）：请系统管理员先录入产业链',
        );
      }
    }
    const { row } = await recordMachineTransition(tx, ROUND_MACHINE, collectionRounds, round, action, actor, {
      now,
      meta,
      set: action === 'open' ? { openedAt: now } : { closedAt: now },
      details: { policy: action === 'open' ? round.policy : undefined },
    });
    return row;
  });
}
