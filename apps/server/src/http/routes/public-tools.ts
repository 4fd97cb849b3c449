/** Public tools (no login): working days (R10), the credit-code check (R1) and Hunan's divisions. */
import {
  creditCodeCheckResponse,
  creditCodeQuery,
  divisionsResponse,
  errorBody,
  workingDaysQuery,
  workingDaysResponse,
} from '@skillcert/contracts';
import type { AppInstance } from '../app-types';
import { checkCreditCode, computeWorkingDays } from '../../use-cases/dictionaries/public-tools';
import { listCitiesWithCounties } from '../../use-cases/dictionaries/divisions';

const tags = ['公共服务'];
/** Anonymous endpoints are throttled per client address. */
const publicAccess = { access: { public: true as const }, rateLimit: { max: 120, timeWindow: '1 minute' } };

export function publicToolRoutes(app: AppInstance): void {
  const { deps } = app;

  app.get(
    '/api/public/working-days',
    {
      schema: {
        tags,
        summary: '工作日计算：自起始日起第N个工作日（含调休，年度数据缺失时拒绝计算）',
        querystring: workingDaysQuery,
        response: { 200: workingDaysResponse, 400: errorBody },
      },
      config: publicAccess,
    },
    async (request) => computeWorkingDays(deps.db, request.query.start, request.query.days),
  );

  app.get(
    '/api/public/validate/credit-code',
    {
      schema: {
        tags,
        summary: '统一社会信用代码校验（GB 32100-2015）及是否湖南登记',
        querystring: creditCodeQuery,
        response: { 200: creditCodeCheckResponse },
      },
      config: publicAccess,
    },
    async (request) => checkCreditCode(deps.db, request.query.value),
  );

  app.get(
    '/api/public/divisions',
    {
      schema: { tags, summary: '湖南省市州及县市区', response: { 200: divisionsResponse } },
      config: publicAccess,
    },
    async () => listCitiesWithCounties(deps.db),
  );
}
