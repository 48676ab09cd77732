/**
 * The board's monthly figures: the district office's definitions (figures.counts.ts) and its
 * sample rule — every rate with its count, and no rate (null) over an empty sample — applied to
 * each month's running totals. Pure shaping: the counting happened in the totals.
 */
import type { BoardMonth } from '../../../typings/board';
import type { CaseCounts } from '../figures';
import { closureRate, NO_CASES, rateView, responseRate, satisfactionRate } from '../figures';

export function boardMonth(month: string, counts: CaseCounts = NO_CASES): BoardMonth {
  return {
    month,
    received: counts.received,
    closed: counts.closed,
    responseRate: rateView(counts.respondedInTime, responseRate(counts)),
    closureRate: rateView(counts.closed, closureRate(counts)),
    satisfactionRate: rateView(counts.satisfied, satisfactionRate(counts)),
  };
}

/** Every month of `months` in order, those without cases as zeros without rates. */
export function boardFigures(months: readonly string[], totals: ReadonlyMap<string, CaseCounts>): BoardMonth[] {
  return months.map((month) => boardMonth(month, totals.get(month)));
}
