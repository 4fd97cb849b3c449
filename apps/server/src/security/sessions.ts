/**
 * Server-side sessions (so several instances share them). The cookie holds a random token; the
 * database holds only its SHA-256, so a leaked table does not leak live sessions. Idle timeout is
 * enforced on every request against the injected clock; lastSeenAt is written at most once a minute per
 * session, off the response path, so the timeout is exact to within a minute on every API process.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { isRole, type Actor } from '@skillcert/domain';
import type { Executor } from '../db/client';
import { preparedPer } from '../db/prepared';
import { divisions, organizations, sessions, users } from '../db/schema';

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

/** Names the web shell shows beside the actor, read with the session so `/api/auth/me` needs no query. */
export interface SessionProfile {
  mustChangePassword: boolean;
  cityName: string | null;
  organizationName: string | null;
  organizationStatus: string | null;
}

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired' }
  | {
      status: 'active';
      actor: Actor;
      csrfToken: string;
      sessionId: string;
      mustChangePassword: boolean;
      profile: SessionProfile;
    };

/** Every request's one query: the session with its user (and the user's city and organization names). */
const sessionWithUser = preparedPer((db) =>
  db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      csrfToken: sessions.csrfToken,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      status: users.status,
      cityCode: users.cityCode,
      organizationId: users.organizationId,
      isOrgAdmin: users.isOrgAdmin,
      mustChangePassword: users.mustChangePassword,
      cityName: divisions.name,
      organizationName: organizations.name,
      organizationStatus: organizations.status,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(divisions, eq(divisions.code, users.cityCode))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(sessions.idHash, sql.placeholder('idHash')), isNull(sessions.revokedAt)))
    .limit(1)
    .prepare('session_with_user'),
);

/**
 * Moves lastSeenAt forward when it is more than a minute old. The guard in the WHERE clause makes
 * concurrent touches from several requests or API processes harmless (the later write never moves it
 * back), and the idle timeout stays exact to within that minute on every process.
 */
const touchSession = preparedPer((db) =>
  db
    .update(sessions)
    .set({ lastSeenAt: sql`${sql.placeholder('now')}::timestamptz` })
    .where(
      and(
        eq(sessions.idHash, sql.placeholder('idHash')),
        sql`${sessions.lastSeenAt} < ${sql.placeholder('now')}::timestamptz`,
      ),
    )
    .prepare('session_touch'),
);

/** Touches in flight in this process: a burst of requests of one session writes once. */
const touching = new Set<string>();

function touchInBackground(db: Executor, idHash: string, now: Date): void {
  if (touching.has(idHash)) return;
  touching.add(idHash);
  // Not awaited: the answer does not wait for a bookkeeping write. A failure only delays the touch to
  // the next request; it is logged, never turned into an error for the user.
  touchSession(db)
    .execute({ idHash, now: now.toISOString() })
    .catch((error: unknown) =>
      console.warn(`会话最近访问时间更新失败：${error instanceof Error ? error.message : String(error)}`),
    )
    .finally(() => touching.delete(idHash));
}

export async function resolveSession(
  db: Executor,
  token: string | undefined,
  now: Date,
  idleMinutes: number,
): Promise<SessionLookup> {
  if (!token) return { status: 'none' };
  const idHash = hashToken(token);
  const [row] = await sessionWithUser(db).execute({ idHash });
  if (!row) return { status: 'none' };
  const idleMs = now.getTime() - row.lastSeenAt.getTime();
  if (idleMs > idleMinutes * 60_000 || row.status !== 'active' || !isRole(row.role)) {
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.idHash, idHash));
    return { status: 'expired' };
  }
  if (idleMs > TOUCH_INTERVAL_MS) touchInBackground(db, idHash, now);
  return {
    status: 'active',
    sessionId: idHash,
    csrfToken: row.csrfToken,
    mustChangePassword: row.mustChangePassword,
    profile: {
      mustChangePassword: row.mustChangePassword,
      cityName: row.cityName,
      organizationName: row.organizationName,
      organizationStatus: row.organizationStatus,
    },
    actor: {
      userId: row.userId,
      username: row.username,
      displayName: row.displayName,
      role: row.role as Actor['role'],
      cityCode: row.cityCode,
      organizationId: row.organizationId,
      isOrgAdmin: row.isOrgAdmin,
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
