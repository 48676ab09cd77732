/**
 * The voters' ratings of a report, counts only (who rated is never kept with them): 满意率 =
 * (满意 + 基本满意) ÷ ratings, shown as a rate only from 10 ratings, always with its count.
 */
import type { RatingValue } from '../../../typings/case';
import type { ReportRatings } from '../../../typings/report';

/** The sample a rate needs: below it a rate says more about chance than about the report. */
export const REPORT_RATING_MINIMUM = 10;

export interface RatingCounts {
  readonly satisfied: number;
  readonly basicallySatisfied: number;
  readonly unsatisfied: number;
}

export const NO_RATINGS: RatingCounts = { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 };

/** Which counter a rating adds to: the one mapping of a rating value to its count. */
export const RATING_COUNTER: Readonly<Record<RatingValue, keyof RatingCounts>> = {
  satisfied: 'satisfied',
  basically_satisfied: 'basicallySatisfied',
  unsatisfied: 'unsatisfied',
};

/** Counts as stored (a missing or broken counter is 0). */
export function ratingCountsOf(stored: Partial<Record<keyof RatingCounts, unknown>> | undefined): RatingCounts {
  const n = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);
  return { satisfied: n(stored?.satisfied), basicallySatisfied: n(stored?.basicallySatisfied), unsatisfied: n(stored?.unsatisfied) };
}

export function addRatingCounts(a: RatingCounts, b: RatingCounts): RatingCounts {
  return { satisfied: a.satisfied + b.satisfied, basicallySatisfied: a.basicallySatisfied + b.basicallySatisfied, unsatisfied: a.unsatisfied + b.unsatisfied };
}

export function withRating(counts: RatingCounts, rating: RatingValue): RatingCounts {
  const key = RATING_COUNTER[rating];
  return { ...counts, [key]: counts[key] + 1 };
}

export function reportRatings(counts: RatingCounts): ReportRatings {
  const total = counts.satisfied + counts.basicallySatisfied + counts.unsatisfied;
  return {
    ...counts,
    total,
    rate: total >= REPORT_RATING_MINIMUM ? (counts.satisfied + counts.basicallySatisfied) / total : null,
    minimum: REPORT_RATING_MINIMUM,
  };
}
