/**
 * The public portal's small reads: collection rounds open for applications (their 申报通知 text is a
 * public document; nothing about who created them — the staff rounds API needs a login), and the
 * occupations of 《职业分类大典》 for the registry's occupation filter (a public catalogue).
 */
import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { collectionRounds, occupations } from '../../db/schema';

export async function openRounds(db: Executor) {
  const rows = await db
    .select({
      id: collectionRounds.id,
      title: collectionRounds.title,
      windowStart: collectionRounds.windowStart,
      windowEnd: collectionRounds.windowEnd,
      noticeText: collectionRounds.noticeText,
    })
    .from(collectionRounds)
    .where(eq(collectionRounds.status, 'open'))
    .orderBy(asc(collectionRounds.windowEnd), asc(collectionRounds.title));
  return { items: rows };
}

/** Occupations (细类) whose code starts with, or whose name contains, the text; 20 at most. */
export async function searchPublicOccupations(db: Executor, text: string | undefined) {
  const q = text?.normalize('NFKC').trim() ?? '';
  const rows = await db
    .select({ code: occupations.code, name: occupations.name })
    .from(occupations)
    .where(
      and(
        eq(occupations.level, 'occupation'),
        q
          ? or(sql`starts_with(${occupations.code}, ${q})`, sql`position(${q} in ${occupations.name}) > 0`)
          : undefined,
      ),
    )
    .orderBy(asc(occupations.code))
    .limit(20);
  return { items: rows };
}
