/**
 * The handlers' queue (inbox): which statuses each filter shows and the order — overdue
 * first, then the earliest due, then the oldest submitted — as two indexed reads.
 *
 * Why two reads give that order without sorting everything: exactly the open statuses carry
 * a `dueAt` (every command that leaves them clears it), and an overdue case's dueAt is in the
 * past, so earlier than any case not yet due. Hence "overdue first, then earliest due" is
 * "open cases by dueAt ascending" (the `due` segment); the cases with nothing due (replied,
 * closed …) follow, oldest submitted first (the `rest` segment). A page is cut from the
 * `due` segment and topped up from `rest` once `due` runs out; counting `due` tells where.
 * Pure; data/case-queue.ts runs the reads.
 */
import type { InboxFilter } from '../../../typings/workspace';
import type { Assert, ListsEvery } from '../exhaustive';
import { maskNumbers } from '../privacy';
import type { Actor } from './actor';
import type { CaseHold, HoldReason } from './case.hold';
import { isHeld } from './case.hold';
import { canSeeNumbers } from './case.policy';
import { CASE_STATUSES, OPEN_STATUSES } from './case.status';
import type { CaseStatus } from './case.status';

export const INBOX_FILTERS = ['open', 'triage', 'overdue', 'closed', 'all'] as const satisfies readonly InboxFilter[];
export type AllInboxFiltersListed = Assert<ListsEvery<typeof INBOX_FILTERS, InboxFilter>>;

export const INBOX_PAGE_SIZE = 20;

/**
 * Statuses each filter reads. `open` is everything still owed to the resident, replied
 * included (the officer still closes it); `overdue` is the open statuses past their dueAt.
 * `closed` is every finished case: closed, rejected, withdrawn.
 */
export const INBOX_STATUSES: Readonly<Record<InboxFilter, readonly CaseStatus[]>> = {
  open: [...OPEN_STATUSES, 'replied'],
  triage: ['submitted'],
  overdue: OPEN_STATUSES,
  closed: ['closed', 'rejected', 'withdrawn'],
  all: CASE_STATUSES,
};

/** One indexed read: cases of the scope in `statuses` (due before `dueBefore`, when set). */
export interface QueueQuery {
  readonly statuses: readonly CaseStatus[];
  readonly dueBefore?: Date;
}

export interface InboxPlan {
  /** Open cases, read by dueAt ascending. */
  readonly due?: QueueQuery;
  /** Cases with nothing due, read by submittedAt ascending. */
  readonly rest?: QueueQuery;
}

export function inboxPlan(filter: InboxFilter, now: Date): InboxPlan {
  const statuses = INBOX_STATUSES[filter];
  const due = statuses.filter((status) => OPEN_STATUSES.includes(status));
  const rest = statuses.filter((status) => !OPEN_STATUSES.includes(status));
  return {
    ...(due.length ? { due: { statuses: due, ...(filter === 'overdue' ? { dueBefore: now } : {}) } } : {}),
    ...(rest.length ? { rest: { statuses: rest } } : {}),
  };
}

/**
 * The cases still owed to the resident (open and replied): what the queue's badges count, and
 * few at any time whatever a station's history — so one read over them can count every badge
 * and cut the page in the database.
 */
export const ACTIVE_STATUSES: readonly CaseStatus[] = INBOX_STATUSES.open;

/**
 * Whether the plan's `rest` segment holds active cases only (the `open` filter's replied
 * cases): then the read over the active cases serves the whole list; otherwise (`closed`,
 * `all`) the rest is a read of its own, by its index.
 */
export function restIsActive(plan: InboxPlan): boolean {
  return !!plan.rest && plan.rest.statuses.every((status) => ACTIVE_STATUSES.includes(status));
}

/** What to read of each segment for the items [start, start + count), given how many the `due` segment holds. */
export function pageWindows(start: number, count: number, dueTotal: number): { due?: { skip: number; limit: number }; rest?: { skip: number; limit: number } } {
  const fromDue = Math.max(0, Math.min(count, dueTotal - start));
  const fromRest = count - fromDue;
  return {
    ...(fromDue > 0 ? { due: { skip: start, limit: fromDue } } : {}),
    ...(fromRest > 0 ? { rest: { skip: Math.max(0, start - dueTotal), limit: fromRest } } : {}),
  };
}

/**
 * What a queue line shows of a case to `actor`: the title (numbers masked unless the reader is
 * the station's officer) and, for officers and the district office, why it is held back from
 * the deputy. A deputy never gets a held case in their queue at all (data/case-queue.ts).
 */
export function queueLine(
  row: { readonly title: string; readonly stationId: string; readonly status: CaseStatus; readonly held?: CaseHold },
  actor: Actor,
): { title: string; held?: HoldReason } {
  const title = canSeeNumbers(actor, row) ? row.title : maskNumbers(row.title);
  const seesHold = (actor.role === 'officer' || actor.role === 'admin') && isHeld(row);
  return { title, ...(seesHold && row.held ? { held: row.held.reason } : {}) };
}
