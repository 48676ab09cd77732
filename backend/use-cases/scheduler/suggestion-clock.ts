/**
 * The 代表建议 job of a scheduler run: the legal clock (config/suggestions.json) and the
 * residents' notices. One read first tells whether any of its rules could find work; then, each
 * on its own (one that fails is logged and the others still run), bounded per run:
 *   overdue   deadline passed, still assigned, unmarked → the 督办 mark (a step: version, event
 *             'overdue' by the system) and the district office's admins told;
 *   reminders the lead unit's staff `remindDaysBefore` days before its deadline, each assisting
 *             unit's staff before its own while it owes its opinion — each window once per deadline;
 *   ratings   the author `ratingReminderDays` after an answer still unrated, once per round;
 *   notices   each pending resident's notice: the linked case's resident gets caseStatusChanged on
 *             their own grant (the dispatcher's `delivery` job, right after this one, sends it), then
 *             the entry is settled — 'sent' when queued, 'skipped' when the case has no resident or
 *             is no longer linked to this suggestion.
 * Messages are queued with deterministic ids before anything is recorded, so nothing is told
 * twice; a person with no bound account is not told, and the reminder still counts as done.
 */
import suggestionsConfig from '../../../config/suggestions.json';
import type { Budget } from '../../domain/scheduler';
import {
  dueDeadlineReminders,
  needsOverdueMark,
  needsRatingReminder,
  overdueStep,
  ratingReminderCutoff,
  ratingReminderKey,
  reminderHorizon,
} from '../../domain/scheduler/suggestion-clock';
import type { SuggestionResidentNotice } from '../../domain/suggestion/suggestion.document';
import { suggestionSettings } from '../../domain/suggestion/suggestion.settings';
import type { NotificationDocument } from '../../data/notifications';
import { insertNotificationOnce } from '../../data/notifications';
import type { SuggestionClockBounds } from '../../data/suggestion-clock';
import {
  anySuggestionWork,
  linkedCases,
  overdueUnmarked,
  recordReminders,
  settleNotices,
  suggestionsInReminderWindow,
  suggestionsWithPendingNotices,
  unratedAnswersBefore,
} from '../../data/suggestion-clock';
import { deputyAccounts, staffAudience } from '../../data/suggestion-recipients';
import { commitSuggestionStep } from '../../data/suggestions';
import type { Page } from '../../data/scheduler-queries';
import { deadlineReminder, overdueNotice, ratingReminder, residentNotice } from '../../notifications/suggestion-notices';
import type { JobReport, SchedulerContext } from './context';

/** Read once per instance; a bad value fails the scheduler at load, never a unit's deadline. */
export const SUGGESTION_CLOCK = suggestionSettings(suggestionsConfig);

/** Suggestions read per page, and at most per rule and run: a district's assigned suggestions fit many times over. */
const PAGE = 50;
const MAX_PER_RUN = 500;
/** Pages of pending notices are smaller: each suggestion may carry up to 50 linked cases' notices. */
const NOTICE_PAGE = 20;

type Counts = Record<string, number>;
type Rule = (ctx: SchedulerContext, budget: Budget, counts: Counts) => Promise<boolean>;

const RULES: readonly (readonly [name: string, rule: Rule])[] = [
  ['overdue', markOverdueSuggestions],
  ['reminders', remindDeadlines],
  ['ratings', remindRatings],
  ['notices', queueResidentNotices],
];

export async function runSuggestionClock(ctx: SchedulerContext, budget: Budget): Promise<JobReport> {
  const counts: Counts = { overdue: 0, officeTold: 0, reminded: 0, ratingReminded: 0, unreachable: 0, residentQueued: 0, residentSkipped: 0, conflicts: 0, errors: 0 };
  const bounds = boundsAt(ctx.now);
  if (!(await anySuggestionWork(ctx.db, bounds))) return { counts, complete: true };
  let complete = true;
  for (const [name, rule] of RULES) {
    try {
      if (!(await rule(ctx, budget, counts))) complete = false;
    } catch (error) {
      console.error(`[scheduler] suggestions.${name} failed; the other rules still run`, error);
      counts.errors += 1;
      complete = false;
    }
  }
  return { counts, complete };
}

function boundsAt(now: Date): SuggestionClockBounds {
  return { now, horizon: reminderHorizon(now, SUGGESTION_CLOCK), ratingCutoff: ratingReminderCutoff(now, SUGGESTION_CLOCK) };
}

/**
 * Pages through a selection: `act` answers whether the record left it (acted on); one that did
 * not is skipped on the next page, so a stuck one never blocks the rest. True when done.
 */
async function eachPage<R>(budget: Budget, size: number, select: (page: Page) => Promise<R[]>, act: (records: R[]) => Promise<number>): Promise<boolean> {
  let stayed = 0;
  let seen = 0;
  for (;;) {
    if (budget.expired() || seen >= MAX_PER_RUN) return false;
    const records = await select({ skip: stayed, limit: size });
    seen += records.length;
    const left = await act(records);
    stayed += records.length - left;
    if (records.length < size) return true;
  }
}

