/**
 * One line of the district's figures as the office reads it: the counts turned into rates
 * by the definitions of figures.counts.ts, each with its sample, and the median time to a
 * first answer (figures.first-answer.ts). Pure shaping: the counting happened in the totals.
 */
import type { FiguresRow, RateView } from '../../../typings/workspace';
import { closureRate, responseRate, satisfactionRate } from './figures.counts';
import { firstAnswerSample, medianFirstAnswerHours } from './figures.first-answer';
import type { Rate } from './figures.rate';
import type { Totals } from './figures.totals';

export type FiguresLine = Omit<FiguresRow, 'id' | 'name' | 'rank'>;

/** A rate as the API shows it: the hits, the sample, and no value (null) over an empty sample. */
export function rateView(numerator: number, rate: Rate): RateView {
  return { numerator, denominator: rate.sample, value: rate.value ?? null };
}

export function figuresLine(totals: Totals): FiguresLine {
  return {
    received: totals.received,
    responseRate: rateView(totals.respondedInTime, responseRate(totals)),
    closureRate: rateView(totals.closed, closureRate(totals)),
    satisfactionRate: rateView(totals.satisfied, satisfactionRate(totals)),
    medianFirstResponseHours: medianFirstAnswerHours(totals.firstAnswers),
    firstResponseSample: firstAnswerSample(totals.firstAnswers),
  };
}
