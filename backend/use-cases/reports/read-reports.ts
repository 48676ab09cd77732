/**
 * `report.list` and `report.get`, open to anyone. The list is a station's deputies' reports (as
 * each report's stations stood when it was published) or one deputy's, newest first, 20 a page.
 * One report adds, by who is asking: the caller's own rating and whether they may rate
 * (residents); the comments, never who wrote them (the deputy, officers of any of its stations,
 * the district office). Who is asking is resolved only when WeChat named a caller.
 */
import type { ListReportsInput, ListReportsOutput, ReportDetail } from '../../../typings/report';
import { mayReadComments, ratingIdFor, REPORT_RULES } from '../../domain/report';
import { fail, ok, type Result } from '../../domain/result';
import { commentsOf, findRating } from '../../data/report-ratings';
import { findReport, reportPage } from '../../data/reports';
import { resolveActor } from '../actor';
import type { ReportContext } from './context';
import { reportDetail, reportSummaries } from './report-view';

export async function listReports(ctx: Pick<ReportContext, 'db' | 'now'>, input: ListReportsInput): Promise<Result<ListReportsOutput>> {
  const page = input.page ?? 0;
  const of = input.stationId !== undefined ? { stationId: input.stationId } : { deputyId: input.deputyId ?? '' };
  const rows = await reportPage(ctx.db, of, page * REPORT_RULES.pageSize, REPORT_RULES.pageSize + 1);
  return ok({ reports: await reportSummaries(rows.slice(0, REPORT_RULES.pageSize), ctx.now), hasMore: rows.length > REPORT_RULES.pageSize });
}

export async function getReport(ctx: ReportContext, openid: string, reportId: string): Promise<Result<ReportDetail>> {
  const { db, now } = ctx;
  const [report, who] = await Promise.all([findReport(db, reportId), openid ? resolveActor(db, openid) : undefined]);
  if (!report) return fail('NOT_FOUND', '没有找到这份述职报告');
  const actor = who?.ok ? who.value.actor : undefined;
  const resident = actor?.role === 'resident';
  const [mine, comments] = await Promise.all([
    resident ? findRating(db, ratingIdFor(ctx.hash, report._id, openid)) : undefined,
    mayReadComments(actor, report) ? commentsOf(db, report._id, REPORT_RULES.commentsShown) : undefined,
  ]);
  return ok(await reportDetail(report, { now, resident, myRating: mine?.rating, ...(comments ? { comments } : {}) }));
}
