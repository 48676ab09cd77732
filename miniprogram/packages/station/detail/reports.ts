/**
 * The 述职报告 tab: the station's deputies' reports as rows. Pure: unit-tested in
 * test/miniprogram/report-view-models.test.ts.
 */
import type { ReportSummary } from '../../../../typings/report';
import type { Failure } from '../../../services/outcome';
import { periodText, ratingOpen, ratingsText, ratingWindowText } from '../../../utils/report-view';

/** The tab's place in the wall (代表名单, 接待安排, 制度, 履职情况, 述职报告): `?tab=reports` opens it. */
export const REPORTS_TAB = 4;

export interface ReportRow {
  id: string;
  title: string;
  /** '李明代表 · 2025年度' */
  byline: string;
  /** '满意率 92%（36人评价）', '已有 7 人评价', '暂无评价'. */
  ratingsText: string;
  ratingOpen: boolean;
  /** '评价中 · 12月21日截止' or '评价已结束'. */
  windowText: string;
  coverUrl: string;
}

/** Loaded when the tab is first opened, not with the page: most visitors never open it. */
export interface ReportsTab {
  state: 'idle' | 'loading' | 'loaded' | 'error';
  rows: ReportRow[];
  hasMore: boolean;
  /** The page of 20 asked for last. */
  page: number;
  error: Failure | null;
}

export const IDLE_REPORTS: ReportsTab = { state: 'idle', rows: [], hasMore: false, page: 0, error: null };

export function toReportRow(report: ReportSummary, now: Date): ReportRow {
  return {
    id: report.id,
    title: report.title,
    byline: `${report.deputy.name}代表 · ${periodText(report.period)}`,
    ratingsText: ratingsText(report.ratings),
    ratingOpen: ratingOpen(report, now),
    windowText: ratingWindowText(report, now),
    coverUrl: report.coverUrl ?? '',
  };
}
