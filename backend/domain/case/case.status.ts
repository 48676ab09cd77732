/**
 * The statuses a case can be in: one string union, declared once in typings/case.ts.
 * Everything else (labels, transition table, figures) is keyed by it, so adding a status
 * fails to compile until every table says what it means.
 */
import type { CaseStatus } from '../../../typings/case';
import type { Assert, ListsEvery } from '../exhaustive';

export type { CaseStatus };

export const CASE_STATUSES = ['submitted', 'accepted', 'rejected', 'transferred', 'in_progress', 'replied', 'closed', 'withdrawn'] as const satisfies readonly CaseStatus[];

export type AllStatusesListed = Assert<ListsEvery<typeof CASE_STATUSES, CaseStatus>>;

/** Statuses in which someone still owes the resident an answer; deadlines run only here. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'accepted', 'transferred', 'in_progress'];

export const isOpen = (status: CaseStatus): boolean => OPEN_STATUSES.includes(status);

/** A resident may reopen (重办) a case at most this many times; after that they file a new one. */
export const MAX_REOPENS = 2;
