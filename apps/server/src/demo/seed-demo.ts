/** Seeds demo organizations and accounts once (when no user exists yet). Demo mode only. */
import { sql } from 'drizzle-orm';
import { computeCreditCodeCheckChar, validateCreditCode } from '@skillcert/domain';
import type { AppDeps } from '../deps';
import { industrialChains, organizations, users } from '../db/schema';
import { appendAudit } from '../audit/audit-writer';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_STAFF } from './demo-accounts';
import { seedDemoFiling } from './seed-demo-filing';
import { seedDemoHistory } from './seed-demo-history';

/** The six cluster names of the 十四五 "3+3+2" framing, marked 示例 (the official chain list is not in the data). */
export const EXAMPLE_CHAINS = [
  '工程机械',
  '先进轨道交通装备',
  '中小航空发动机及航空航天装备',
  '电子信息',
  '新材料',
  '新能源与节能',
];

export async function seedDemoData(deps: AppDeps): Promise<boolean> {
  const { db, fieldCrypto } = deps;
  const existing = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if (Number(existing[0]?.n ?? 0) > 0) return false;
  const now = deps.clock.now();
  const passwordHash = await deps.passwords.hash(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx
      .insert(industrialChains)
      .values(
        EXAMPLE_CHAINS.map((name) => ({
          name,
          isExample: true,
          source: '示例：十四五“3+3+2”产业集群提法，非官方产业链名单',
        })),
      )
      .onConflictDoNothing();
    for (const s of DEMO_STAFF) {
      await tx.insert(users).values({
        username: s.username,
        displayName: s.displayName,
        passwordHash,
        role: s.role,
        cityCode: s.cityCode ?? null,
        phoneEnc: s.phone ? fieldCrypto.encrypt(s.phone) : null,
        phoneMac: s.phone ? fieldCrypto.mac(s.phone) : null,
      });
    }
    for (const o of DEMO_ORGANIZATIONS) {
      const creditCode = o.creditCodeBody + computeCreditCodeCheckChar(o.creditCodeBody);
      const [org] = await tx
        .insert(organizations)
        .values({
          name: o.name,
          creditCode,
          kind: o.kind,
          registrationType: validateCreditCode(creditCode).registrationType ?? 'other',
          cityCode: o.cityCode,
          countyCode: o.countyCode,
          isAboveScale: o.isAboveScale,
          contactName: o.admin.displayName.split(' ').pop() ?? o.admin.displayName,
          contactPhoneEnc: fieldCrypto.encrypt(o.admin.phone),
          contactPhoneMac: fieldCrypto.mac(o.admin.phone),
          status: o.status,
          activatedAt: o.status === 'active' ? now : null,
        })
        .returning({ id: organizations.id });
      await tx.insert(users).values({
        username: o.admin.username,
        displayName: o.admin.displayName,
        passwordHash,
        role: 'applicant',
        organizationId: org!.id,
        isOrgAdmin: true,
        phoneEnc: fieldCrypto.encrypt(o.admin.phone),
        phoneMac: fieldCrypto.mac(o.admin.phone),
      });
    }
    await appendAudit(
      tx,
      {
        actor: null,
        actorLabel: '系统',
        action: 'system.demo_seeded',
        reason: '演示模式首次启动：创建演示账号与演示单位',
      },
      now,
    );
  });
  // The completed earlier cycle first (its clock set back; it creates the expert and inspector pools),
  // then the current cycle's applications at each stage as of today.
  await seedDemoHistory(deps);
  await seedDemoFiling(deps);
  return true;
}

export function describeDemoAccounts(): string {
  const rows = [
    ...DEMO_STAFF.map((s) => `  ${s.username.padEnd(10)} ${s.displayName}`),
    ...DEMO_ORGANIZATIONS.map(
      (o) =>
        `  ${o.admin.username.padEnd(10)} ${o.admin.displayName}（${o.name}${o.status === 'pending' ? '，待激活' : ''}）`,
    ),
  ];
  return `演示账号（口令均为 ${DEMO_PASSWORD}）：\n${rows.join('\n')}`;
}