async function queue(ctx: SchedulerContext, messages: readonly NotificationDocument[]): Promise<number> {
  let queued = 0;
  for (const message of messages) if (await insertNotificationOnce(ctx.db, message)) queued += 1;
  return queued;
}

async function markOverdueSuggestions(ctx: SchedulerContext, budget: Budget, counts: Counts): Promise<boolean> {
  const { db, now } = ctx;
  return eachPage(
    budget,
    PAGE,
    (page) => overdueUnmarked(db, now, page),
    async (records) => {
      const due = records.filter((record) => needsOverdueMark(record, now));
      const { offices } = await staffAudience(db, { unitIds: [], districts: due.map((record) => record.district) });
      let left = 0;
      for (const record of due) {
        if (budget.expired()) break;
        const step = overdueStep(record, now, SUGGESTION_CLOCK);
        // A unit answering (or the office granting an extension) meanwhile wins: the next run looks again.
        if (!(await commitSuggestionStep(db, record, step.next, step.event))) {
          counts.conflicts += 1;
          continue;
        }
        left += 1;
        counts.overdue += 1;
        const admins = offices.get(record.district) ?? [];
        if (admins.length === 0) counts.unreachable += 1;
        counts.officeTold += await queue(
          ctx,
          admins.map((openid) => overdueNotice(record, record.deadline!, openid, now)),
        );
      }
      return left;
    },
  );
}

async function remindDeadlines(ctx: SchedulerContext, budget: Budget, counts: Counts): Promise<boolean> {
  const { db, now } = ctx;
  const bounds = boundsAt(now);
  // Reminded suggestions stay inside their window: the whole window is read, page by page, up to the run's bound.
  return eachPage(
    budget,
    PAGE,
    (page) => suggestionsInReminderWindow(db, bounds, page),
    async (records) => {
      const due = records.map((record) => ({ record, reminders: dueDeadlineReminders(record, now, SUGGESTION_CLOCK) })).filter(({ reminders }) => reminders.length > 0);
      if (due.length === 0) return 0;
      const { units } = await staffAudience(db, { unitIds: due.flatMap(({ reminders }) => reminders.map((r) => r.unitId)), districts: [] });
      for (const { record, reminders } of due) {
        if (budget.expired()) break;
        for (const reminder of reminders) {
          const staff = units.get(reminder.unitId) ?? [];
          if (staff.length === 0) counts.unreachable += 1;
          counts.reminded += await queue(
            ctx,
            staff.map((openid) => deadlineReminder(record, reminder, openid, now)),
          );
        }
        if (
          !(await recordReminders(
            db,
            record,
            reminders.flatMap((r) => r.keys),
          ))
        )
          counts.conflicts += 1;
      }
      return 0;
    },
  );
}

async function remindRatings(ctx: SchedulerContext, budget: Budget, counts: Counts): Promise<boolean> {
  const { db, now } = ctx;
  return eachPage(
    budget,
    PAGE,
    (page) => unratedAnswersBefore(db, ratingReminderCutoff(now, SUGGESTION_CLOCK), page),
    async (records) => {
      const due = records.filter((record) => needsRatingReminder(record, now, SUGGESTION_CLOCK));
      const deputies = await deputyAccounts(
        db,
        due.map((record) => record.deputyId),
      );
      let left = 0;
      for (const record of due) {
        if (budget.expired()) break;
        const key = ratingReminderKey(record.round);
        const openids = deputies.get(record.deputyId) ?? [];
        if (openids.length === 0) counts.unreachable += 1;
        counts.ratingReminded += await queue(
          ctx,
          openids.map((openid) => ratingReminder(record, key, openid, now)),
        );
        if (await recordReminders(db, record, [key])) left += 1;
        else counts.conflicts += 1;
      }
      return left;
    },
  );
}

async function queueResidentNotices(ctx: SchedulerContext, budget: Budget, counts: Counts): Promise<boolean> {
  const { db, now } = ctx;
  return eachPage(
    budget,
    NOTICE_PAGE,
    (page) => suggestionsWithPendingNotices(db, page),
    async (records) => {
      const cases = await linkedCases(
        db,
        records.flatMap((record) => record.outbox.filter((notice) => notice.status === 'pending').map((notice) => notice.caseId)),
      );
      let left = 0;
      for (const record of records) {
        if (budget.expired()) break;
        const outbox: SuggestionResidentNotice[] = [];
        for (const notice of record.outbox) {
          if (notice.status !== 'pending') {
            outbox.push(notice);
            continue;
          }
          const kase = cases.get(notice.caseId);
          // Told only while the case is still this suggestion's, and only if someone owns it.
          if (!kase?.ownerOpenid || kase.suggestionId !== record._id) {
            outbox.push({ ...notice, status: 'skipped', settledAt: now });
            counts.residentSkipped += 1;
            continue;
          }
          if (await insertNotificationOnce(db, residentNotice(record, notice, { id: kase.id, receiptNo: kase.receiptNo, ownerOpenid: kase.ownerOpenid }, now)))
            counts.residentQueued += 1;
          outbox.push({ ...notice, status: 'sent', settledAt: now });
        }
        if (await settleNotices(db, record, outbox)) left += 1;
        else counts.conflicts += 1;
      }
      return left;
    },
  );
}
