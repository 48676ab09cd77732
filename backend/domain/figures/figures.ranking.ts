/**
 * The ranking of stations or deputies on the district's figures. Only a row with enough
 * rated cases has a place: 1 satisfied resident of 1 rated (100%) must not outrank 95 of 100.
 * Order: 满意率, then 办结率, then cases received (more work done ranks higher at equal rates).
 * Equal on all three, rows share a place and the next place is skipped ("1224"
 * standard competition ranking), so a place always says how many rows did better.
 */
import type { CaseCounts } from './figures.counts';

export const RANKING_MINIMUM_RATED = 10;

export type Ranked = Pick<CaseCounts, 'received' | 'closed' | 'rated' | 'satisfied'>;

/** Rates compared exactly on their counts (a/b vs c/d as a·d vs c·b): no floating-point ties. */
function compareRates(hitsA: number, ofA: number, hitsB: number, ofB: number): number {
  return hitsB * ofA - hitsA * ofB;
}

/** Negative when `a` ranks before `b`, 0 when they share a place. */
export function compareForRanking(a: Ranked, b: Ranked): number {
  return compareRates(a.satisfied, a.rated, b.satisfied, b.rated) || compareRates(a.closed, a.received, b.closed, b.received) || b.received - a.received;
}

/** The 1-based place of each ranked row by id; rows under the minimum get none. */
export function rankRows<R extends Ranked & { readonly id: string }>(rows: readonly R[]): Map<string, number> {
  const eligible = rows.filter((row) => row.rated >= RANKING_MINIMUM_RATED).sort(compareForRanking);
  const places = new Map<string, number>();
  eligible.forEach((row, index) => {
    const previous = eligible[index - 1];
    const place = previous && compareForRanking(previous, row) === 0 ? places.get(previous.id)! : index + 1;
    places.set(row.id, place);
  });
  return places;
}
