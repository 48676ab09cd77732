/**
 * Shapes one 述职报告 for its page: the report, its duty figures, its ratings and what the
 * reader may do with it. Pure: unit-tested in test/miniprogram/report-view-models.test.ts.
 */
import type { RatingValue } from '../../../../typings/case';
import type { ReportDetail } from '../../../../typings/report';
import type { DutyItem } from '../../../../typings/workspace';
import { RATING_LABELS } from '../../../generated/labels';
import { REPORT_LIMITS } from '../../../generated/rules';
import { dateText } from '../../../utils/time';
import { periodText, ratingOpen, ratingsText, ratingWindowText, reportPageUrl } from '../../../utils/report-view';

/** The three choices, best first, in the back end's own words. */
export const RATING_OPTIONS: { value: RatingValue; label: string }[] = (['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((value) => ({
  value,
  label: RATING_LABELS[value],
}));

/** What a rater may add, in characters (RateReportInput.comment): the server's limit. */
export const COMMENT_MAX = REPORT_LIMITS.commentMax;

/** What the reader may do with the ratings: rate, see their own, or only read the summary. */
export type RatingState = 'form' | 'rated' | 'closed' | 'open';

export interface DutyLine {
  key: DutyItem['key'];
  label: string;
  /** '9 / 12 次' against a quota, '18 件' without. */
  value: string;
}

export interface ReportView {
  id: string;
  title: string;
  deputyName: string;
  /** '2025年度' or '2026.01.01—2026.11.21'. */
  periodText: string;
  /** '2026年1月15日发布 · 联络员代为发布' */
  publishedText: string;
  stationsText: string;
  paragraphs: string[];
  photos: string[];
  duty: DutyLine[];
  /** '满意率 92%（36人评价）', '已有 7 人评价', '暂无评价'. */
  ratingsText: string;
  ratingCounts: { label: string; count: number }[];
  ratingState: RatingState;
  /** '评价中 · 2月14日截止' or '评价已结束'. */
  windowText: string;
  /** '您已评价：满意' for a resident who rated. */
  myRatingText: string;
  comments: { rating: string; comment: string; dateText: string }[] | null;
}

export function dutyLine(item: DutyItem): DutyLine {
  return { key: item.key, label: item.label, value: item.quota ? `${item.count} / ${item.quota} ${item.unit}` : `${item.count} ${item.unit}` };
}

/** A rating taken counts even when the window closed since; the form only while it is open. */
export function ratingState(detail: Pick<ReportDetail, 'myRating' | 'canRate' | 'ratingOpen' | 'ratingClosesAt'>, now: Date): RatingState {
  if (detail.myRating) return 'rated';
  if (!ratingOpen(detail, now)) return 'closed';
  return detail.canRate ? 'form' : 'open';
}

export function toReportView(detail: ReportDetail, now: Date): ReportView {
  const r = detail.ratings;
  return {
    id: detail.id,
    title: detail.title,
    deputyName: detail.deputy.name,
    periodText: periodText(detail.period),
    publishedText: `${dateText(detail.publishedAt, now)}发布${detail.publishedBy === 'officer' ? ' · 联络员代为发布' : ''}`,
    stationsText: detail.stations.map((s) => s.name).join('、'),
    paragraphs: detail.content.split(/\n+/).filter((p) => p.trim()),
    photos: detail.photos.map((p) => p.url),
    duty: detail.duty.map(dutyLine),
    ratingsText: ratingsText(r),
    ratingCounts: [
      { label: RATING_LABELS.satisfied, count: r.satisfied },
      { label: RATING_LABELS.basically_satisfied, count: r.basicallySatisfied },
      { label: RATING_LABELS.unsatisfied, count: r.unsatisfied },
    ],
    ratingState: ratingState(detail, now),
    windowText: ratingWindowText(detail, now),
    myRatingText: detail.myRating ? `您已评价：${RATING_LABELS[detail.myRating]}` : '',
    comments: detail.comments ? detail.comments.map((c) => ({ rating: RATING_LABELS[c.rating], comment: c.comment, dateText: dateText(c.at, now) })) : null,
  };
}

/** Why the rating cannot be sent yet, or ''. */
export function ratingProblem(rating: RatingValue | '', comment: string): string {
  if (!rating) return '请选择满意、基本满意或不满意';
  if (comment.trim().length > COMMENT_MAX) return `评价意见最多 ${COMMENT_MAX} 字`;
  return '';
}

/** Shared as a card that opens this page by id. */
export function shareOf(detail: Pick<ReportDetail, 'id' | 'title'>): { title: string; path: string } {
  return { title: detail.title, path: reportPageUrl(detail.id) };
}
