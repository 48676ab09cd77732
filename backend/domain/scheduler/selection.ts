/**
 * Which cases a scheduler run acts on, as pure rules. The queries in
 * data/scheduler-queries.ts select with the bounds computed here, and the same predicates
 * (unit-tested) say what those bounds mean; the case domain still decides each command.
 */
import type { CaseState } from '../case/case.state';
import { isOpen } from '../case/case.status';
import { CASE_TIME_LIMITS, hasElapsed, isOverdue } from '../case/deadlines';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Handlers hear of a deadline once, this long before it. */
export const DUE_REMINDER_HOURS = 24;

/** Replies at or before this instant, unrated, are closed automatically. */
export const autoCloseCutoff = (now: Date): Date => new Date(now.getTime() - CASE_TIME_LIMITS.autoCloseDays * DAY_MS);

/** A 15-day-old reply nobody rated: closed without rating (never counted as satisfied). */
export function isAutoClosable(state: Pick<CaseState, 'status' | 'rating' | 'repliedAt'>, now: Date): boolean {
  return state.status === 'replied' && !state.rating && !!state.repliedAt && hasElapsed(state.repliedAt, CASE_TIME_LIMITS.autoCloseDays, now);
}

/** An earlier 督办 at or before this instant no longer holds off the next one. */
export const escalationRepeatCutoff = (now: Date): Date => new Date(now.getTime() - CASE_TIME_LIMITS.escalateRepeatDays * DAY_MS);

/** Open, past its due time, and not escalated within the repeat period. */
export function isEscalationDue(state: Pick<CaseState, 'status' | 'dueAt' | 'lastEscalatedAt'>, now: Date): boolean {
  if (!isOverdue(state, now)) return false;
  return !state.lastEscalatedAt || hasElapsed(state.lastEscalatedAt, CASE_TIME_LIMITS.escalateRepeatDays, now);
}

/** Deadlines after `after` and at or before `until` are reminded of in a run at `now`. */
export function dueReminderWindow(now: Date): { after: Date; until: Date } {
  return { after: now, until: new Date(now.getTime() + DUE_REMINDER_HOURS * HOUR_MS) };
}

/** Open and due within the next 24 hours (an overdue case is escalated instead). */
export function needsDueReminder(state: Pick<CaseState, 'status' | 'dueAt'>, now: Date): boolean {
  if (!isOpen(state.status) || !state.dueAt) return false;
  const { after, until } = dueReminderWindow(now);
  return state.dueAt.getTime() > after.getTime() && state.dueAt.getTime() <= until.getTime();
}

/**
 * Who answers for a deadline: the station's liaison officers always (they triage, route and
 * chase), and the assigned deputy once there is one.
 */
export function responsibleHandlers(state: Pick<CaseState, 'stationId' | 'assignedDeputyId'>): { stationId: string; deputyId?: string } {
  return state.assignedDeputyId ? { stationId: state.stationId, deputyId: state.assignedDeputyId } : { stationId: state.stationId };
}

/** One reminder per case and deadline: a new deadline (after a reopen, a transfer) is reminded of again. */
export const dueReminderKey = (caseId: string, dueAt: Date): string => `${caseId}:due:${dueAt.getTime()}`;

/** The outbox id of one handler's reminder: a rerun, or a second scheduler, cannot queue it twice. */
export const dueReminderId = (caseId: string, dueAt: Date, openid: string): string => `${dueReminderKey(caseId, dueAt)}:${openid}`;
