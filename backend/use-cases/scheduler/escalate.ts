/**
 * Job 2: overdue open cases are escalated (督办), again at most every 3 days. The case use case
 * records the supervision and, in the same write, queues the handlerTask notice to the
 * station's officers and the assigned deputy (use-cases/cases/handler-outbox.ts): this job
 * queues none of its own, so nobody is told twice.
 */
import type { Budget } from '../../domain/scheduler';
import { escalationRepeatCutoff } from '../../domain/scheduler';
import { overdueUnescalated } from '../../data/scheduler-queries';
import type { JobReport, SchedulerContext } from './context';
import { runPagedCommand } from './paged-commands';

export function escalateOverdue(ctx: SchedulerContext, budget: Budget): Promise<JobReport> {
  const repeatCutoff = escalationRepeatCutoff(ctx.now);
  return runPagedCommand(ctx, budget, {
    name: 'escalate',
    doneAs: 'escalated',
    command: { kind: 'escalate' },
    select: (page) => overdueUnescalated(ctx.db, ctx.now, repeatCutoff, page),
    maxPerRun: 500,
  });
}
