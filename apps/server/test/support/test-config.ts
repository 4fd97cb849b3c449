/** Configuration shared by the test app and the template builder. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type AppConfig } from '../../src/config';

/** Cheap argon2, generous rate limits (the limits themselves are tested at multiplier 1), own files dir. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({ ...process.env, NODE_ENV: 'test' }),
    argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    rateLimitMultiplier: 100,
    filesDir: mkdtempSync(path.join(os.tmpdir(), 'skillcert-files-')),
    ...overrides,
  };
}
