/** 在线会话 (security_admin): who is logged in now, and forced logout. */
import { and, desc, eq, gt, isNull, like } from 'drizzle-orm';
import { notFound, type Actor } from '@skillcert/domain';
import type { AppDeps, RequestMeta } from '../../deps';
import { sessions, users } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';

export async function listLiveSessions(deps: Pick<AppDeps, 'db' | 'clock' | 'config'>) {
  const idleSince = new Date(deps.clock.now().getTime() - deps.config.sessionIdleMinutes * 60_000);
  const rows = await deps.db
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(isNull(sessions.revokedAt), gt(sessions.lastSeenAt, idleSince)))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(500);
  return rows.map(({ s, u }) => ({
    // The stored id is already a hash of the cookie; its prefix is enough to address it.
    id: s.idHash.slice(0, 32),
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    ip: s.ip,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
  }));
}

export async function forceLogout(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  idPrefix: string,
  meta: RequestMeta,
) {
  if (!/^[0-9a-f]{32}$/.test(idPrefix)) throw notFound();
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(sessions)
      .where(and(like(sessions.idHash, `${idPrefix}%`), isNull(sessions.revokedAt)))
      .limit(1)
      .for('update');
    if (!target) throw notFound();
    await tx.update(sessions).set({ revokedAt: now }).where(eq(sessions.idHash, target.idHash));
    await appendAudit(
      tx,
      { actor, ip: meta.ip, action: 'session.force_logout', targetType: 'user', targetId: target.userId },
      now,
    );
  });
}
