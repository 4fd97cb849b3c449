/** Configuration and clock shared by the test app and the template builder. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type AppConfig } from '../../src/config';
import type { Clock } from '../../src/clock';

export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-25T02:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
}

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
