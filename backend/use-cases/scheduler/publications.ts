/**
 * Job: reception days whose followers are not all told yet — a station with more followers than
 * its publish call had time for, or a publish that stopped part-way (a timeout, a failed batch,
 * an instance that died). Each goes on from its cursor (receptions/publish-notices.ts), the
 * oldest first, within the job's share of the run; the delivery job after it sends what it queued.
 * When nothing is under way this is one read.
 */
import type { Budget } from '../../domain/scheduler';
import { unfinishedPublications } from '../../data/publications';
import { continuePublication } from '../receptions/publish-notices';
import type { JobReport, SchedulerContext } from './context';

/** Publications looked at per run: more than are ever under way at once in a district. */
const OPEN_LIMIT = 20;

export async function resumePublications(ctx: SchedulerContext, budget: Budget): Promise<JobReport> {
  const open = await unfinishedPublications(ctx.db, OPEN_LIMIT);
  const counts = { publications: open.length, finished: 0, queued: 0 };
  for (const publication of open) {
    if (budget.expired()) return { counts, complete: false };
    try {
      const progress = await continuePublication(ctx.db, publication, ctx.now, budget);
      counts.queued += progress.queued;
      if (progress.finished) counts.finished += 1;
    } catch (error) {
      // One publication failing (a batch refused) must not hold up the others; the next run retries it.
      console.error(`[scheduler] publication ${publication._id} stopped; the next run goes on from its cursor`, error);
    }
  }
  return { counts, complete: counts.finished === open.length && open.length < OPEN_LIMIT };
}
