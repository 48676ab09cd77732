/**
 * Calendar arithmetic in China Standard Time. China has had no daylight saving since
 * 1991, so a fixed +08:00 offset is exact — and functions run in UTC, so it matters.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of the given instant in Asia/Shanghai. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' plus n calendar days. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
