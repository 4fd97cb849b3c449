/**
 * Builders for the province review and spot-check tests (通知第五条第三款): applications of new
 * schools put into a province-stage state, a second scope item for per-item verdicts, and inspectors
 * created through the API with their own login accounts.
 */
import { sql } from 'drizzle-orm';
import type { ApplicationState } from '@skillcert/domain';
import type { Executor } from '../../src/db/client';
import type { AppInstance } from '../../src/http/app-types';
import { loginChangingInitialPassword, type Session } from './http';
import {
  firstChainId,
  openRoundId,
  putInState,
  registerSchool,
  submittedSchoolApplication,
  type RegisteredOrganization,
} from './province-fixtures';
import { queryRows } from './sql';

export interface StagedApplication {
  id: string;
  number: string;
  org: RegisteredOrganization;
}

/** A new school of `cityCode` with a submitted 焊工 application moved to `status`. */
export async function stagedApplication(
  app: AppInstance,
  db: Executor,
  cityCode: '430100' | '430200' | '430300',
  name: string,
  status: ApplicationState,
): Promise<StagedApplication> {
  const org = await registerSchool(app, cityCode, name);
  const roundId = await openRoundId(org.session);
  const id = await submittedSchoolApplication(org.session, roundId, await firstChainId(org.session));
  await putInState(db, id, status);
  const [row] = await queryRows<{ number: string }>(
    db,
    sql`select number from applications where id = ${id}`,
  );
  return { id, number: row!.number, org };
}

/** A second scope item (气焊 工种 of 焊工), recommended by the city like the first. */
export async function addScopeItem(db: Executor, applicationId: string, jobName = '气焊工'): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into application_scope_items
          (application_id, occupation_code, job_name, mode, levels, chain_ids, sort_order, verdict)
        values (${applicationId}, '6-18-02-04', ${jobName}, 'school_self', '{level5,level4}', '{}', 9, 'recommended')
        returning id`,
  );
  return row!.id;
}

export async function versionOf(db: Executor, applicationId: string): Promise<number> {
  const [row] = await queryRows<{ version: number }>(
    db,
    sql`select version from applications where id = ${applicationId}`,
  );
  return Number(row!.version);
}

export interface CreatedInspector {
  id: string;
  code: string;
  username: string;
  password: string;
  login(): Promise<Session>;
}

let serial = 0;

/** An inspector with a new login account of role inspector (the one-time password is kept for login). */
export async function createTestInspector(
  app: AppInstance,
  staff: Session,
  body: { name: string; cityCode: string; unit?: string; unitCreditCode?: string; phone?: string },
): Promise<CreatedInspector> {
  serial += 1;
  const username = `dc_t${process.pid % 1000}_${serial}`;
  const res = await staff.post('/api/inspectors', {
    unit: '湖南省某职业技能鉴定站',
    title: '高级考评员',
    ...body,
    username,
  });
  if (res.statusCode !== 201) throw new Error(`inspector ${body.name}: ${res.statusCode} ${res.body}`);
  const created = res.json();
  // The first login sets the inspector's own password (required before anything else); later ones use it.
  let password: string = created.initialPassword;
  return {
    id: created.id,
    code: created.code,
    username,
    password: created.initialPassword,
    login: async () => {
      const first = await loginChangingInitialPassword(app, username, password);
      password = first.password;
      return first.session;
    },
  };
}
