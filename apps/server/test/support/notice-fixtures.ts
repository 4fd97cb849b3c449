/**
 * Builders for the notice and objection tests (通知第五条第四款, 公示与异议): 已通过 (cleared) applications built
 * through the real registration and submission API and then moved to 已通过 as the province stages would
 * (province-fixtures' putInState), optionally with more scope items; a notice prepared and published
 * through the API; an objection sent the way the public page sends it (answering the real human check).
 */
import { sql } from 'drizzle-orm';
import type { TestContext } from './test-app';
import { loginAs, type Session } from './http';
import { multipart, type FilePart } from './multipart';
import {
  firstChainId,
  openRoundId,
  putInState,
  registerSchool,
  scopeItemIdsOf,
  submittedSchoolApplication,
} from './province-fixtures';
import { queryCount } from './sql';

export interface ClearedApplication {
  id: string;
  organizationName: string;
  creditCode: string;
  cityCode: string;
  /** Continuing scope items, in the applicant's order. */
  scopeItemIds: string[];
}

/**
 * A school's 焊工 application, moved to 已通过. `extra` adds scope items (occupation code, verdict) as
 * the earlier stages would have left them, e.g. 车工 recommended, 铣工 not recommended.
 */
export async function clearedApplication(
  ctx: TestContext,
  cityCode: '430100' | '430200' | '430300',
  name: string,
  extra: { occupationCode: string; verdict: string }[] = [],
): Promise<ClearedApplication> {
  const school = await registerSchool(ctx.app, cityCode, name);
  const province = await loginAs(ctx.app, 'sjzx');
  const id = await submittedSchoolApplication(
    school.session,
    await openRoundId(province),
    await firstChainId(school.session),
  );
  let order = 10;
  for (const e of extra) {
    await ctx.database.db.execute(
      sql`insert into application_scope_items (application_id, occupation_code, job_name, mode, levels, verdict, verdict_reason, sort_order)
          values (${id}, ${e.occupationCode}, '', 'school_self', ${'{level5,level4}'}::text[], ${e.verdict},
                  ${e.verdict === 'recommended' ? null : '市州不予推荐'}, ${order++})`,
    );
  }
  await putInState(ctx.database.db, id, 'cleared');
  const all = await scopeItemIdsOf(ctx.database.db, id);
  const continuing = [];
  for (const itemId of all) {
    const n = await queryCount(
      ctx.database.db,
      sql`select count(*)::int as n from application_scope_items where id = ${itemId} and verdict = 'recommended'`,
    );
    if (n === 1) continuing.push(itemId);
  }
  return { id, organizationName: name, creditCode: school.creditCode, cityCode, scopeItemIds: continuing };
}

export async function prepareNotice(
  center: Session,
  applicationIds: string[],
  extra: Record<string, unknown> = {},
): Promise<{ id: string; number: string; version: number }> {
  const res = await center.post('/api/notices', {
    title: '关于2026年第二批职业技能等级认定评价机构备案名单的公示',
    applicationIds,
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`prepare notice: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function publishNotice(bureau: Session, id: string, startDate: string) {
  const detail = (await bureau.get(`/api/notices/${id}`)).json();
  const res = await bureau.post(`/api/notices/${id}/publish`, { version: detail.version, startDate });
  if (res.statusCode !== 200) throw new Error(`publish notice: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A fresh human check with its answer (the API tells it only when NODE_ENV=test). */
export async function humanCheck(ctx: TestContext): Promise<{ id: string; answer: string; image: string }> {
  const res = await ctx.app.inject({ method: 'GET', url: '/api/public/human-check' });
  if (res.statusCode !== 200) throw new Error(`human check: ${res.statusCode} ${res.body}`);
  return res.json();
}

export const OBJECTOR = { contactName: '王异议', contactPhone: '13800138000' };

/** POST an objection as the public page does; the human check is answered correctly unless given. */
export async function object(
  ctx: TestContext,
  noticeId: string,
  fields: Record<string, string>,
  opts: { files?: FilePart[]; check?: { id: string; answer: string } | null } = {},
) {
  const check = opts.check === undefined ? await humanCheck(ctx) : opts.check;
  const form: Record<string, string> = {
    ...OBJECTOR,
    reason: '该单位实训场地与申报材料不符，焊接工位不足十个，实际由其他单位代为组织考核。',
    ...(check ? { humanCheckId: check.id, humanCheckAnswer: check.answer } : {}),
    ...fields,
  };
  return ctx.app.inject({
    method: 'POST',
    url: `/api/public/notices/${noticeId}/objections`,
    ...multipart(form, opts.files ?? []),
  });
}

export const objectionCount = (ctx: TestContext) =>
  queryCount(ctx.database.db, sql`select count(*)::int as n from objections`);
