import { homeStats as homeStatsSchema } from '@skillcert/contracts';
import type { AppInstance } from '../app-types';
import { actorOf } from '../access';
import { homeStats } from '../../use-cases/home-stats';

export function homeRoutes(app: AppInstance): void {
  app.get(
    '/api/home/stats',
    {
      schema: { tags: ['首页'], summary: '首页统计（按角色与数据范围）', response: { 200: homeStatsSchema } },
      config: { access: { action: 'home.stats' } },
    },
    async (request) => ({ cards: await homeStats(app.deps, actorOf(request)) }),
  );
}
