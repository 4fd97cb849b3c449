// Lint with the architecture's dependency rules (ARCHITECTURE.md): each restriction carries its reason.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noIoInDomain = {
  patterns: [
    {
      group: [
        'node:*',
        'fs',
        'path',
        'crypto',
        'pg',
        '@electric-sql/*',
        'drizzle-orm',
        'drizzle-orm/*',
        'fastify',
        '@fastify/*',
        'react',
        'antd',
        '**/apps/**',
      ],
      message: '领域核心必须保持纯净：不得引入 I/O、数据库、框架或应用层代码（见 ARCHITECTURE.md）。',
    },
    {
      group: ['lunar-javascript'],
      message:
        '农历节日日期由服务端适配器（apps/server/src/reference/holiday-anchors.ts）计算后作为数据传入领域核心（见 ARCHITECTURE.md）。',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'node_modules/**',
      'data/**',
      'apps/server/src/db/migrations/**',
      'reference-data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Time is injected (architecture.md): code, seeds and tests read "now" only through the clock module,
    // so every date can be moved by the test clock and the suite passes on any date.
    files: ['apps/server/**/*.ts', 'packages/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['apps/server/src/clock.ts', 'e2e/support/walk-clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: '不得直接读取系统时间：请使用注入的 clock.now()（见 apps/server/src/clock.ts）。',
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: '不得直接读取系统时间：请使用注入的 clock.now()。' },
      ],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', noIoInDomain],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: '领域核心不读系统时间：请由调用方注入 now。' },
        { object: 'Math', property: 'random', message: '领域核心不用非确定随机数：请注入种子。' },
      ],
    },
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'pg',
                '@electric-sql/*',
                'drizzle-orm*',
                'fastify',
                '@fastify/*',
                '**/apps/**',
              ],
              message: '契约层只描述数据结构（zod），不依赖服务端或数据库。',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['pg', '@electric-sql/*'], message: '只有 db 模块可以直接使用数据库驱动。' }] },
      ],
    },
  },
  {
    // The server's direction: routes → use cases → domain. A route parses, checks access and calls a use
    // case; it never queries tables itself, so every read goes through the use case's one scope filter.
    files: ['apps/server/src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['pg', '@electric-sql/*'], message: '只有 db 模块可以直接使用数据库驱动。' },
            {
              group: ['**/db/schema', '**/db/schema/*', 'drizzle-orm', 'drizzle-orm/*'],
              message: '路由只调用用例（use-cases），不直接读写数据表。',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/server/**', 'pg', '@electric-sql/*', 'drizzle-orm*', 'fastify'],
              message: '前端只是公开 API 的客户端：只可引入 contracts 与 domain。',
            },
          ],
        },
      ],
    },
  },
  {
    // One concept per file, readable in one screen or two: a source file over 400 lines is split into
    // cohesive modules (tests may be longer: a scenario reads best in one place).
    files: [
      'apps/*/src/**/*.{ts,tsx}',
      'packages/*/src/**/*.{ts,tsx}',
      'apps/server/bench/**/*.ts',
      'apps/server/drill/**/*.ts',
      'apps/server/scripts/**/*.ts',
      'e2e/support/**/*.ts',
    ],
    ignores: ['**/test/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
);
