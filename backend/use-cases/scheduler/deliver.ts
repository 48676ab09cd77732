/**
 * Jobs 4 and 5: the outboxes. `delivery` sends what the `notifications` collection holds —
 * booking reminders (due 09:00 Shanghai the day before), followers' notices, deadline reminders —
 * and retries of its transient failures once their back-off has passed; `caseNotices` does the
 * same for the messages inside cases (retries, and claims a crashed command left behind), which
 * a command otherwise sends itself right after its change. Batch after batch until nothing is
 * due or the budget ends. Separate jobs, so cases out of reach never hold up a booking reminder.
 */
import type { Budget } from '../../domain/scheduler';
import type { DeliveryOutcome, DispatchDeps, StopSignal } from '../../notifications/dispatch';
import { dispatchDueCaseNotices, dispatchDueCollection } from '../../notifications/dispatch';
import type { JobReport, SchedulerContext } from './context';
import { idleReport } from './context';

const BATCH = 20;

type Dispatch = (deps: DispatchDeps, now: Date, limit: number, stop: StopSignal) => Promise<DeliveryOutcome[]>;

const zero = (): Record<DeliveryOutcome, number> => ({ sent: 0, skipped_no_grant: 0, retry: 0, failed: 0, taken: 0 });

async function deliverAll(ctx: SchedulerContext, budget: Budget, dispatch: Dispatch): Promise<JobReport> {
  const counts = zero();
  for (;;) {
    if (budget.expired()) return { counts: { ...counts }, complete: false };
    const outcomes = await dispatch(ctx, ctx.now, BATCH, budget);
    for (const outcome of outcomes) counts[outcome] += 1;
    // A retry is never due again within the same run (its back-off is at least a minute), so a short batch means done.
    if (outcomes.length < BATCH) return { counts: { ...counts }, complete: !budget.expired() || outcomes.length === 0 };
  }
}

export function deliverDueNotifications(ctx: SchedulerContext, budget: Budget): Promise<JobReport> {
  return deliverAll(ctx, budget, dispatchDueCollection);
}

export async function deliverCaseNotices(ctx: SchedulerContext, budget: Budget): Promise<JobReport> {
  if (ctx.casesIdle) return idleReport(zero());
  return deliverAll(ctx, budget, dispatchDueCaseNotices);
}
