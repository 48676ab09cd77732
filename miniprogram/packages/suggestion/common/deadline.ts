/**
 * A 代表建议's deadline is a Beijing date ('YYYY-MM-DD', the end of that day): how far off it is,
 * counted in Beijing calendar days whatever the phone's zone. Pure.
 */
import { shanghaiWallClock } from '../../../utils/china-time';

const DAY_MS = 24 * 60 * 60 * 1000;

const beijingDay = (ms: number): number => Math.floor(shanghaiWallClock(ms).getTime() / DAY_MS);
const dateDay = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
};

export interface DeadlineView {
  /** '还剩 12 天', '今天到期', '已超期 3 天'; '' without a deadline. */
  text: string;
  overdue: boolean;
  /** '2027年2月21日' */
  dateText: string;
}

/** `overdue` from the server wins over the phone's clock, which may be behind. */
export function deadlineView(deadline: string | undefined, now: Date, overdue = false): DeadlineView {
  if (!deadline || !/^\d{4}-\d{2}-\d{2}$/.test(deadline)) return { text: overdue ? '已超期' : '', overdue, dateText: '' };
  const days = dateDay(deadline) - beijingDay(now.getTime());
  const [y, m, d] = deadline.split('-').map(Number);
  const dateText = `${y}年${m}月${d}日`;
  if (overdue || days < 0) return { text: days < 0 ? `已超期 ${-days} 天` : '已超期', overdue: true, dateText };
  return { text: days === 0 ? '今天到期' : `还剩 ${days} 天`, overdue: false, dateText };
}

/** 'YYYY-MM-DD' of the Beijing date `days` after `now`'s, for a date picker's start. */
export function beijingDateAfter(now: Date, days = 0): string {
  return new Date((beijingDay(now.getTime()) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' `months` after `date`, on the last day of a shorter month (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}
