/**
 * 三员账号 on the server's command line — the only place they are created (三员分立, docs/domain.md §10):
 *   npm run create-admin -- <sys_admin|security_admin|audit_admin> <用户名> <姓名>
 *   npm run create-admin -- reset-password <安全管理员用户名>
 * The password is read from ADMIN_PASSWORD or, interactively, from the terminal; it must meet the policy
 * and be changed at the next login. Both actions are written to the audit trail as command-line actions.
 */
import { createInterface } from 'node:readline/promises';
import { ADMIN_ROLES, DomainError, ROLE_LABELS, isAdminRole } from '@skillcert/domain';
import { loadConfig } from '../src/config';
import { systemClock } from '../src/clock';
import { openDatabase } from '../src/db/client';
import { createDeps } from '../src/deps';
import { seedReferenceData } from '../src/reference/seed-reference';
import { createAdminAccount, resetSecurityAdminPassword } from '../src/use-cases/users/admin-accounts';

const USAGE = [
  `用法：npm run create-admin -- <角色> <用户名> <姓名>   角色：${ADMIN_ROLES.join(' | ')}`,
  '      npm run create-admin -- reset-password <安全管理员用户名>',
  '口令取自环境变量 ADMIN_PASSWORD 或终端输入；下次登录须修改。',
].join('\n');

const [first, second, third] = process.argv.slice(2);
const resetting = first === 'reset-password';
if (resetting ? !second : !first || !isAdminRole(first) || !second || !third) {
  console.error(USAGE);
  process.exit(2);
}
let password = process.env.ADMIN_PASSWORD ?? '';
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question('请输入口令：');
  rl.close();
}
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  await seedReferenceData(database.db);
  const deps = createDeps(config, database, systemClock);
  if (resetting) {
    await resetSecurityAdminPassword(deps, { username: second!, password });
    console.log(`已重置安全管理员 ${second} 的口令，其在线会话已结束，下次登录须修改口令。`);
  } else {
    await createAdminAccount(deps, { role: first!, username: second!, displayName: third!, password });
    console.log(`已创建${ROLE_LABELS[first as 'sys_admin']} ${second}（${third}），首次登录须修改口令。`);
  }
} catch (error) {
  console.error(error instanceof DomainError ? error.message : (error as Error).message);
  process.exitCode = 1;
} finally {
  await database.close();
}
