/** The PDF picker and uploads live in the main package (services/pdf-files.ts), shared with 立法意见征集. */
export { choosePdfs, pdfProblem, pendingPdf, uploadPdf } from '../../../services/pdf-files';
export type { PdfFile } from '../../../services/pdf-files';
