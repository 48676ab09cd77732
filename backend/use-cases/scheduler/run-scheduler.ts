/**
 * One scheduler run (a timer tick): the jobs in order, each within its share of the time
 * budget and independent of the others — one that fails is logged and reported, and the rest
 * still run. Case jobs come first so the notices they queue go out in the same run; delivery
 * gets at least 40% of the budget. One read first tells whether any case job could find work
 * at all (`anyCaseWork`): in a quiet run none of them reads anything more.
 */
import type { JobReport, SchedulerContext } from './context';
import { autoCloseReplies } from './auto-close';
import { deliverCaseNotices, deliverDueNotifications } from './deliver';
import { remindDueCases } from './due-reminders';
import { escalateOverdue } from './escalate';
import { foldFigures } from './figures';
import { purgeContacts } from './retention';
import { resumePublications } from './publications';
import { runSuggestionClock } from './suggestion-clock';
import type { Budget } from '../../domain/scheduler';
import { autoCloseCutoff, dueReminderWindow } from '../../domain/scheduler';
import { contactCutoff } from '../../domain/retention';
import { anyCaseWork } from '../../data/scheduler-queries';
import { CONTACT_RETENTION_DAYS } from '../retention';

type Job = (ctx: SchedulerContext, budget: Budget) => Promise<JobReport>;

/** Each job's share of what is left of the budget when it starts. */
const JOBS: readonly (readonly [name: JobName, job: Job, share: number])[] = [
  ['autoClose', autoCloseReplies, 0.2],
  ['escalate', escalateOverdue, 0.25],
  ['dueReminders', remindDueCases, 0.33],
  ['retention', purgeContacts, 0.1],
  ['publications', resumePublications, 0.2],
  // 代表建议: the legal clock and the residents' notices, queued before delivery sends them.
  ['suggestions', runSuggestionClock, 0.25],
  ['delivery', deliverDueNotifications, 1],
  ['caseNotices', deliverCaseNotices, 1],
  // Last: it folds what the jobs above changed in this very run, with what time is left.
  ['figures', foldFigures, 1],
];

export type JobName = 'autoClose' | 'escalate' | 'dueReminders' | 'retention' | 'publications' | 'suggestions' | 'delivery' | 'caseNotices' | 'figures';

export interface SchedulerSummary {
  /** The run's clock (the timer's Time), ISO. */
  at: string;
  jobs: Record<JobName, JobReport>;
  elapsedMs: number;
}

export async function runScheduler(context: SchedulerContext): Promise<SchedulerSummary> {
  const ctx: SchedulerContext = { ...context, casesIdle: await casesIdle(context) };
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

/** True only when the one read says no case job has anything to select; a failed read lets each job try (and report) on its own. */
async function casesIdle({ db, now }: SchedulerContext): Promise<boolean> {
  try {
    const bounds = { autoCloseCutoff: autoCloseCutoff(now), dueUntil: dueReminderWindow(now).until, now, contactCutoff: contactCutoff(now, CONTACT_RETENTION_DAYS) };
    return !(await anyCaseWork(db, bounds));
  } catch (error) {
    console.error('[scheduler] could not tell whether the case jobs have work; each tries on its own', error);
    return false;
  }
}
