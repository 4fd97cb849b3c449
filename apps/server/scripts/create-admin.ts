/**
 * Creates the first sys_admin in production (no demo accounts exist there):
 *   npm run create-admin -- <username> <姓名>
 * The password is read from ADMIN_PASSWORD or, interactively, from the terminal; it must meet the policy.
 * The account must change its password at first login. The creation is audited.
 */
import { createInterface } from 'node:readline/promises';
import { eq } from 'drizzle-orm';
import { checkPasswordStrength } from '@skillcert/domain';
import { loadConfig } from '../src/config';
import { systemClock } from '../src/clock';
import { openDatabase } from '../src/db/client';
import { users } from '../src/db/schema';
import { createDeps } from '../src/deps';
import { appendAudit } from '../src/audit/audit-writer';
import { seedReferenceData } from '../src/reference/seed-reference';

const [username, displayName] = process.argv.slice(2);
if (!username || !displayName) {
  console.error(
    '用法：npm run create-admin -- <用户名> <姓名>（口令取自环境变量 ADMIN_PASSWORD 或终端输入）',
  );
  process.exit(2);
}
let password = process.env.ADMIN_PASSWORD ?? '';
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question('请输入口令：');
  rl.close();
}
const weak = checkPasswordStrength(password, { username });
if (weak.length > 0) {
  console.error(weak.map((e) => e.message).join('\n'));
  process.exit(1);
}
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await seedReferenceData(database.db);
  const deps = createDeps(config, database, systemClock);
  const now = systemClock.now();
  await database.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken) throw new Error(`用户名"${username}"已存在`);
    const [created] = await tx
      .insert(users)
      .values({
        username,
        displayName,
        passwordHash: await deps.passwords.hash(password),
        role: 'sys_admin',
        mustChangePassword: true,
        createdAt: now,
      })
      .returning({ id: users.id });
    await appendAudit(
      tx,
      {
        actor: null,
        actorLabel: '命令行 create-admin',
        action: 'user.created',
        targetType: 'user',
        targetId: created!.id,
        after: { username, displayName, role: 'sys_admin' },
      },
      now,
    );
  });
  console.log(`已创建系统管理员 ${username}（${displayName}），首次登录须修改口令。`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
