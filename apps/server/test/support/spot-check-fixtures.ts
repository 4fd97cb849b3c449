/**
 * Builders for the province review and spot-check tests (通知第五条第三款): applications of new
 * schools put into a province-stage state, a second scope item for per-item verdicts, inspectors
 * created through the API with their own login accounts, and the steps of a joint on-site result
 * (evidence, draft, submit, signatures — 通知§五(三)).
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
import { multipart } from './multipart';

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

/** A small valid PNG: the evidence photo of a visit. */
export const EVIDENCE_PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(512, 1),
]);

/** Uploads one evidence photo for a target through the inspector's attachment endpoint. */
export async function uploadEvidence(member: Session, applicationId: string, filename = '现场照片.png') {
  const res = await member.request({
    method: 'POST',
    url: `/api/my/spot-checks/${applicationId}/attachments`,
    ...multipart({}, [{ field: 'file', filename, content: EVIDENCE_PNG }]),
  });
  if (res.statusCode !== 201) throw new Error(`evidence: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** The on-site facts of a visit made `visitDate` (derive it from the test clock). */
export const onSite = (visitDate: string) => ({
  visitDate,
  place: '被复核单位实训楼一层实操车间',
  present: '被复核单位校长、教务处长，复核组全体成员',
});

/** The result's own version and allowed actions as `member` sees it in 我的抽查. */
export async function myResult(member: Session, applicationId: string) {
  const items = (await member.get('/api/my/spot-checks')).json().items as {
    applicationId: string;
    result: { status: string; version: number; allowedActions: string[] } | null;
  }[];
  return items.find((i) => i.applicationId === applicationId)?.result ?? null;
}

/** A result step (submit / sign / dissent) on the result's current version. */
export async function resultStep(
  member: Session,
  applicationId: string,
  step: 'submit' | 'sign' | 'dissent',
  reason?: string,
) {
  const r = await myResult(member, applicationId);
  return member.post(`/api/my/spot-checks/${applicationId}/result/${step}`, {
    version: r?.version ?? 1,
    ...(reason === undefined ? {} : { reason }),
  });
}

/**
 * The whole joint path of a target: the first member drafts `body` with one evidence photo on
 * `visitDate`, submits it, and every member signs. Returns the last signature's answer.
 */
export async function agreeJointResult(
  members: Session[],
  applicationId: string,
  body: Record<string, unknown>,
  visitDate: string,
) {
  const [drafter] = members;
  const fileId = await uploadEvidence(drafter!, applicationId);
  const drafted = await drafter!.post(`/api/my/spot-checks/${applicationId}/result`, {
    ...onSite(visitDate),
    attachmentFileIds: [fileId],
    ...body,
  });
  if (drafted.statusCode !== 200) throw new Error(`draft: ${drafted.statusCode} ${drafted.body}`);
  const submitted = await resultStep(drafter!, applicationId, 'submit');
  if (submitted.statusCode !== 200) throw new Error(`submit: ${submitted.statusCode} ${submitted.body}`);
  let last = submitted;
  for (const m of members) {
    last = await resultStep(m, applicationId, 'sign');
    if (last.statusCode !== 200) throw new Error(`sign: ${last.statusCode} ${last.body}`);
  }
  return last;
}
