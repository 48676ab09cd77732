/**
 * A resident rates a report: once per WeChat account, while its window is open, an optional
 * comment through WeChat's content check. The rating and its counter are one transaction
 * (data/report-ratings.ts). A second rating by the same account is refused (CONFLICT), except the
 * very same rating and comment again — a retry whose answer was lost — which is answered as the
 * first was, changing nothing. Nothing logged or answered names the rater.
 */
import type { RateReportInput, ReportDetail } from '../../../typings/report';
import type { Actor } from '../../domain/case';
import { shanghaiDate } from '../../domain/calendar';
import { ratingIdFor, ratingOpen, withRating, type RatingRecord } from '../../domain/report';
import { fail, ok, type Result } from '../../domain/result';
import { rateOnce } from '../../data/report-ratings';
import { findReport } from '../../data/reports';
import { checkContent } from '../cases/content-check';
import type { ReportContext } from './context';
import { reportDetail } from './report-view';

export async function rateReport(ctx: ReportContext, actor: Actor, input: RateReportInput): Promise<Result<ReportDetail>> {
  const { db, now } = ctx;
  const openid = actor.openid;
  if (actor.role !== 'resident' || !openid) return fail('FORBIDDEN', '请以群众身份评价述职报告');
  const report = await findReport(db, input.reportId);
  if (!report) return fail('NOT_FOUND', '没有找到这份述职报告');
  if (!ratingOpen(report.ratingClosesAt, now)) {
    // The last moment of the window is an instant; people read a day.
    const lastDay = shanghaiDate(new Date(report.ratingClosesAt.getTime() - 1));
    return fail('CONFLICT', `这份述职报告的评价已于 ${lastDay} 截止`);
  }

  const verdict = input.comment ? await checkContent(ctx.wx, openid, undefined, input.comment) : 'pass';
  if (verdict === 'risky') return fail('CONTENT_RISKY', '评价意见含有不适宜发布的内容，请修改后再提交');
  const rating: RatingRecord = {
    _id: ratingIdFor(ctx.hash, report._id, openid),
    reportId: report._id,
    raterOpenid: openid,
    rating: input.rating,
    ...(input.comment ? { comment: input.comment } : {}),
    ...(verdict === 'unchecked' ? { commentCheck: 'pending' as const } : {}),
    at: now,
  };
  const outcome = await rateOnce(db, rating);
  if (!outcome.rated) {
    const { existing } = outcome;
    if (existing.rating !== input.rating || (existing.comment ?? '') !== (input.comment ?? '')) {
      return fail('CONFLICT', '您已评价过这份述职报告，每个微信账号只能评价一次，提交后不能修改');
    }
    return ok(await reportDetail(report, { now, resident: true, myRating: existing.rating }));
  }
  // The counts as read, with this rating: others rating at the same moment show on the next read.
  return ok(await reportDetail({ ...report, ratings: withRating(report.ratings, input.rating) }, { now, resident: true, myRating: input.rating }));
}
