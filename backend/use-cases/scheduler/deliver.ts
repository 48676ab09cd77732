/**
 * Job 4: the outbox. Everything due goes out — booking reminders (due 09:00 Shanghai the day
 * before), handlers' notices, and retries of transient failures once their back-off has passed
 * (notifications/retry-policy.ts) — batch after batch until nothing is due or the budget ends.
 */
import type { Budget } from '../../domain/scheduler';
import type { DeliveryOutcome } from '../../notifications/dispatch';
import { dispatchDueNotifications } from '../../notifications/dispatch';
import type { JobReport, SchedulerContext } from './context';

const BATCH = 20;

export async function deliverDueNotifications(ctx: SchedulerContext, budget: Budget): Promise<JobReport> {
  const counts: Record<DeliveryOutcome, number> = { sent: 0, skipped_no_grant: 0, retry: 0, failed: 0, taken: 0 };
  for (;;) {
    if (budget.expired()) return { counts: { ...counts }, complete: false };
    const outcomes = await dispatchDueNotifications(ctx, ctx.now, BATCH, budget);
    for (const outcome of outcomes) counts[outcome] += 1;
    // A retry is never due again within the same run (its back-off is at least a minute), so a short batch means done.
    if (outcomes.length < BATCH) return { counts: { ...counts }, complete: !budget.expired() || outcomes.length === 0 };
  }
}
