/** Wall-clock times and calendar dates of a reception, as the officer types them. */
import { addDays } from '../calendar';

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const YMD = /^\d{4}-\d{2}-\d{2}$/;

/** '09:30' → 570. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** '2026-02-30' has the right shape but is no day: adding zero days moves it. */
export function isCalendarDate(date: string): boolean {
  return YMD.test(date) && addDays(date, 0) === date;
}
