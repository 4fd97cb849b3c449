import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const alias = {
  '@skillcert/domain': path.join(root, 'packages/domain/src/index.ts'),
  '@skillcert/contracts': path.join(root, 'packages/contracts/src/index.ts'),
};
const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

const apiProject = (driver: 'pglite' | 'postgres') => ({
  resolve: { alias },
  test: {
    name: `api-${driver}`,
    include: ['apps/server/test/**/*.test.ts'],
    env: { TZ: 'Asia/Shanghai', NODE_ENV: 'test', TEST_DB_DRIVER: driver },
    globalSetup: ['apps/server/test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'domain', include: ['packages/**/test/**/*.test.ts'], env: { TZ: 'Asia/Shanghai' } },
      },
      apiProject('pglite'),
      ...(postgresUrl ? [apiProject('postgres')] : []),
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          env: { TZ: 'Asia/Shanghai', NODE_ENV: 'test', TEST_DB_DRIVER: 'pglite' },
          globalSetup: ['e2e/support/global-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
