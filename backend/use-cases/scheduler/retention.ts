/**
 * The retention job: residents' contact details leave cases that ended, and 立法意见 comments
 * whose consultation closed, more than the configured number of days ago
 * (config/retention.json). Bounded per run; the next run continues, since purged cases no
 * longer match.
 */
import { purgeExpiredContacts } from '../retention';
import type { Budget } from '../../domain/scheduler';
import type { JobReport, SchedulerContext } from './context';
import { idleReport } from './context';

/** Per run: enough for a district's daily closures many times over, small enough for the budget. */
const PURGE_LIMIT = 200;

export async function purgeContacts(ctx: SchedulerContext, _budget: Budget): Promise<JobReport> {
  if (ctx.casesIdle) return idleReport({ purged: 0 });
  const purged = await purgeExpiredContacts(ctx.db, ctx.now, PURGE_LIMIT);
  return { counts: { purged }, complete: purged < PURGE_LIMIT };
}
