/**
 * 述职报告 as the `report` function answers them for the demo district: two deputies of 华富,
 * one report still taking ratings (past the sample of 10), one with too few ratings for a rate
 * and its window closed. Dates are fixed around NOW (case-fixtures), so the renders never drift.
 */
import type { ReportDetail, ReportRatings, ReportSummary } from '../../../typings/report';
import type { DutyItem } from '../../../typings/workspace';
import { NOW, daysAgo } from './case-fixtures';

const HUAFU = { id: 'st-ft-hf', name: '福田区华富街道人大代表联络站' };
const LIANHUA = { id: 'st-ft-hf-01', name: '华富街道莲花北社区人大代表联络站' };
const daysAhead = (days: number): string => new Date(NOW.getTime() + days * 24 * 60 * 60_000).toISOString();

/** The counts and the rate as the server would give them (rate only from `minimum`). */
export function ratingsOf(satisfied: number, basicallySatisfied: number, unsatisfied: number, minimum = 10): ReportRatings {
  const total = satisfied + basicallySatisfied + unsatisfied;
  return { satisfied, basicallySatisfied, unsatisfied, total, rate: total >= minimum ? (satisfied + basicallySatisfied) / total : null, minimum };
}

export const NO_RATINGS = ratingsOf(0, 0, 0);

/** 李明's report on 2026 so far: published 9 days ago, 36 ratings, 33 of them 满意 or 基本满意 (92%). */
export const OPEN_REPORT: ReportSummary = {
  id: 'rp-1',
  deputy: { id: 'dp-001', name: '李明' },
  title: '李明代表2026年度履职情况报告',
  period: { from: '2026-01-01', to: '2026-11-12' },
  publishedAt: daysAgo(9),
  ratingClosesAt: daysAhead(21),
  ratingOpen: true,
  ratings: ratingsOf(25, 8, 3),
};

/** 张丽华's report on 2025: its window closed, 7 ratings (no rate). */
export const CLOSED_REPORT: ReportSummary = {
  id: 'rp-2',
  deputy: { id: 'dp-002', name: '张丽华' },
  title: '张丽华代表2025年度履职情况报告',
  period: { from: '2025-01-01', to: '2025-12-31' },
  publishedAt: daysAgo(300),
  ratingClosesAt: daysAgo(270),
  ratingOpen: false,
  ratings: ratingsOf(4, 2, 1),
};

const DUTY: DutyItem[] = [
  { key: 'receptions', label: '进站接待', count: 9, quota: 12, unit: '次' },
  { key: 'votersContacted', label: '联系群众', count: 46, quota: 40, unit: '人次' },
  { key: 'suggestions', label: '代表建议', count: 2, quota: 2, unit: '件' },
  { key: 'replies', label: '答复留言', count: 18, unit: '件' },
];

/** The open report as a resident who has not rated yet reads it. */
export const REPORT_FOR_RESIDENT: ReportDetail = {
  ...OPEN_REPORT,
  content:
    '今年以来，我坚持每月到华富街道和莲花北社区联络站接待选民，听取群众对老旧小区改造、加装电梯和公交出行的意见。\n' +
    '围绕莲花北村加装电梯，我联系住建部门和街道，推动12栋、15栋完成意见征集，其中12栋已开工。\n' +
    '在区人代会上，我提出关于增设莲花北公交站遮阳棚的建议，已列入明年交通设施改造计划。',
  photos: [
    { fileId: 'cloud://demo/reports/rp-1/1.jpg', url: 'https://demo.invalid/reports/rp-1/1.jpg' },
    { fileId: 'cloud://demo/reports/rp-1/2.jpg', url: 'https://demo.invalid/reports/rp-1/2.jpg' },
  ],
  stations: [HUAFU, LIANHUA],
  duty: DUTY,
  publishedBy: 'officer',
  canRate: true,
};

/** The same report once the resident rated it 满意. */
export const REPORT_RATED: ReportDetail = { ...REPORT_FOR_RESIDENT, ratings: ratingsOf(26, 8, 3), myRating: 'satisfied', canRate: false };

/** The closed report as a resident reads it: nothing to rate any more. */
export const REPORT_CLOSED: ReportDetail = { ...REPORT_FOR_RESIDENT, ...CLOSED_REPORT, duty: DUTY.slice(0, 2), photos: [], publishedBy: 'deputy', canRate: false };

/** The open report as its deputy (or the station's officer) reads it: the comments, never who wrote them. */
export const REPORT_FOR_HANDLER: ReportDetail = {
  ...REPORT_FOR_RESIDENT,
  canRate: false,
  comments: [
    { rating: 'satisfied', comment: '电梯的事跟进得很及时，谢谢李代表。', at: daysAgo(2) },
    { rating: 'unsatisfied', comment: '公交站遮阳棚还要等到明年，希望能快一点。', at: daysAgo(5) },
  ],
};
