/**
 * The page of the district's official documents — the 代表函, the 代表建议 and its 交办单 — so
 * they print alike: margins after GB/T 9704 (党政机关公文格式: 37 mm top, 28 mm left, a 156 mm
 * measure), a red heading and the document's number over a red rule, 16 pt body text on a
 * 28 pt line, and 第 x 页 共 n 页 at the foot of every page.
 */
import type { PdfDocument } from './pdf/document';
import type { ParagraphStyle, TextFlow } from './pdf/flow';
import { A4, mm, OFFICIAL_RED, type PageCanvas } from './pdf/page';
import { measure } from './pdf/text';

export const LEFT = mm(28);
export const MEASURE = mm(156);
// The text block sits 1 mm right of the page's middle; headings centre on the block.
export const CENTRE = LEFT + MEASURE / 2;
export const TOP = A4.height - mm(37);
export const BOTTOM = mm(35);
export const FRAME = { left: LEFT, width: MEASURE, top: TOP, bottom: BOTTOM } as const;
export const BODY: ParagraphStyle = { size: 16, lineHeight: 28, indentEm: 2 };
/** A line that starts at the margin: an addressee, a labelled fact. */
export const FLUSH: ParagraphStyle = { ...BODY, indentEm: 0 };
/** 右空二字: the signature block, right-aligned two characters off the margin. */
export const SIGNATURE: ParagraphStyle = { ...BODY, indentEm: 0, align: 'right', rightIndentEm: 2 };
const HEADING_SIZE = 26;
const PAGE_NUMBER_SIZE = 10.5;

/** The red heading and, under it, the number, then the red rule; returns where the text below may start. */
export function drawLetterhead(page: PageCanvas, heading: string, number: string): number {
  // A long heading shrinks rather than wrapping.
  const size = Math.min(HEADING_SIZE, MEASURE / Math.max(1, measure(heading, 1)));
  const headingBaseline = TOP - size * 0.88;
  page.textCentred(headingBaseline, heading, { size, color: OFFICIAL_RED }, CENTRE);
  const numberBaseline = headingBaseline - 38;
  page.textCentred(numberBaseline, number, { size: 16 }, CENTRE);
  const ruleY = numberBaseline - 14;
  page.line(LEFT, ruleY, LEFT + MEASURE, ruleY, { width: 2, color: OFFICIAL_RED });
  return ruleY - 20;
}

/**
 * The closing lines and the signature, kept on one page: a page never carries a signature
 * alone (GB/T 9704 forbids it), and the block is never split. `following`: the height of what
 * must stay on the signature's page after it (a receipt to sign).
 */
export function signOff(flow: TextFlow, closing: readonly string[], signature: readonly string[], following = 0): void {
  const gap = BODY.lineHeight;
  const closingHeight = closing.reduce((sum, paragraph) => sum + flow.height(paragraph, BODY), 0);
  flow.keep(closingHeight + gap + signature.length * BODY.lineHeight + following);
  for (const paragraph of closing) flow.paragraph(paragraph, BODY);
  flow.gap(gap);
  for (const line of signature) flow.paragraph(line, SIGNATURE);
}

/** 第 x 页 共 n 页 at the foot of every page, once the layout is done. */
export function numberPages(doc: PdfDocument): void {
  doc.pages.forEach((page, index) => {
    page.textCentred(mm(22), `第 ${index + 1} 页 共 ${doc.pages.length} 页`, { size: PAGE_NUMBER_SIZE }, CENTRE);
  });
}
