/**
 * The board's periods, in Shanghai calendar months: one month ('YYYY-MM'), or the last 12
 * months — this month and the 11 before it, the same months its figures show. Cases count in
 * the month they were closed (办结); the figures, like the district office's, in the month
 * they were submitted (figures.counts.ts).
 */
import { monthPeriod, periodInstants } from '../figures';

export const BOARD_MONTHS = 12;

/** 'YYYY-MM' with a real month. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month `offset` months after `month` (negative: before). */
export function shiftMonth(month: string, offset: number): string {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 1 + offset, 1)).toISOString().slice(0, 7);
}

/** The last 12 months up to today's ('YYYY-MM-DD', Shanghai), oldest first. */
export function boardMonths(today: string): string[] {
  const current = today.slice(0, 7);
  return Array.from({ length: BOARD_MONTHS }, (_, i) => shiftMonth(current, i - (BOARD_MONTHS - 1)));
}

/** The instants cases must have been closed between: `start` included, `end` excluded. */
export function closedWindow(month: string | undefined, today: string): { start: Date; end: Date } {
  if (month !== undefined) return periodInstants(monthPeriod(month));
  const months = boardMonths(today);
  return periodInstants({ from: monthPeriod(months[0]).from, to: monthPeriod(months[months.length - 1]).to });
}
