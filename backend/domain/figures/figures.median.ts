/**
 * The middle of a set of durations: robust where a mean is not — one case left waiting for
 * a month would drag an average far from what residents usually experience.
 */

/** The median of the values (the mean of the middle two for an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const HOUR_MS = 60 * 60 * 1000;

/** Median of durations in milliseconds, as hours to one decimal place; null without any. */
export function medianHours(durationsMs: readonly number[]): number | null {
  const middle = median(durationsMs);
  return middle === undefined ? null : Math.round((middle / HOUR_MS) * 10) / 10;
}
