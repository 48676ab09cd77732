/**
 * Calendar dates ('YYYY-MM-DD', Asia/Shanghai, as the server sends them) as people read them.
 * Pure and zone-proof: weekdays are computed in UTC from the date itself. Unit-tested in
 * test/miniprogram/work-desk-view-models.test.ts.
 */
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const DAY_MS = 24 * 60 * 60 * 1000;

const utcDay = (date: string): number => {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
};

export function weekday(date: string): string {
  return WEEKDAYS[new Date(utcDay(date)).getUTCDay()] ?? '';
}

/** '11月25日 周二' */
export function dayText(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return month && day ? `${month}月${day}日 ${weekday(date)}` : '';
}

/** The date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(utcDay(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** '今天' / '明天' / the weekday, for a heading next to the date. */
export function relativeDay(date: string, today: string): string {
  if (date === today) return '今天';
  if (date === addDays(today, 1)) return '明天';
  return weekday(date);
}
