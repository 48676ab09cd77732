/**
 * The `consultation_reports` collection: one compiled report per consultation (`_id` = its id),
 * replaced by each compile; the PDF and CSV are in storage at `consultation-reports/<id>/…`, and
 * the stored report keeps their file ids (URLs are made fresh for each reader).
 */
import type { ReportContent } from '../domain/consultation/consultation.report';
import type { Database } from '../platform/cloudbase';
import { withoutUndefined } from './cases';

export const CONSULTATION_REPORTS = 'consultation_reports';

export interface StoredReport extends ReportContent {
  _id: string;
  pdfFileId: string;
  csvFileId: string;
}

export async function saveReport(db: Database, report: StoredReport): Promise<void> {
  const { _id, ...fields } = report;
  await db.collection(CONSULTATION_REPORTS).doc(_id).set(withoutUndefined(fields));
}

export async function findReport(db: Database, consultationId: string): Promise<StoredReport | undefined> {
  const { data } = await db.collection(CONSULTATION_REPORTS).where({ _id: consultationId }).limit(1).get();
  return (data as StoredReport[])[0];
}
