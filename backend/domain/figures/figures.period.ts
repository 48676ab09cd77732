/**
 * The period the station's figures cover: the last 12 months in Shanghai calendar days,
 * both ends included — from the day after the same date a year ago up to today. So a
 * station page read on 2025-11-25 covers 2024-11-26 … 2025-11-25, 365 days (366 over a
 * 29 February). A rolling year, not a calendar year: in January a calendar year would be
 * a handful of cases.
 */
import { addDays } from '../calendar';

export const FIGURES_PERIOD_MONTHS = 12;

export interface FiguresPeriod {
  /** 'YYYY-MM-DD', first day included. */
  readonly from: string;
  /** 'YYYY-MM-DD', last day included (today). */
  readonly to: string;
}

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

export function figuresPeriod(today: string): FiguresPeriod {
  return { from: addDays(minusMonths(today, FIGURES_PERIOD_MONTHS), 1), to: today };
}

/** The instants a query needs: `start` included, `end` excluded (midnight after `to`, Shanghai). */
export function periodInstants(period: FiguresPeriod): { start: Date; end: Date } {
  return { start: startOfShanghaiDay(period.from), end: startOfShanghaiDay(addDays(period.to, 1)) };
}

function startOfShanghaiDay(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day) - CST_OFFSET_MS);
}

/** Same day `months` earlier; a day the earlier month lacks (31st, 29 Feb) becomes its last day. */
function minusMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
