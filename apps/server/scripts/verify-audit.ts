/** `npm run verify-audit`: checks the audit hash chain of the configured database; exit 1 names the first broken entry. */
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { verifyAuditChain } from '../src/audit/verify-chain';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
try {
  const result = await verifyAuditChain(database.db);
  console.log(result.message);
  process.exitCode = result.ok ? 0 : 1;
} finally {
  await database.close();
}
