import type { AppConfig } from '../config';

/**
 * Per-route rate limit, per client IP. `RATE_LIMIT_MULTIPLIER` scales every limit (test suites that
 * send hundreds of requests from one address raise it; the limit itself is tested at multiplier 1).
 */
export const perMinute = (config: Pick<AppConfig, 'rateLimitMultiplier'>, max: number) => ({
  max: Math.max(1, Math.round(max * config.rateLimitMultiplier)),
  timeWindow: '1 minute',
});
