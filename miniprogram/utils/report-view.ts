/**
 * How a 述职报告's ratings, rating window and period read, wherever a report is shown (the
 * station's tab, the report page, the duty record, the district's figures). Pure: unit-tested in
 * test/miniprogram/report-view-models.test.ts.
 *
 * The rate comes from the server (ReportRatings.rate, null below `minimum`); the page only
 * refuses to show a rate the sample does not carry, and always says how many rated.
 */
import type { ReportRatings, ReportSummary } from '../../typings/report';
import { percentText } from './percent';
import { dateText } from './time';

/** '满意率 92%（36人评价）' from `minimum` ratings; '已有 7 人评价' below; '暂无评价' with none. */
export function ratingsText(ratings: ReportRatings): string {
  if (!ratings.total) return '暂无评价';
  if (ratings.rate === null || ratings.total < ratings.minimum) return `已有 ${ratings.total} 人评价`;
  return `满意率 ${percentText(ratings.rate)}（${ratings.total}人评价）`;
}

/** Beside a label that already says 满意率: '92%（36人评价）', or as ratingsText below the sample. */
export function ratingsFigure(ratings: ReportRatings): string {
  const rate = rateOnly(ratings);
  return rate ? `${rate}（${ratings.total}人评价）` : ratingsText(ratings);
}

/** The rate alone ('92%'), or '' while the sample is short of `minimum`: for a figure beside its count. */
export function rateOnly(ratings: ReportRatings): string {
  return ratings.rate !== null && ratings.total >= ratings.minimum ? percentText(ratings.rate) : '';
}

/** Open while the server says so and the closing instant has not passed on this phone's clock since. */
export function ratingOpen(report: Pick<ReportSummary, 'ratingOpen' | 'ratingClosesAt'>, now: Date): boolean {
  return report.ratingOpen && Date.parse(report.ratingClosesAt) > now.getTime();
}

/** '评价中 · 12月21日截止' or '评价已结束'. */
export function ratingWindowText(report: Pick<ReportSummary, 'ratingOpen' | 'ratingClosesAt'>, now: Date): string {
  return ratingOpen(report, now) ? `评价中 · ${dateText(report.ratingClosesAt, now)}截止` : '评价已结束';
}

const dotted = (date: string): string => date.replace(/-/g, '.');

/** A whole calendar year reads '2025年度'; anything else '2026.01.01—2026.11.21'. */
export function periodText(period: { from: string; to: string }): string {
  const year = period.from.slice(0, 4);
  if (period.from === `${year}-01-01` && period.to === `${year}-12-31`) return `${year}年度`;
  return `${dotted(period.from)}—${dotted(period.to)}`;
}

/** The report page, opened by id (the share card and every list link here). */
export function reportPageUrl(reportId: string): string {
  return `/packages/station/report/index?id=${encodeURIComponent(reportId)}`;
}
