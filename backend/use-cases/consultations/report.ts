/**
 * The office compiles the report once the consultation closed: every comment read (oldest first),
 * the report made by the pure compiler (domain/consultation/consultation.report.ts), rendered as
 * a PDF in the style of the 代表函 and as a CSV (backend/documents), both stored under
 * `consultation-reports/<id>/`, the report stored in `consultation_reports`, and the consultation
 * marked reported. Compiling again replaces both files and the report (an edit made since is in
 * it). The office and the participating stations' officers read it with fresh links.
 */
import type { ConsultationRef, ConsultationReport } from '../../../typings/consultation';
import { compileReport, consultationStatus, type ReportContent } from '../../domain/consultation';
import { fail, ok, type Result } from '../../domain/result';
import { allComments } from '../../data/consultation-comments';
import { findReport, saveReport } from '../../data/consultation-reports';
import { findConsultation, markReported } from '../../data/consultations';
import { consultationReportCsv } from '../../documents/consultation-report-csv';
import { renderConsultationReport } from '../../documents/consultation-report';
import { photoUrls } from '../../platform/storage';
import { storeLetter } from '../cases/letter-file';
import { isOffice, ownStations, type ConsultationCaller } from './caller';
import { CONSULTATION_NOT_FOUND, type ConsultationContext } from './context';

export const reportPath = (consultationId: string, extension: 'pdf' | 'csv'): string => `consultation-reports/${consultationId}/report.${extension}`;

export async function compileConsultation(ctx: ConsultationContext, caller: ConsultationCaller, input: ConsultationRef): Promise<Result<ConsultationReport>> {
  const { db, now } = ctx;
  const doc = await findConsultation(db, input.consultationId);
  if (!doc || !isOffice(caller, doc)) return fail('NOT_FOUND', CONSULTATION_NOT_FOUND);
  if (consultationStatus(doc, now) === 'open') return fail('ILLEGAL_TRANSITION', `意见征集 ${doc.closesOn} 截止，截止后才能汇总`);
  const comments = await allComments(db, doc._id);
  const content = compileReport(
    { consultationId: doc._id, title: doc.title, askedBy: doc.askedBy, closesOn: doc.closesOn, articles: doc.articles, stations: doc.stations },
    comments.map((comment) => ({ ...comment, id: comment._id })),
    now,
  );
  const pdfBytes = await renderConsultationReport(content);
  // A BOM, so a spreadsheet opened on a Chinese Windows reads the text as UTF-8.
  const csvBytes = Buffer.from(`\ufeff${consultationReportCsv(content)}`, 'utf8');
  const [pdf, csv] = await Promise.all([storeLetter(reportPath(doc._id, 'pdf'), Buffer.from(pdfBytes)), storeLetter(reportPath(doc._id, 'csv'), csvBytes)]);
  await saveReport(db, { _id: doc._id, ...content, pdfFileId: pdf.fileId, csvFileId: csv.fileId });
  await markReported(db, doc._id, now);
  return ok({ ...content, pdf, csv });
}

export async function readReport(ctx: ConsultationContext, caller: ConsultationCaller, input: ConsultationRef): Promise<Result<ConsultationReport>> {
  const doc = await findConsultation(ctx.db, input.consultationId);
  if (!doc || (!isOffice(caller, doc) && ownStations(caller, doc).length === 0)) return fail('NOT_FOUND', CONSULTATION_NOT_FOUND);
  const stored = await findReport(ctx.db, doc._id);
  if (!stored) return fail('NOT_FOUND', '这次意见征集还没有汇总');
  const urls = await photoUrls([stored.pdfFileId, stored.csvFileId]);
  const url = (fileId: string) => urls.find((u) => u.fileId === fileId)?.url ?? '';
  const { _id, pdfFileId, csvFileId, ...content } = stored;
  return ok({ ...(content as ReportContent), consultationId: _id, pdf: { fileId: pdfFileId, url: url(pdfFileId) }, csv: { fileId: csvFileId, url: url(csvFileId) } });
}
