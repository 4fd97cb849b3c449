import type { AppConfig } from './config';
import type { Clock } from './clock';
import type { Database } from './db/client';

/** What the HTTP layer hands to use cases. Use cases name the narrow parts they need. */
export interface AppDeps {
  config: AppConfig;
  database: Database;
  clock: Clock;
}
