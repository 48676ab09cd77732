/**
 * Shapes the duty record (履职档案) for display. Pure: unit-tested in
 * test/miniprogram/work-desk-view-models.test.ts.
 */
import type { DutyItem, DutyRecord } from '../../../../typings/workspace';
import { dateText } from '../../../utils/time';
import { ratingsFigure } from '../../../utils/report-view';

/** van-progress paints its bar with these: the tokens of app.wxss, so the theme has one palette. */
export const MET_COLOR = 'var(--color-success)';
export const PROGRESS_COLOR = 'var(--color-brand)';

export interface DutyItemView {
  key: DutyItem['key'];
  label: string;
  /** '12 / 30 人' against a quota, '5 次' without. */
  countText: string;
  hasQuota: boolean;
  /** 0–100, for van-progress. */
  percentage: number;
  met: boolean;
  color: string;
  /** '已达标' or '还差 18 人'; '' without a quota. */
  stateText: string;
}

export interface RecentView {
  /** Beijing date: '11月21日' this year, '2025年11月21日' before. */
  dateText: string;
  kindLabel: string;
  text: string;
  caseId: string;
  reportId: string;
}

export interface YearChoice {
  year: number;
  label: string;
  active: boolean;
}

export function toDutyItemView(item: DutyItem): DutyItemView {
  const quota = item.quota;
  if (!quota) {
    return { key: item.key, label: item.label, countText: `${item.count} ${item.unit}`, hasQuota: false, percentage: 0, met: false, color: PROGRESS_COLOR, stateText: '' };
  }
  const met = item.count >= quota;
  return {
    key: item.key,
    label: item.label,
    countText: `${item.count} / ${quota} ${item.unit}`,
    hasQuota: true,
    percentage: Math.min(100, Math.round((item.count / quota) * 100)),
    met,
    color: met ? MET_COLOR : PROGRESS_COLOR,
    stateText: met ? '已达标' : `还差 ${quota - item.count} ${item.unit}`,
  };
}

/** This year or last: the record is kept per calendar year. */
export function yearChoices(thisYear: number, selected: number): YearChoice[] {
  return [
    { year: thisYear, label: `今年（${thisYear}）`, active: selected === thisYear },
    { year: thisYear - 1, label: `去年（${thisYear - 1}）`, active: selected === thisYear - 1 },
  ];
}

export function toDutyView(record: DutyRecord, now: Date) {
  const labels = new Map(record.items.map((i) => [i.key, i.label]));
  const withQuota = record.items.filter((i) => i.quota);
  return {
    deputyName: record.deputy.name,
    year: record.year,
    /** '3 / 5 项达标' over the items with a quota. */
    summary: withQuota.length ? `${withQuota.filter((i) => i.count >= (i.quota ?? 0)).length} / ${withQuota.length} 项达标` : '',
    items: record.items.map(toDutyItemView),
    recent: record.recent.map((r): RecentView => ({
      dateText: dateText(r.at, now),
      kindLabel: labels.get(r.kind) ?? '',
      text: r.text,
      caseId: r.caseId ?? '',
      reportId: r.reportId ?? '',
    })),
    /** 述职满意率: '92%（36人评价）', '已有 7 人评价' below the sample, '暂无评价'. */
    reportRatingsText: ratingsFigure(record.reportRatings),
  };
}

export type DutyView = ReturnType<typeof toDutyView>;
