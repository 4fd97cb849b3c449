/** 站内信: messages to users, written in the same transaction as the event they report. */
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { notFound, type Actor } from '@skillcert/domain';
import type { Executor } from '../../db/client';
import { messages, users } from '../../db/schema';

export interface MessageInput {
  title: string;
  body: string;
  link?: string;
  now: Date;
}

export async function notifyUsers(tx: Executor, userIds: string[], m: MessageInput): Promise<void> {
  if (userIds.length === 0) return;
  await tx.insert(messages).values(
    userIds.map((userId) => ({
      userId,
      title: m.title,
      body: m.body,
      link: m.link ?? null,
      createdAt: m.now,
    })),
  );
}

/** Every active account of an applicant organization. */
export async function notifyOrganization(
  tx: Executor,
  organizationId: string,
  m: MessageInput,
): Promise<void> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.status, 'active')));
  await notifyUsers(
    tx,
    rows.map((r) => r.id),
    m,
  );
}

/** Staff of a role (and city, for city roles). */
export async function staffOf(tx: Executor, roles: string[], cityCode: string | null): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.role, roles),
        eq(users.status, 'active'),
        cityCode ? eq(users.cityCode, cityCode) : undefined,
      ),
    );
  return rows.map((r) => r.id);
}

export async function listMessages(db: Executor, actor: Actor, page: number, pageSize: number) {
  const mine = eq(messages.userId, actor.userId);
  const rows = await db
    .select()
    .from(messages)
    .where(mine)
    .orderBy(desc(messages.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(messages).where(mine);
  const [unread] = await db
    .select({ n: count() })
    .from(messages)
    .where(and(mine, isNull(messages.readAt)));
  return {
    items: rows.map((m) => ({
      id: m.id,
      title: m.title,
      body: m.body,
      link: m.link,
      createdAt: m.createdAt.toISOString(),
      read: m.readAt !== null,
    })),
    total: Number(total?.n ?? 0),
    unread: Number(unread?.n ?? 0),
  };
}

export async function markRead(db: Executor, actor: Actor, id: number, now: Date): Promise<void> {
  const updated = await db
    .update(messages)
    .set({ readAt: now })
    .where(and(eq(messages.id, id), eq(messages.userId, actor.userId)))
    .returning({ id: messages.id });
  if (updated.length === 0) throw notFound();
}
