/**
 * One line of the district's figures as the office reads it: the counts turned into rates
 * by the definitions of figures.counts.ts, each with its sample, and the median time to a
 * first answer. Pure shaping: the counting happened in the database.
 */
import type { FiguresRow, RateView } from '../../../typings/workspace';
import type { CaseCounts } from './figures.counts';
import { closureRate, responseRate, satisfactionRate } from './figures.counts';
import { medianHours } from './figures.median';
import type { Rate } from './figures.rate';

export type FiguresLine = Omit<FiguresRow, 'id' | 'name' | 'rank'>;

/** A rate as the API shows it: the hits, the sample, and no value (null) over an empty sample. */
export function rateView(numerator: number, rate: Rate): RateView {
  return { numerator, denominator: rate.sample, value: rate.value ?? null };
}

/** `firstResponsesMs`: for each case answered (accepted or rejected), the time from submission to that answer. */
export function figuresLine(counts: CaseCounts, firstResponsesMs: readonly number[]): FiguresLine {
  return {
    received: counts.received,
    responseRate: rateView(counts.respondedInTime, responseRate(counts)),
    closureRate: rateView(counts.closed, closureRate(counts)),
    satisfactionRate: rateView(counts.satisfied, satisfactionRate(counts)),
    medianFirstResponseHours: medianHours(firstResponsesMs),
    firstResponseSample: firstResponsesMs.length,
  };
}
