/**
 * Job 1: replies nobody rated within 15 days are closed by the system, recorded as closed
 * without rating (never counted as satisfied); the resident is told, within their grants.
 */
import type { Budget } from '../../domain/scheduler';
import { autoCloseCutoff } from '../../domain/scheduler';
import { unratedRepliesBefore } from '../../data/scheduler-queries';
import type { JobReport, SchedulerContext } from './context';
import { runPagedCommand } from './paged-commands';

export function autoCloseReplies(ctx: SchedulerContext, budget: Budget): Promise<JobReport> {
  const cutoff = autoCloseCutoff(ctx.now);
  return runPagedCommand(ctx, budget, {
    name: 'autoClose',
    doneAs: 'closed',
    command: { kind: 'auto_close' },
    select: (page) => unratedRepliesBefore(ctx.db, cutoff, page),
    maxPerRun: 500,
  });
}
