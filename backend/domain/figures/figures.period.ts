/**
 * The period the station's figures cover: the last 12 months in Shanghai calendar days,
 * both ends included — from the day after the same date a year ago up to today. So a
 * station page read on 2025-11-25 covers 2024-11-26 … 2025-11-25, 365 days (366 over a
 * 29 February). A rolling year, not a calendar year: in January a calendar year would be
 * a handful of cases.
 */
import { addDays, startOfShanghaiDay } from '../calendar';

export const FIGURES_PERIOD_MONTHS = 12;

export interface FiguresPeriod {
  /** 'YYYY-MM-DD', first day included. */
  readonly from: string;
  /** 'YYYY-MM-DD', last day included (today). */
  readonly to: string;
}

export function figuresPeriod(today: string): FiguresPeriod {
  return { from: addDays(minusMonths(today, FIGURES_PERIOD_MONTHS), 1), to: today };
}

/** The instants a query needs: `start` included, `end` excluded (midnight after `to`, Shanghai). */
export function periodInstants(period: FiguresPeriod): { start: Date; end: Date } {
  return { start: startOfShanghaiDay(period.from), end: startOfShanghaiDay(addDays(period.to, 1)) };
}

/** Same day `months` earlier; a day the earlier month lacks (31st, 29 Feb) becomes its last day. */
function minusMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * A period as the running totals answer it: the whole calendar years it covers, read from the
 * years' totals; the whole months left, from the months' totals; and the days left at either
 * end, from the days' totals — so a calendar year is one totals document per station, any
 * year about a dozen, whatever the number of cases, and never a day counted twice. Years are
 * 'YYYY', months 'YYYY-MM', days 'YYYY-MM-DD'; each range has both ends included.
 */
export interface PeriodRange {
  readonly from: string;
  readonly to: string;
}

export interface PeriodParts {
  readonly years?: PeriodRange;
  readonly months: readonly PeriodRange[];
  readonly days: readonly PeriodRange[];
}

export function periodParts(period: FiguresPeriod): PeriodParts {
  const { from, to } = period;
  const firstMonth = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
  const lastMonth = addDays(to, 1).endsWith('-01') ? to.slice(0, 7) : previousMonth(to.slice(0, 7));
  if (firstMonth > lastMonth) return { months: [], days: [{ from, to }] };
  const days: PeriodRange[] = [];
  if (from < `${firstMonth}-01`) days.push({ from, to: addDays(`${firstMonth}-01`, -1) });
  const afterLast = `${nextMonth(lastMonth)}-01`;
  if (to >= afterLast) days.push({ from: afterLast, to });
  return { ...yearsAndMonths(firstMonth, lastMonth), days };
}

/** Whole months from `first` to `last`: the whole years among them, and the months either side. */
function yearsAndMonths(first: string, last: string): Pick<PeriodParts, 'years' | 'months'> {
  const year = (month: string) => Number(month.slice(0, 4));
  const firstYear = first.endsWith('-01') ? year(first) : year(first) + 1;
  const lastYear = last.endsWith('-12') ? year(last) : year(last) - 1;
  if (firstYear > lastYear) return { months: [{ from: first, to: last }] };
  const months: PeriodRange[] = [];
  if (first < `${firstYear}-01`) months.push({ from: first, to: `${firstYear - 1}-12` });
  if (last > `${lastYear}-12`) months.push({ from: `${lastYear + 1}-01`, to: last });
  return { years: { from: String(firstYear), to: String(lastYear) }, months };
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 1)).toISOString().slice(0, 7);
}

function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m - 2, 1)).toISOString().slice(0, 7);
}

/** The whole of a 'YYYY-MM' month, as a period of days. */
export function monthPeriod(month: string): FiguresPeriod {
  return { from: `${month}-01`, to: addDays(`${nextMonth(month)}-01`, -1) };
}
