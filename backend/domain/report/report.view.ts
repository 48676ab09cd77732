/**
 * A report as every reader sees it: public text with phone and ID numbers masked (the report
 * is on the station's wall), the ratings as counts with a rate only from 10, and — for those who
 * may read them — the comments, never who wrote them.
 */
import type { PhotoView, RatingValue } from '../../../typings/case';
import type { ReportComment, ReportDetail, ReportSummary } from '../../../typings/report';
import { maskNumbers } from '../privacy';
import type { RatingRecord, ReportRecord } from './report.model';
import { reportRatings } from './report.ratings';
import { ratingOpen } from './report.window';

export function toReportSummary(report: ReportRecord, now: Date, coverUrl?: string): ReportSummary {
  return {
    id: report._id,
    deputy: { id: report.deputyId, name: report.deputyName },
    title: maskNumbers(report.title),
    period: { from: report.period.from, to: report.period.to },
    publishedAt: report.publishedAt.toISOString(),
    ratingClosesAt: report.ratingClosesAt.toISOString(),
    ratingOpen: ratingOpen(report.ratingClosesAt, now),
    ratings: reportRatings(report.ratings),
    ...(coverUrl ? { coverUrl } : {}),
  };
}

export interface DetailFacts {
  readonly now: Date;
  /** The photos' short-lived URLs by file id (a photo gone from storage is left out). */
  readonly photos: ReadonlyMap<string, PhotoView>;
  /** The caller is a resident (only residents rate). */
  readonly resident: boolean;
  readonly myRating?: RatingValue;
  /** Present only for a reader who may see them. */
  readonly comments?: readonly Pick<RatingRecord, 'rating' | 'comment' | 'at'>[];
}

export function toReportDetail(report: ReportRecord, facts: DetailFacts): ReportDetail {
  const photos = report.photoFileIds.flatMap((id) => facts.photos.get(id) ?? []);
  const summary = toReportSummary(report, facts.now, photos[0]?.url);
  return {
    ...summary,
    content: maskNumbers(report.content),
    photos,
    stations: report.stations.map((s) => ({ id: s.id, name: s.name })),
    duty: report.duty.map((item) => ({ ...item })),
    publishedBy: report.publishedBy,
    ...(facts.myRating ? { myRating: facts.myRating } : {}),
    canRate: facts.resident && !facts.myRating && summary.ratingOpen,
    ...(facts.comments ? { comments: facts.comments.flatMap(toComment) } : {}),
  };
}

/** Ratings without a comment say nothing a count does not. */
function toComment(rating: Pick<RatingRecord, 'rating' | 'comment' | 'at'>): ReportComment[] {
  return rating.comment ? [{ rating: rating.rating, comment: maskNumbers(rating.comment), at: rating.at.toISOString() }] : [];
}
