/**
 * Groups the officer's reception schedule by day. Pure: dates are 'YYYY-MM-DD' Asia/Shanghai
 * from the server and today is passed in. Unit-tested in test/miniprogram/work-desk-view-models.test.ts.
 */
import type { ScheduledReception } from '../../../../typings/workspace';
import { EVENT_KIND_LABELS } from '../../../generated/rules';
import { dayText, relativeDay } from './day-label';

export interface ReceptionItem {
  id: string;
  /** '09:00-11:00' */
  time: string;
  stationName: string;
  /** '李明 ✓、陈红': ✓ for those who checked in. */
  deputiesText: string;
  /** '09:00-09:30 1/2' each. */
  slots: string[];
  /** '已约 3 人' or '暂无预约'; '' for a 述职会, which takes no bookings. */
  bookingsText: string;
  /** A 述职会 (deputies report to the voters), not a reception day. */
  reportMeeting: boolean;
  /** A 代表论坛 / 约见: its name, topic and '报名 3 人 · 提问 2 条 · 已发布回顾'; null for the other kinds. */
  event: { label: string; topic: string; countsText: string } | null;
}

export interface DayGroup {
  date: string;
  /** '今天 11月25日' / '明天 11月26日' / '11月27日 周四'. */
  title: string;
  past: boolean;
  /** Today's receptions get 出示签到码: the presence code exists on the day only. */
  today: boolean;
  receptions: ReceptionItem[];
}

export function dayTitle(date: string, today: string): string {
  const relative = relativeDay(date, today);
  return relative === '今天' || relative === '明天' ? `${relative} ${dayText(date).split(' ')[0]}` : dayText(date);
}

export function toReceptionItem(r: ScheduledReception): ReceptionItem {
  return {
    id: r.id,
    time: `${r.start}-${r.end}`,
    stationName: r.stationName,
    deputiesText: r.deputies.map((d) => (d.checkedIn ? `${d.name} ✓` : d.name)).join('、') || '未安排代表',
    slots: r.slots.map((s) => `${s.start}-${s.end} ${s.booked}/${s.capacity}`),
    bookingsText: r.kind === 'report_meeting' ? '' : r.bookings > 0 ? `已约 ${r.bookings} 人` : '暂无预约',
    reportMeeting: r.kind === 'report_meeting',
    event:
      r.event && (r.kind === 'forum' || r.kind === 'meeting')
        ? {
            label: EVENT_KIND_LABELS[r.kind],
            topic: r.event.topic,
            countsText: `报名 ${r.event.attendance} 人 · 提问 ${r.event.questions} 条${r.event.summarised ? ' · 已发布回顾' : ''}`,
          }
        : null,
  };
}

/** One group per date, in the server's date order; receptions of a day by start time. */
export function groupByDay(receptions: ScheduledReception[], today: string): DayGroup[] {
  const groups = new Map<string, ScheduledReception[]>();
  for (const r of receptions) groups.set(r.date, [...(groups.get(r.date) ?? []), r]);
  return [...groups.keys()].sort().map((date) => ({
    date,
    title: dayTitle(date, today),
    past: date < today,
    today: date === today,
    receptions: groups
      .get(date)!
      .sort((a, b) => a.start.localeCompare(b.start))
      .map(toReceptionItem),
  }));
}
