/**
 * Input state for filing confirmation (通知第五条第五款): the notice stage (通知第五条第四款) is tested
 * in its own files, so these helpers write what it leaves behind — a `public_notices` row (status passed
 * unless told otherwise) with one `public_notice_items` snapshot per scope item — and move the
 * applications to 公示通过 with `putInState`.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { FILINGS_IMPORT_HEADERS } from '@skillcert/contracts';
import type { Executor } from '../../src/db/client';
import type { Session } from './http';
import { multipart } from './multipart';
import { putInState } from './province-fixtures';
import { queryRows } from './sql';
import { testNow } from './test-db';
import { addDays, todayInShanghai } from '@skillcert/domain';

let noticeSerial = 0;

export interface NoticeOptions {
  status?: 'draft' | 'published' | 'passed';
  startDate?: string;
  endDate?: string;
  /** Scope items (by id) whose notice item an upheld objection removed. */
  rejectedItemIds?: string[];
  /** Leave the applications' state alone (default: put them into notice_passed). */
  keepState?: boolean;
}

/** A notice over these applications, every scope item listed; returns the notice id. */
export async function passedNotice(
  db: Executor,
  applicationIds: string[],
  opts: NoticeOptions = {},
): Promise<string> {
  noticeSerial += 1;
  const number = `GS-T${process.pid % 10000}-${noticeSerial}`;
  const status = opts.status ?? 'passed';
  if (!opts.keepState) for (const id of applicationIds) await putInState(db, id, 'notice_passed');
  const [user] = await queryRows<{ id: string }>(db, sql`select id from users where username = 'sjzx'`);
  // By default the notice ran from 23 to 19 days before the test clock's start, and passed since.
  const now = testNow().toISOString();
  const today = todayInShanghai(testNow());
  const [notice] = await queryRows<{ id: string }>(
    db,
    sql`insert into public_notices (number, title, status, working_days, start_date, end_date, prepared_by,
          prepared_at, published_at, passed_at)
        values (${number}, ${`测试公示${noticeSerial}`}, ${status}, 5,
          ${opts.startDate ?? addDays(today, -23)}, ${opts.endDate ?? addDays(today, -19)}, ${user!.id}, ${now},
          ${status === 'draft' ? null : now}, ${status === 'passed' ? now : null})
        returning id`,
  );
  let order = 0;
  for (const appId of applicationIds) {
    const items = await queryRows<{
      id: string;
      occupation_code: string;
      occupation_name: string | null;
      job_name: string;
      levels: string[];
      mode: string;
      number: string;
      org_name: string;
      credit_code: string;
      city_code: string;
    }>(
      db,
      sql`select s.id, s.occupation_code, o.name as occupation_name, s.job_name, s.levels, s.mode,
                 a.number, g.name as org_name, g.credit_code, a.city_code
          from application_scope_items s
          join applications a on a.id = s.application_id
          join organizations g on g.id = a.organization_id
          left join occupations o on o.code = s.occupation_code
          where s.application_id = ${appId}
          order by s.sort_order, s.id`,
    );
    for (const i of items) {
      order += 1;
      const rejected = opts.rejectedItemIds?.includes(i.id) ?? false;
      await db.execute(
        sql`insert into public_notice_items (notice_id, application_id, application_number, scope_item_id,
              organization_name, credit_code, city_code, occupation_code, occupation_name, job_name, levels,
              mode, status, status_reason, sort_order)
            values (${notice!.id}, ${appId}, ${i.number}, ${i.id}, ${i.org_name}, ${i.credit_code},
              ${i.city_code}, ${i.occupation_code}, ${i.occupation_name ?? ''}, ${i.job_name},
              ${sql.raw(`array[${i.levels.map((l) => `'${l}'`).join(',')}]::text[]`)}, ${i.mode},
              ${rejected ? 'rejected' : 'listed'}, ${rejected ? '异议成立：该职业实训设备不足' : null}, ${order})`,
      );
      if (rejected) {
        await db.execute(
          sql`update application_scope_items set verdict = 'rejected', verdict_reason = '异议成立：该职业实训设备不足'
              where id = ${i.id}`,
        );
      }
    }
  }
  return notice!.id;
}

/** Adds a scope item straight to an application (e.g. a social item the pre-check of a strict round refuses). */
export async function addScopeItem(
  db: Executor,
  applicationId: string,
  item: { occupationCode: string; mode: string; levels: string[]; jobName?: string; evidence?: string },
): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into application_scope_items (application_id, occupation_code, job_name, mode, levels,
          chain_ids, business_link, self_evaluation_evidence, verdict, sort_order)
        values (${applicationId}, ${item.occupationCode}, ${item.jobName ?? ''}, ${item.mode},
          ${sql.raw(`array[${item.levels.map((l) => `'${l}'`).join(',')}]::text[]`)}, '{1}'::int[],
          '学院开设相关专业', ${item.evidence ?? null}, 'recommended', 10)
        returning id`,
  );
  return row!.id;
}

export interface ImportRow {
  name: string;
  creditCode: string;
  city: string;
  occupationCode: string;
  jobName?: string;
  mode: '企业自主评价' | '院校自主评价' | '社会评价';
  levels: string;
  date: string;
  carriedOut?: '是' | '否' | '';
  note?: string;
}

/** Imports earlier filings through the real Excel import (province center). */
export async function importFilings(province: Session, rows: ImportRow[]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('已备案名录');
  sheet.addRow([...FILINGS_IMPORT_HEADERS]);
  for (const r of rows) {
    sheet.addRow([
      r.name,
      r.creditCode,
      r.city,
      r.occupationCode,
      r.jobName ?? '',
      r.mode,
      r.levels,
      r.date,
      r.carriedOut ?? '',
      r.note ?? '',
    ]);
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const res = await province.request({
    method: 'POST',
    url: '/api/filings/import',
    ...multipart({}, [{ field: 'file', filename: '历年备案名单.xlsx', content: buffer }]),
  });
  if (res.statusCode !== 200) throw new Error(`import: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function counterValue(db: Executor, name: string): Promise<number | null> {
  const [row] = await queryRows<{ value: string | number }>(
    db,
    sql`select value from counters where name = ${name}`,
  );
  return row ? Number(row.value) : null;
}
