/**
 * Reads a 征集意见汇总 PDF as a person at the legislature would: with pdf.js
 * (test/support/pdf-reader), sharing nothing with the writer in backend/documents/. What it
 * relies on is what the page shows a reader, written down here:
 *   - the comments come after the heading 二、分条意见;
 *   - each article opens with a line '第五条（3条意见）' or '总体意见（2条意见）';
 *   - each comment opens with its number in the article, '1. ', '2. ', …, indented from the
 *     margin its other lines start at, and runs on over lines and pages in the body's size; the notes under it (原文：…, the byline ——…, the
 *     merged count) print smaller;
 *   - every page ends with 第 x 页 共 n 页.
 */
import { readPdf, type PdfReading, type TextLine } from '../../support/pdf-reader';

export interface ReadConsultationReport {
  /** Each article's heading as printed, in order, with the count it states. */
  articles: { label: string; count: number }[];
  /** Each comment's text, in order, without its number; lines rejoined as a reader copies them (no line breaks). */
  texts: string[];
}

const SECTION = '二、分条意见';
const ARTICLE = /^(总体意见|第[〇零一二三四五六七八九十百千\d]+条)（(\d+)条意见）$/;
const NUMBERED = /^(\d+)\. (.*)$/;
const PAGE_NUMBER = /^第 \d+ 页 共 \d+ 页$/;
/** The notes under a comment print below this size, its text above (16 pt against 14 pt). */
const NOTE_SIZE = 15;

export async function readConsultationReport(bytes: Uint8Array): Promise<ReadConsultationReport> {
  return consultationReportOf(await readPdf(bytes));
}

/** The same, from a PDF already read (a long report is read once). */
export function consultationReportOf(reading: PdfReading): ReadConsultationReport {
  const lines: TextLine[] = reading.pages.flatMap((page) => page.lines).filter((line) => !PAGE_NUMBER.test(line.text));
  const start = lines.findIndex((line) => line.text === SECTION);
  if (start < 0) throw new Error(`no "${SECTION}" in the report:\n${reading.text}`);
  const margin = lines.reduce((least, line) => Math.min(least, line.x), Infinity);

  const articles: ReadConsultationReport['articles'] = [];
  const texts: string[] = [];
  // The comment being read, while its text runs on; undefined once a note or a heading ends it.
  let open: number | undefined;
  let numberInArticle = 0;
  for (const line of lines.slice(start + 1)) {
    const article = ARTICLE.exec(line.text);
    if (article) {
      articles.push({ label: article[1], count: Number(article[2]) });
      numberInArticle = 0;
      open = undefined;
      continue;
    }
    if (line.size < NOTE_SIZE) {
      open = undefined;
      continue;
    }
    const numbered = NUMBERED.exec(line.text);
    // A wrapped line may happen to start '2. ': it sits at the margin, and an opening line is indented.
    const opens = numbered && Number(numbered[1]) === numberInArticle + 1 && line.x > margin + line.size && articles.length > 0;
    if (numbered && opens) {
      numberInArticle += 1;
      texts.push(numbered[2]);
      open = texts.length - 1;
    } else if (open !== undefined) {
      texts[open] += line.text;
    }
  }
  return { articles, texts };
}
