/**
 * What a station's handling figures count, case by case. `tally` is the definition people
 * read, and the one the running totals are computed with (figures.totals.ts): every figure
 * shown is a sum of `tally`s of a day's, a month's or a year's cases.
 *
 * The cases counted are those submitted in the period (a cohort), each in its current
 * state: a case submitted in March and closed in May counts as received and closed.
 */
import type { CaseState } from '../case/case.state';
import { countsAsClosed, countsAsRated, countsAsReceived, countsAsSatisfied } from '../case/case.figures';
import { acceptDueAt } from '../case/deadlines';
import type { Rate } from './figures.rate';
import { rate } from './figures.rate';

/** Counts only: nothing in them names, locates or tells apart a resident. */
export interface CaseCounts {
  /** Every case but those withdrawn before acceptance (countsAsReceived). */
  readonly received: number;
  /** Closed (办结) in any way, merged duplicates and quiet-period closures included. */
  readonly closed: number;
  /** The resident rated the current answer (a case closed without rating never is). */
  readonly rated: number;
  /** Rated 满意 or 基本满意 and closed on that rating: silence never counts. */
  readonly satisfied: number;
  /** Accepted (受理) by the acceptance deadline: the end of the 3rd Shanghai day after submission. */
  readonly respondedInTime: number;
}

export type CountedCase = Pick<CaseState, 'status' | 'rating' | 'closure' | 'submittedAt' | 'acceptedAt'>;

/**
 * Accepted within CASE_TIME_LIMITS.acceptDays (deadlines.ts). A rejection (不予受理) is an
 * answer too, but the case keeps no time for it, and a case still waiting — even one not
 * yet due — has not been responded to: neither counts.
 */
export function respondedInTime(state: Pick<CaseState, 'submittedAt' | 'acceptedAt'>): boolean {
  return state.acceptedAt !== undefined && state.acceptedAt.getTime() <= acceptDueAt(state.submittedAt).getTime();
}

export const NO_CASES: CaseCounts = Object.freeze({ received: 0, closed: 0, rated: 0, satisfied: 0, respondedInTime: 0 });

export function tally(cases: readonly CountedCase[]): CaseCounts {
  const count = (rule: (c: CountedCase) => boolean) => cases.filter(rule).length;
  return {
    received: count(countsAsReceived),
    closed: count(countsAsClosed),
    rated: count(countsAsRated),
    satisfied: count(countsAsSatisfied),
    respondedInTime: count(respondedInTime),
  };
}

/** 办结率: closed ÷ received. */
export const closureRate = (counts: Pick<CaseCounts, 'closed' | 'received'>): Rate => rate(counts.closed, counts.received);

/** 满意率: satisfied ÷ rated. */
export const satisfactionRate = (counts: Pick<CaseCounts, 'satisfied' | 'rated'>): Rate => rate(counts.satisfied, counts.rated);

/** 响应率: accepted by the acceptance deadline ÷ received. */
export const responseRate = (counts: Pick<CaseCounts, 'respondedInTime' | 'received'>): Rate => rate(counts.respondedInTime, counts.received);

/** The counts of two disjoint sets of cases, as one: every count is a number of cases. */
export function addCounts(a: CaseCounts, b: CaseCounts): CaseCounts {
  return {
    received: a.received + b.received,
    closed: a.closed + b.closed,
    rated: a.rated + b.rated,
    satisfied: a.satisfied + b.satisfied,
    respondedInTime: a.respondedInTime + b.respondedInTime,
  };
}
