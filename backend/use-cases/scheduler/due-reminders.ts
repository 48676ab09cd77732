/**
 * Job 3: handlers hear once, a day ahead, of each deadline (受理、答复、转办回复): the station's
 * officers, and the deputy once one is assigned. One outbox message per case, deadline and
 * person (`<caseId>:due:<dueAt ms>:<openid>`): a rerun finds the deadline's key already queued
 * and looks no further; a second scheduler racing it hits the same ids and queues nothing.
 */
import type { Budget } from '../../domain/scheduler';
import { dueReminderId, dueReminderKey, dueReminderValues, dueReminderWindow, needsDueReminder, responsibleHandlers } from '../../domain/scheduler';
import { handlerOpenids } from '../../data/handler-accounts';
import type { NotificationDocument } from '../../data/notifications';
import { insertNotificationOnce, queuedDueKeys } from '../../data/notifications';
import type { DueCase } from '../../data/scheduler-queries';
import { openCasesDueBetween } from '../../data/scheduler-queries';
import { HANDLER_CASE_PAGE } from '../../notifications/handler-notices';
import { outboxDocument } from '../../notifications/outbox';
import type { JobReport, SchedulerContext } from './context';
import { idleReport, PAGE_SIZE } from './context';

/** Cases looked at per run; a district's next-24-hours deadlines fit many times over. */
const MAX_CASES_PER_RUN = 1000;

export async function remindDueCases(ctx: SchedulerContext, budget: Budget): Promise<JobReport> {
  const { db, now } = ctx;
  const { after, until } = dueReminderWindow(now);
  const counts = { cases: 0, queued: 0, unreachable: 0 };
  if (ctx.casesIdle) return idleReport(counts);
  const report = (complete: boolean): JobReport => ({ counts: { ...counts }, complete });
  for (let skip = 0; skip < MAX_CASES_PER_RUN; skip += PAGE_SIZE) {
    if (budget.expired()) return report(false);
    const page = await openCasesDueBetween(db, after, until, { skip, limit: PAGE_SIZE });
    const queued = await queuedDueKeys(
      db,
      page.map((c) => c.id),
      page.map((c) => dueReminderKey(c.id, c.dueAt)),
    );
    for (const dueCase of page) {
      if (queued.has(dueReminderKey(dueCase.id, dueCase.dueAt)) || !needsDueReminder(dueCase, now)) continue;
      if (budget.expired()) return report(false);
      const openids = await handlerOpenids(db, responsibleHandlers(dueCase));
      // Nobody with a bound account: looked up again next run, in case someone binds one.
      if (openids.length === 0) counts.unreachable += 1;
      else counts.cases += 1;
      for (const openid of openids) if (await insertNotificationOnce(db, reminderFor(dueCase, openid, now))) counts.queued += 1;
    }
    if (page.length < PAGE_SIZE) return report(true);
  }
  return report(false);
}

function reminderFor(dueCase: DueCase, openid: string, now: Date): NotificationDocument {
  const message = {
    _id: dueReminderId(dueCase.id, dueCase.dueAt, openid),
    openid,
    kind: 'handlerTask' as const,
    values: dueReminderValues(dueCase),
    page: `${HANDLER_CASE_PAGE}?id=${dueCase.id}`,
    caseId: dueCase.id,
    dueKey: dueReminderKey(dueCase.id, dueCase.dueAt),
  };
  return outboxDocument(message, now);
}
