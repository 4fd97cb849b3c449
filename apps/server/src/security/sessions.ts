/**
 * Server-side sessions (so several instances share them). The cookie holds a random token; the
 * database holds only its SHA-256, so a leaked table does not leak live sessions. Idle timeout is
 * enforced on every request against the injected clock.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { isRole, type Actor } from '@skillcert/domain';
import type { Executor } from '../db/client';
import { organizations, sessions, users } from '../db/schema';

export const SESSION_COOKIE = 'sc_session';
/** lastSeenAt is refreshed at most this often, to keep reads from turning into writes. */
const TOUCH_INTERVAL_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
}

export async function createSession(
  db: Executor,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
  now: Date,
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    idHash: hashToken(token),
    userId,
    csrfToken,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    createdAt: now,
    lastSeenAt: now,
  });
  return { token, csrfToken };
}

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired' }
  | { status: 'active'; actor: Actor; csrfToken: string; sessionId: string; mustChangePassword: boolean };

export async function resolveSession(
  db: Executor,
  token: string | undefined,
  now: Date,
  idleMinutes: number,
): Promise<SessionLookup> {
  if (!token) return { status: 'none' };
  const idHash = hashToken(token);
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt)))
    .limit(1);
  const row = rows[0];
  if (!row) return { status: 'none' };
  const idleMs = now.getTime() - row.session.lastSeenAt.getTime();
  if (idleMs > idleMinutes * 60_000 || row.user.status !== 'active' || !isRole(row.user.role)) {
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.idHash, idHash));
    return { status: 'expired' };
  }
  if (idleMs > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  const u = row.user;
  return {
    status: 'active',
    sessionId: idHash,
    csrfToken: row.session.csrfToken,
    mustChangePassword: u.mustChangePassword,
    actor: {
      userId: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role as Actor['role'],
      cityCode: u.cityCode,
      organizationId: u.organizationId,
      isOrgAdmin: u.isOrgAdmin,
    },
  };
}

export async function revokeSession(db: Executor, token: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(eq(sessions.idHash, hashToken(token)));
}

/** Ends every live session of a user (password reset, disabling, role hand-over). */
export async function revokeUserSessions(db: Executor, userId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

/** Ends every live session of a user but the one it is using (its own password change). */
export async function revokeOtherSessions(
  db: Executor,
  userId: string,
  keepIdHash: string | null,
  now: Date,
): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keepIdHash ? ne(sessions.idHash, keepIdHash) : undefined,
      ),
    );
}

/** An applicant's organization is part of who they are: pending ones may draft but not submit. */
export async function organizationStatusOf(db: Executor, organizationId: string): Promise<string | null> {
  const rows = await db
    .select({ status: organizations.status })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .limit(1);
  return rows[0]?.status ?? null;
}

export const countLiveSessions = (db: Executor) =>
  db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(isNull(sessions.revokedAt));
