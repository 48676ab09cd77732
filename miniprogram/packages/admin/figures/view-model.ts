/**
 * 办理情况统计: periods on Beijing's calendar, rates always with their sample, the ranking as
 * the server gave it. Pure: unit-tested in test/miniprogram/admin-view-models.test.ts.
 */
import type { FiguresOutput, FiguresRow, RateView } from '../../../../typings/workspace';
import { shanghaiClock } from '../../../pages/stations/station-format';
import { ratingsFigure } from '../../../utils/report-view';

export type Preset = 'month' | 'quarter' | 'year' | 'last12';
export type SortBy = 'rank' | 'received';
export interface Period {
  from: string;
  to: string;
}

export const PRESETS: readonly { name: Preset; label: string }[] = [
  { name: 'month', label: '本月' },
  { name: 'quarter', label: '本季度' },
  { name: 'year', label: '今年' },
  { name: 'last12', label: '近12个月' },
];

/** The server's limit on a period (FiguresInput): both days included. */
export const MAX_PERIOD_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const utcDay = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Every preset ends today (Beijing): figures for days not yet come would only dilute. */
export function presetPeriod(preset: Preset, now: Date): Period {
  const to = shanghaiClock(now).date;
  const [y, m, d] = to.split('-').map(Number);
  switch (preset) {
    case 'month':
      return { from: ymd(y, m, 1), to };
    case 'quarter':
      return { from: ymd(y, Math.floor((m - 1) / 3) * 3 + 1, 1), to };
    case 'year':
      return { from: ymd(y, 1, 1), to };
    case 'last12': {
      // The day after the same date a year before (29 Feb → 28 Feb): twelve whole months.
      const lastOfMonth = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
      return { from: fromUtc(utcDay(ymd(y - 1, m, Math.min(d, lastOfMonth))) + DAY_MS), to };
    }
  }
}

/** What is wrong with a custom period, in the server's terms; '' when it can be asked. */
export function periodProblem(period: Period): string {
  if (!period.from || !period.to) return '请选择开始和结束日期';
  if (period.from > period.to) return '开始日期不能晚于结束日期';
  if ((utcDay(period.to) - utcDay(period.from)) / DAY_MS + 1 > MAX_PERIOD_DAYS) return `统计区间最长 ${MAX_PERIOD_DAYS} 天`;
  return '';
}

/** '2026-03-01' → '2026年3月1日'. */
export function dayText(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * '92%（23/25）'; '—（0）' without a sample. Rounding never shows 100% for what is not all,
 * nor 0% for what is not none: a reader takes those two literally.
 */
export function rateText(rate: RateView): string {
  if (!rate.denominator || rate.value === null) return '—（0）';
  let percent = Math.round((rate.numerator / rate.denominator) * 100);
  if (percent === 100 && rate.numerator < rate.denominator) percent = 99;
  if (percent === 0 && rate.numerator > 0) percent = 1;
  return `${percent}%（${rate.numerator}/${rate.denominator}）`;
}

/** '6.5 小时（n=20）'; '—（n=0）' when no case has had a first response. */
export function medianText(hours: number | null, sample: number): string {
  if (hours === null || !sample) return `—（n=${sample}）`;
  const shown = hours >= 100 ? String(Math.round(hours)) : hours.toFixed(1).replace(/\.0$/, '');
  return `${shown} 小时（n=${sample}）`;
}

export interface FigureRowView {
  id: string;
  name: string;
  received: number;
  response: string;
  closure: string;
  satisfaction: string;
  median: string;
  /** '第 1 名', or '' for anyone short of rated cases. */
  rankText: string;
  /** By deputy: 述职满意率 of the reports published in the period ('92%（36人评价）', '已有 7 人评价', '暂无评价'); '' by station. */
  reportRatings: string;
  /** By deputy: confirmed 履职登记 in the period ('3 次'); '' by station. */
  activities: string;
  /** 接访群众 on reception days in the period ('12 人次'); '' when the server sent none. */
  visitors: string;
}

export function toFigureRow(row: Omit<FiguresRow, 'id' | 'name' | 'rank'> & { id: string; name: string; rank?: number }): FigureRowView {
  return {
    id: row.id,
    name: row.name,
    received: row.received,
    response: rateText(row.responseRate),
    closure: rateText(row.closureRate),
    satisfaction: rateText(row.satisfactionRate),
    median: medianText(row.medianFirstResponseHours, row.firstResponseSample),
    rankText: row.rank ? `第 ${row.rank} 名` : '',
    reportRatings: row.reportRatings ? ratingsFigure(row.reportRatings) : '',
    activities: row.activities === undefined ? '' : `${row.activities} 次`,
    visitors: row.visitors === undefined ? '' : `${row.visitors} 人次`,
  };
}

/** By rank: the ranked in order, then the unranked by cases received. By received: most first. Ties keep the server's order. */
export function sortRows(rows: readonly FiguresRow[], by: SortBy): FiguresRow[] {
  const rankKey = (r: FiguresRow) => r.rank ?? Number.POSITIVE_INFINITY;
  return [...rows].sort((a, b) => (by === 'rank' && rankKey(a) !== rankKey(b) ? rankKey(a) - rankKey(b) : b.received - a.received));
}

export interface FiguresView {
  totals: FigureRowView;
  rows: FigureRowView[];
  rankNote: string;
  emptyText: string;
}

export function toFiguresView(output: FiguresOutput, sort: SortBy): FiguresView {
  return {
    totals: toFigureRow({ ...output.totals, id: 'totals', name: '合计' }),
    rows: sortRows(output.rows, sort).map(toFigureRow),
    rankNote: `排名按满意率、办结率；评价不足 ${output.rankingMinimumRated} 件的不参与排名`,
    emptyText: output.by === 'station' ? '这段时间没有联络站收到留言' : '这段时间没有代表承办留言',
  };
}
