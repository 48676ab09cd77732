/**
 * How a case counts in the accountability figures (办结率 = closed ÷ received,
 * 满意率 = satisfied ÷ rated). The seed districts report 100% on both; these rules make
 * sure the app can only show the real figures.
 */
import type { CaseState } from './case.state';
import { SATISFIED_RATINGS } from './case.state';

type Counted = Pick<CaseState, 'status' | 'rating' | 'closure'>;

/** Received: every case but the ones the resident withdrew before acceptance. */
export const countsAsReceived = (state: Pick<CaseState, 'status'>): boolean => state.status !== 'withdrawn';

/** Closed (办结), whatever the way — including merged duplicates and quiet-period closures. */
export const countsAsClosed = (state: Counted): boolean => state.status === 'closed' && state.closure !== undefined;

/** The resident rated the current answer and the case was not closed without rating. */
export const countsAsRated = (state: Counted): boolean => state.rating !== undefined && !(state.closure?.withoutRating ?? false);

/** Satisfied (满意 or 基本满意) by the resident's own rating: silence never counts. */
export function countsAsSatisfied(state: Counted): boolean {
  if (state.status !== 'closed' || !state.closure || state.closure.withoutRating) return false;
  return state.rating !== undefined && SATISFIED_RATINGS.includes(state.rating.value);
}
