import { z } from 'zod';
import type { AppInstance } from '../app-types';

export const healthResponse = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
});

export function healthRoutes(app: AppInstance): void {
  app.get(
    '/api/health',
    {
      schema: { tags: ['系统'], summary: '健康检查', response: { 200: healthResponse } },
      config: { access: { public: true } },
    },
    async () => {
      await app.deps.database.db.execute('select 1');
      return { status: 'ok' as const, db: app.deps.database.kind, version: app.deps.config.version };
    },
  );
}
