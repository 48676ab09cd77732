/**
 * Calendar arithmetic in China Standard Time (Asia/Shanghai), the back end's one definition of
 * it. Functions run in UTC, so it matters. China has had no daylight saving since 1991, so a
 * fixed +08:00 offset is exact: no time-zone database (dayjs's timezone plugin reads the
 * platform's Intl data) is needed to get it right.
 */

/** Minutes east of UTC. */
export const CHINA_UTC_OFFSET_MINUTES = 8 * 60;

const OFFSET_MS = CHINA_UTC_OFFSET_MINUTES * 60 * 1000;

/** The instant moved so that its UTC fields read Shanghai's wall clock: for formatting only. */
export function shanghaiWallClock(instant: Date): Date {
  return new Date(instant.getTime() + OFFSET_MS);
}

/** 'YYYY-MM-DD' of the given instant in Asia/Shanghai. */
export function shanghaiDate(instant: Date): string {
  return shanghaiWallClock(instant).toISOString().slice(0, 10);
}

/** '08:30': the instant on Shanghai's wall clock. */
export function shanghaiClock(instant: Date): string {
  return shanghaiWallClock(instant).toISOString().slice(11, 16);
}

/** '2026-11-25' + '09:30' → the instant 2026-11-25T01:30:00Z; anything but those two shapes is an invalid Date. */
export function shanghaiInstant(date: string, hhmm: string): Date {
  return new Date(Date.parse(`${date}T${hhmm}:00Z`) - OFFSET_MS);
}

/** Midnight at the start of a 'YYYY-MM-DD' day in Asia/Shanghai. */
export function startOfShanghaiDay(date: string): Date {
  return shanghaiInstant(date, '00:00');
}

/** 'YYYY-MM-DD' plus n calendar days. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * 'YYYY-MM-DD' plus n calendar months, the day kept or, where the month is shorter, its last day
 * (11-30 + 3 months → 02-28): how a legal "three months" is counted.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** Saturday or Sunday, for a 'YYYY-MM-DD' day. */
export function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * 'YYYY-MM-DD' plus n working days, weekends skipped. Public holidays and their make-up days (调休)
 * come from the State Council's yearly notice, data the domain does not have: a 7-working-day limit
 * counted here can end a day or two earlier than the official calendar's over a holiday.
 */
export function addWorkingDays(date: string, days: number): string {
  let day = date;
  for (let left = days; left > 0;) {
    day = addDays(day, 1);
    if (!isWeekend(day)) left -= 1;
  }
  return day;
}
