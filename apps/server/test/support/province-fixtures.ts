/**
 * Builders for the province stages (通知第五条第三至五款). Organizations register and apply through the real API;
 * the city review in between (通知第五条第二款) is tested in its own files, so `putInState` moves a submitted
 * application straight to a province-stage state in the database (as city-review.test.ts does for
 * 已核验), with the supervising city a recommendation would have set.
 */
import { sql } from 'drizzle-orm';
import { computeCreditCodeCheckChar, type ApplicationState } from '@skillcert/domain';
import type { Executor } from '../../src/db/client';
import type { AppInstance } from '../../src/http/app-types';
import { loginAs, type Session } from './http';
import { multipart, samplePdf } from './multipart';
import {
  grantSelfEvaluationFiling,
  newDraft,
  saveFacts,
  saveItems,
  submit,
  uploadAllRequired,
  welderSchoolItem,
} from './filing-fixtures';
import { queryRows } from './sql';

/** Demo city-centre accounts that activate new organizations, by city. */
const CITY_CENTERS: Record<string, string> = { '430100': 'cs_zx', '430200': 'zz_zx', '430300': 'xt_zx' };
const COUNTIES: Record<string, string> = { '430100': '430104', '430200': '430202', '430300': '430302' };

let serial = 0;

export interface RegisteredOrganization {
  session: Session;
  organizationId: string;
  creditCode: string;
  name: string;
  cityCode: string;
}

/**
 * A school (职业院校) of one of the demo cities, registered and activated through the API, already filed
 * by the province for self-evaluation of 焊工 and having carried it out (R2).
 */
export async function registerSchool(
  app: AppInstance,
  cityCode: '430100' | '430200' | '430300',
  name: string,
): Promise<RegisteredOrganization> {
  serial += 1;
  const tag = `${process.pid % 1000}`.padStart(3, '0') + String(serial).padStart(3, '0');
  const body = `52${cityCode}MJ${tag}X`.padEnd(17, '0').slice(0, 17);
  const creditCode = body + computeCreditCodeCheckChar(body);
  const username = `prov_fx_${tag}`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/public/registrations',
    ...multipart(
      {
        orgName: name,
        creditCode,
        kind: 'school',
        isAboveScale: 'false',
        cityCode,
        countyCode: COUNTIES[cityCode]!,
        address: '职教大道1号',
        contactName: '李明',
        contactPhone: '13912345678',
        username,
        displayName: '李明',
        password: 'Apply#2026',
      },
      [{ field: 'licence', filename: '办学许可证.pdf', content: samplePdf() }],
    ),
  });
  if (res.statusCode !== 201) throw new Error(`register ${name}: ${res.statusCode} ${res.body}`);
  const organizationId = res.json().organization?.id ?? res.json().organizationId ?? res.json().id;
  const center = await loginAs(app, CITY_CENTERS[cityCode]!);
  const org = (await center.get(`/api/organizations/${organizationId}`)).json();
  const activated = await center.post(`/api/organizations/${organizationId}/activate`, {
    version: org.version,
  });
  if (activated.statusCode !== 200) throw new Error(`activate ${name}: ${activated.body}`);
  await grantSelfEvaluationFiling(app, { name, creditCode, cityCode, kind: 'school' });
  return {
    session: await loginAs(app, username, 'Apply#2026'),
    organizationId,
    creditCode,
    name,
    cityCode,
  };
}

/** The first industrial-chain id of the dictionary (every scope item names one, R6). */
export async function firstChainId(s: Session): Promise<number> {
  return (await s.get('/api/dict/chains')).json()[0].id;
}

/** The id of the demo's open collection round. */
export async function openRoundId(s: Session): Promise<string> {
  const rounds = (await s.get('/api/rounds')).json();
  const list = (Array.isArray(rounds) ? rounds : rounds.items) as { id: string; status: string }[];
  const open = list.find((r) => r.status === 'open');
  if (!open) throw new Error('no open round');
  return open.id;
}

/** A school application for 焊工 (school self-evaluation, passes every rule), submitted through the API. */
export async function submittedSchoolApplication(
  school: Session,
  roundId: string,
  chainId: number,
  items: Record<string, unknown>[] = [welderSchoolItem(chainId)],
): Promise<string> {
  const id = await newDraft(school, roundId);
  const facts = await saveFacts(school, id, { schoolType: 'vocational', majors: '焊接技术与自动化' });
  if (facts.statusCode !== 200) throw new Error(`facts: ${facts.body}`);
  const saved = await saveItems(school, id, items);
  if (saved.statusCode !== 200) throw new Error(`items: ${saved.body}`);
  await uploadAllRequired(school, id);
  const pre = (await school.post(`/api/applications/${id}/precheck`)).json();
  const res = await submit(school, id, pre.warningCodes);
  if (res.statusCode !== 200) throw new Error(`submit: ${res.body}`);
  return id;
}

/**
 * Moves an application to a later state in the database, as if the earlier stages had run: the
 * recommending city becomes the supervising city and every scope item is recommended.
 */
export async function putInState(db: Executor, id: string, status: ApplicationState): Promise<void> {
  await db.execute(
    sql`update applications set status = ${status}, version = version + 1,
          supervising_city_code = coalesce(supervising_city_code, city_code),
          stage_due_date = null, stage_days_remaining = null
        where id = ${id}`,
  );
  await db.execute(
    sql`update application_scope_items set verdict = coalesce(verdict, 'recommended') where application_id = ${id}`,
  );
}

export async function scopeItemIdsOf(db: Executor, applicationId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from application_scope_items where application_id = ${applicationId} order by sort_order, id`,
  );
  return rows.map((r) => r.id);
}

export async function statusOf(db: Executor, applicationId: string): Promise<string> {
  const [row] = await queryRows<{ status: string }>(
    db,
    sql`select status from applications where id = ${applicationId}`,
  );
  return row!.status;
}
