/**
 * Time limits of case handling, in one table. Calendar days in Asia/Shanghai: working
 * days would need the State Council's yearly holiday notice (调休), which is data the
 * domain does not have; a working-day calendar can replace `dueAfter` later.
 */
import { addDays, shanghaiDate, startOfShanghaiDay } from '../calendar';
import { fail, ok } from '../result';
import type { Result } from '../result';
import type { CaseState } from './case.state';
import { isOpen } from './case.status';

export const CASE_TIME_LIMITS = {
  /** A new case must be accepted or rejected by the end of the 3rd day after submission. */
  acceptDays: 3,
  /** A reply is due by the end of the 15th day after acceptance (and after a reopen). */
  replyDays: 15,
  /** An officer may close an unrated reply only after 7 days, so the resident can rate first. */
  closeQuietDays: 7,
  /** The scheduler closes a reply nobody rated after 15 days; never counted as satisfied. */
  autoCloseDays: 15,
  /** A case closed without a satisfied rating may be reopened within 30 days of closing. */
  reopenWindowDays: 30,
  /** An overdue case is escalated (督办) again at most every 3 days. */
  escalateRepeatDays: 3,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The last millisecond of a 'YYYY-MM-DD' day in Asia/Shanghai. */
export function endOfShanghaiDay(date: string): Date {
  return new Date(startOfShanghaiDay(addDays(date, 1)).getTime() - 1);
}

/** End of the Shanghai day `days` calendar days after `from`. */
export function dueAfter(from: Date, days: number): Date {
  return endOfShanghaiDay(addDays(shanghaiDate(from), days));
}

export const acceptDueAt = (submittedAt: Date): Date => dueAfter(submittedAt, CASE_TIME_LIMITS.acceptDays);

export const replyDueAt = (from: Date): Date => dueAfter(from, CASE_TIME_LIMITS.replyDays);

/** Whether at least `days` × 24 hours have passed since `since`. */
export function hasElapsed(since: Date, days: number, now: Date): boolean {
  return now.getTime() - since.getTime() >= days * DAY_MS;
}

/** Someone owes the resident something and its deadline has passed. */
export function isOverdue(state: Pick<CaseState, 'status' | 'dueAt'>, now: Date): boolean {
  return isOpen(state.status) && state.dueAt !== undefined && now.getTime() > state.dueAt.getTime();
}

/**
 * A transfer's deadline as the officer picks it ('YYYY-MM-DD'): the end of that Shanghai day,
 * which must be after today — a receiving body is never given a deadline it has already met or missed.
 */
export function transferDeadline(date: string, now: Date): Result<Date> {
  if (date <= shanghaiDate(now)) return fail('INVALID_INPUT', '办理期限须晚于今天', 'deadline');
  return ok(endOfShanghaiDay(date));
}
