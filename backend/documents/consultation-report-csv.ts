/**
 * The 征集意见汇总 as a CSV (RFC 4180): one row per forwarded comment, for the office to sort
 * and annotate in a spreadsheet. Written by hand — the rules are a dozen lines and no CSV
 * library is among the dependencies that ship in a function bundle.
 */
import { articlesInOrder, type ConsultationReportContent } from './consultation-report-content';

export const CSV_COLUMNS = ['条款', '条款序号', '意见序号', '意见内容', '原文', '署名', '联络站', '合并相同意见数'] as const;

/** Excel on Windows reads a file without it in the local code page and garbles Chinese. */
const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * A field as RFC 4180 writes it: quoted (its quotes doubled) when it holds a comma, a quote or
 * a line break. Free text that a spreadsheet would take for a formula (=, +, -, @ first) gets a
 * leading apostrophe: residents write these fields, and a formula could run on the office's PC.
 */
export function csvField(value: string | number, freeText = false): string {
  let text = String(value);
  if (freeText && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function consultationReportCsv(content: ConsultationReportContent): string {
  const rows: string[] = [CSV_COLUMNS.map((column) => csvField(column)).join(',')];
  for (const article of articlesInOrder(content.articles)) {
    article.comments.forEach((comment, index) => {
      const fields = [
        csvField(article.label, true),
        csvField(article.articleNo),
        csvField(index + 1),
        csvField(comment.text, true),
        csvField(comment.originalText ?? '', true),
        csvField(comment.byline, true),
        csvField(comment.station, true),
        csvField(comment.merged),
      ];
      rows.push(fields.join(','));
    });
  }
  return BOM + rows.map((row) => row + CRLF).join('');
}
