/**
 * How long a resident's contact stays on a case once the case has ended, and on a 立法意见 comment
 * once its consultation has closed. Pure: the clock and the configured days come in, a cut-off
 * goes out; the data layer finds the cases and comments.
 */
import type { CaseState } from '../case';
import { CASE_TIME_LIMITS } from '../case';
import { shanghaiDate } from '../calendar';

/** Statuses nothing follows except a reopen within its window: a case in one of them has ended. */
export const ENDED_STATUSES = ['closed', 'rejected', 'withdrawn'] as const;
export type EndedStatus = (typeof ENDED_STATUSES)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The configured days, checked: a number of whole days, never shorter than the reopen window
 * (handlers need the contact of a reopened case), so a typo cannot purge live contacts.
 */
export function contactRetentionDays(config: { contactRetentionDays?: unknown }): number {
  const days = config.contactRetentionDays;
  if (typeof days !== 'number' || !Number.isInteger(days)) throw new Error('config/retention.json: contactRetentionDays must be a whole number of days');
  if (days < CASE_TIME_LIMITS.reopenWindowDays) {
    throw new Error(`config/retention.json: contactRetentionDays must be at least ${CASE_TIME_LIMITS.reopenWindowDays} (the reopen window)`);
  }
  return days;
}

/** Cases that ended at or before this instant have kept the contact long enough. */
export const contactCutoff = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);

/** When the case ended: the closure for closed cases, the last change for rejected and withdrawn ones. */
export function endedAt(state: Pick<CaseState, 'status' | 'closure' | 'updatedAt'>): Date | undefined {
  if (state.status === 'closed') return state.closure ? new Date(state.closure.at) : undefined;
  if (state.status === 'rejected' || state.status === 'withdrawn') return new Date(state.updatedAt);
  return undefined;
}

/** Whether the contact must go now: ended, with a contact, at least `days` ago. */
export function contactExpired(state: Pick<CaseState, 'status' | 'closure' | 'updatedAt' | 'contact'>, now: Date, days: number): boolean {
  const ended = endedAt(state);
  return state.contact !== undefined && ended !== undefined && ended.getTime() <= contactCutoff(now, days).getTime();
}

/**
 * Comments: a consultation closes at the end of its `closesOn` (Shanghai), so one whose last day
 * is before the Shanghai day of the cut-off closed at or before it. Answers that day: comments
 * with `closesOn` earlier than it have kept their contact long enough.
 */
export const commentContactsClosedBefore = (now: Date, days: number): string => shanghaiDate(contactCutoff(now, days));
