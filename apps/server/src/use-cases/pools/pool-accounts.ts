/**
 * A pool member's login account (role expert or inspector): an existing account of the pool's role not
 * yet linked to another member is linked; otherwise a new one is made with a one-time strong password,
 * answered once, which must be changed at first login.
 */
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { conflict } from '@skillcert/domain';
import type { AppDeps } from '../../deps';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';
import { assertStrongPassword } from '../auth/change-own-password';
import { PROVINCE_PSEUDO_CITY } from './pool-fields';
import type { PoolConfig } from './pool-kinds';

const PASSWORD_SETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '@#%+=!?'];

/** 20 characters from all four classes, by the CSPRNG, for a new account's one-time password. */
export function generateInitialPassword(length = 20): string {
  const all = PASSWORD_SETS.join('');
  const chars = PASSWORD_SETS.map((s) => s[randomInt(s.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

export interface MemberAccountInput {
  username: string;
  displayName: string;
  cityCode: string;
  phone: string | null;
}

export async function openOrLinkMemberAccount(
  tx: Executor,
  deps: Pick<AppDeps, 'passwords' | 'fieldCrypto'>,
  pool: PoolConfig,
  input: MemberAccountInput,
  now: Date,
): Promise<{ userId: string; initialPassword: string | null }> {
  const [existing] = await tx.select().from(users).where(eq(users.username, input.username)).for('update');
  if (existing) {
    if (existing.role !== pool.role) {
      throw conflict('USERNAME_TAKEN', `用户名"${input.username}"已被其他角色的账号使用，请换一个`);
    }
    const [linked] = await tx
      .select({ code: pool.table.code })
      .from(pool.table)
      .where(eq(pool.table.userId, existing.id));
    if (linked) {
      throw conflict(
        `${pool.codePrefix}_ACCOUNT_LINKED`,
        `账号"${input.username}"已关联${pool.member}${linked.code}`,
      );
    }
    return { userId: existing.id, initialPassword: null };
  }
  const initialPassword = generateInitialPassword();
  await assertStrongPassword(tx, initialPassword, input.username);
  const [created] = await tx
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      passwordHash: await deps.passwords.hash(initialPassword),
      role: pool.role,
      cityCode: input.cityCode === PROVINCE_PSEUDO_CITY ? null : input.cityCode,
      phoneEnc: input.phone ? deps.fieldCrypto.encrypt(input.phone) : null,
      phoneMac: input.phone ? deps.fieldCrypto.mac(input.phone) : null,
      mustChangePassword: true,
      createdAt: now,
    })
    .returning({ id: users.id });
  return { userId: created!.id, initialPassword };
}
