/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings, done in UTC so the result never depends on
 * the machine's time zone. Dates in the data are Asia/Shanghai calendar days; instants go through
 * the back end's calendar, the one definition of China's offset. This module only adds strictness.
 */
import { shanghaiInstant } from '../../backend/domain/calendar';

export { shanghaiDate } from '../../backend/domain/calendar';

const DAY_MS = 86_400_000;
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcMs(ymd: string): number {
  const match = YMD.exec(ymd);
  if (!match) throw new Error(`expected a 'YYYY-MM-DD' date, got '${ymd}'`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2025-02-30 over to March; a typo should fail loudly instead.
  if (new Date(ms).getUTCDate() !== day) throw new Error(`no such date '${ymd}'`);
  return ms;
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function assertYmd(ymd: string): void {
  toUtcMs(ymd);
}

export function addDays(ymd: string, days: number): string {
  return fromUtcMs(toUtcMs(ymd) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday, as `OpeningHours.weekdays` uses. */
export function isoWeekday(ymd: string): number {
  const sundayFirst = new Date(toUtcMs(ymd)).getUTCDay();
  return sundayFirst === 0 ? 7 : sundayFirst;
}

export function dayOfMonth(ymd: string): number {
  return new Date(toUtcMs(ymd)).getUTCDate();
}

/** Months since year 0, so consecutive months differ by one across a year end. */
export function monthIndex(ymd: string): number {
  const date = new Date(toUtcMs(ymd));
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** The instant of a Shanghai wall-clock time on a given day. */
export function shanghaiTime(ymd: string, hhmm: string): Date {
  assertYmd(ymd);
  if (!/^\d{2}:\d{2}$/.test(hhmm)) throw new Error(`expected 'HH:mm', got '${hhmm}'`);
  return shanghaiInstant(ymd, hhmm);
}

export function compactYmd(ymd: string): string {
  assertYmd(ymd);
  return ymd.replace(/-/g, '');
}
