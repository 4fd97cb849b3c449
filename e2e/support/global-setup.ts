/** The browser walks run against the real clock, so their demo data is dated by it too. */
import { systemClock } from '../../apps/server/src/clock';
import { buildTemplates } from '../../apps/server/test/support/pglite-template';

export default function setup(): Promise<void> {
  return buildTemplates(systemClock);
}
