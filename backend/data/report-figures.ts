/**
 * The deputies the district office's figures have a row for, each with the voters' ratings of
 * the 述职报告 published in the period — ONE aggregate over `deputies` joining `reports`
 * (deputy_published), so the figures by deputy cost no more round trips than before. Only the
 * reports' counters leave the database, never their text.
 */
import type { RatingCounts } from '../domain/report';
import { addRatingCounts, NO_RATINGS, ratingCountsOf } from '../domain/report';
import type { Database } from '../platform/cloudbase';
import type { FiguresSubject } from './case-figures';
import { MAX_PAGE } from './documents';
import { REPORTS } from './reports';

export interface DeputyWithReports extends FiguresSubject {
  /** Summed over the deputy's reports published in the window. */
  readonly reportRatings: RatingCounts;
}

/** Deputies stationed at any of the stations, by name, with their reports' ratings in `window` (start included, end excluded). */
export async function deputiesWithReportRatings(db: Database, stationIds: readonly string[], window: { start: Date; end: Date }): Promise<DeputyWithReports[]> {
  if (stationIds.length === 0) return [];
  const $ = db.command.aggregate;
  const inWindow = $.and([$.gte(['$$r.publishedAt', window.start]), $.lt(['$$r.publishedAt', window.end])]);
  const { data } = await db
    .collection('deputies')
    .aggregate()
    .match({ stationIds: db.command.in([...stationIds]) })
    .sort({ name: 1 })
    .limit(MAX_PAGE)
    .lookup({ from: REPORTS, localField: '_id', foreignField: 'deputyId', as: 'joinedReports' })
    .project({
      _id: 1,
      name: 1,
      ratings: $.map({ input: $.filter({ input: '$joinedReports', as: 'r', cond: inWindow }), as: 'r', in: '$$r.ratings' }),
    })
    .end();
  return (data as { _id: string; name: string; ratings?: unknown[] }[]).map((d) => ({
    id: d._id,
    name: d.name,
    reportRatings: (d.ratings ?? []).map((r) => ratingCountsOf(r as Record<string, unknown>)).reduce(addRatingCounts, NO_RATINGS),
  }));
}
