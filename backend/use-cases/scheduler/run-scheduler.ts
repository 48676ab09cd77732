/**
 * One scheduler run (a timer tick): the jobs in order, each within its share of the time
 * budget and independent of the others — one that fails is logged and reported, and the rest
 * still run. Case jobs come first so the notices they queue go out in the same run; delivery
 * gets at least 40% of the budget.
 */
import type { JobReport, SchedulerContext } from './context';
import { autoCloseReplies } from './auto-close';
import { deliverDueNotifications } from './deliver';
import { remindDueCases } from './due-reminders';
import { escalateOverdue } from './escalate';
import { purgeContacts } from './retention';
import type { Budget } from '../../domain/scheduler';

type Job = (ctx: SchedulerContext, budget: Budget) => Promise<JobReport>;

/** Each job's share of what is left of the budget when it starts. */
const JOBS: readonly (readonly [name: JobName, job: Job, share: number])[] = [
  ['autoClose', autoCloseReplies, 0.2],
  ['escalate', escalateOverdue, 0.25],
  ['dueReminders', remindDueCases, 0.33],
  ['retention', purgeContacts, 0.1],
  ['delivery', deliverDueNotifications, 1],
];

export type JobName = 'autoClose' | 'escalate' | 'dueReminders' | 'retention' | 'delivery';

export interface SchedulerSummary {
  /** The run's clock (the timer's Time), ISO. */
  at: string;
  jobs: Record<JobName, JobReport>;
  elapsedMs: number;
}

export async function runScheduler(ctx: SchedulerContext): Promise<SchedulerSummary> {
  const jobs = {} as Record<JobName, JobReport>;
  for (const [name, job, share] of JOBS) {
    try {
      jobs[name] = await job(ctx, ctx.budget.portion(share));
    } catch (error) {
      console.error(`[scheduler] ${name} failed; the other jobs still run`, error);
      jobs[name] = { counts: {}, complete: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
  return { at: ctx.now.toISOString(), jobs, elapsedMs: ctx.budget.elapsedMs() };
}
