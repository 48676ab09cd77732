/** A stored report as a reader gets it: the photos' short-lived URLs read, then the pure view. */
import type { ReportDetail, ReportSummary } from '../../../typings/report';
import type { DetailFacts, ReportRecord } from '../../domain/report';
import { toReportDetail, toReportSummary } from '../../domain/report';
import { photoViews } from '../cases/photos';

export async function reportDetail(report: ReportRecord, facts: Omit<DetailFacts, 'photos'>): Promise<ReportDetail> {
  return toReportDetail(report, { ...facts, photos: await photoViews(report.photoFileIds) });
}

/** A page of list rows: the covers' URLs in one storage call. */
export async function reportSummaries(reports: readonly ReportRecord[], now: Date): Promise<ReportSummary[]> {
  const covers = await photoViews(reports.flatMap((report) => report.photoFileIds.slice(0, 1)));
  return reports.map((report) => toReportSummary(report, now, report.photoFileIds[0] ? covers.get(report.photoFileIds[0])?.url : undefined));
}
