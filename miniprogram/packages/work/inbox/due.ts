/**
 * How close a case is to its deadline, in Beijing calendar days whatever the phone's zone:
 * a due time is the end of a Shanghai day (backend/domain/case/deadlines.ts), so "还剩 2 天"
 * counts dates, not 24-hour spans. Shared by the queue and the case page. Pure.
 */
import { shanghaiWallClock } from '../../../utils/china-time';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 on Beijing's calendar. */
function beijingDay(ms: number): number {
  return Math.floor(shanghaiWallClock(ms).getTime() / DAY_MS);
}

/** 'YYYY-MM-DD' of the Beijing date `days` after `at`'s. */
export function beijingDate(at: Date, days = 0): string {
  return new Date((beijingDay(at.getTime()) + days) * DAY_MS).toISOString().slice(0, 10);
}

export interface DueView {
  /** "还剩 2 天", "今天到期", "已超期 3 天"; '' without a due time. */
  text: string;
  overdue: boolean;
}

/** `overdue` from the server wins over the phone's clock, which may be behind. */
export function dueView(dueAt: string | undefined, now: Date, overdue = false): DueView {
  const due = dueAt ? Date.parse(dueAt) : NaN;
  if (Number.isNaN(due)) return { text: overdue ? '已超期' : '', overdue };
  const days = beijingDay(due) - beijingDay(now.getTime());
  if (overdue || now.getTime() > due) return { text: days < 0 ? `已超期 ${-days} 天` : '已超期', overdue: true };
  return { text: days === 0 ? '今天到期' : `还剩 ${days} 天`, overdue: false };
}
