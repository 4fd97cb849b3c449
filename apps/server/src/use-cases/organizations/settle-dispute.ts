/**
 * 注册争议处理: a credit code registers once; when the rightful unit finds it taken, its city center
 * settles the dispute after checking the business licence: every account of the existing registration is
 * disabled (their sessions end) and a new administrator account is created for the rightful unit. The
 * registration itself — and everything it already did — stays, with the decision in the audit trail.
 */
import { eq } from 'drizzle-orm';
import { can, conflict, notFound, type Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import { organizations, users } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { revokeUserSessions } from '../../security/sessions';
import { assertStrongPassword } from '../auth/change-own-password';
import { assertVersion } from '../version-check';
import { getOrganization } from './organization-queries';

export interface SettleDisputeInput {
  reason: string;
  version: number;
  newAdmin: { username: string; displayName: string; password: string };
}

export async function settleRegistrationDispute(
  deps: Pick<AppDeps, 'db' | 'clock' | 'passwords'>,
  actor: Actor,
  organizationId: string,
  input: SettleDisputeInput,
  meta: RequestMeta,
): Promise<{ adminUserId: string }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const org = await getOrganization(tx, actor, organizationId, { forUpdate: true });
    if (!can(actor, 'organization.settleDispute', { cityCode: org.cityCode })) throw notFound();
    assertVersion(org.version, input.version);
    await assertStrongPassword(tx, input.newAdmin.password, input.newAdmin.username);
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, input.newAdmin.username));
    if (taken) throw conflict('USERNAME_TAKEN', `用户名"${input.newAdmin.username}"已被使用，请换一个`);
    const previous = await tx.select().from(users).where(eq(users.organizationId, org.id));
    for (const u of previous) {
      await tx
        .update(users)
        .set({ status: 'disabled', isOrgAdmin: false, version: u.version + 1 })
        .where(eq(users.id, u.id));
      await revokeUserSessions(tx, u.id, now);
    }
    const [admin] = await tx
      .insert(users)
      .values({
        username: input.newAdmin.username,
        displayName: input.newAdmin.displayName,
        passwordHash: await deps.passwords.hash(input.newAdmin.password),
        role: 'applicant',
        organizationId: org.id,
        isOrgAdmin: true,
        mustChangePassword: true,
        createdAt: now,
      })
      .returning({ id: users.id });
    await tx
      .update(organizations)
      .set({ version: org.version + 1 })
      .where(eq(organizations.id, org.id));
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'organization.dispute_settled',
        targetType: 'organization',
        targetId: org.id,
        cityCode: org.cityCode,
        reason: input.reason,
        before: { accounts: previous.map((u) => ({ username: u.username, status: u.status })) },
        after: { adminUsername: input.newAdmin.username, disabledAccounts: previous.length },
      },
      now,
    );
    return { adminUserId: admin!.id };
  });
}
