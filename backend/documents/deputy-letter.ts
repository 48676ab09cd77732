import { chineseDate } from './chinese-date';
import { PdfDocument } from './pdf/document';
import { TextFlow, type ParagraphStyle } from './pdf/flow';
import { A4, mm, OFFICIAL_RED, type PageCanvas } from './pdf/page';
import { measure, splitParagraphs } from './pdf/text';

/** A 代表函: a case beyond the street's powers, sent on to the body that can act on it. */
export interface DeputyLetter {
  letterNo: string;
  district: string;
  stationName: string;
  deputyName?: string;
  receivingBody: string;
  receiptNo: string;
  title: string;
  request: string;
  /** Dates are 'YYYY-MM-DD'. */
  submittedAt: string;
  deadline: string;
  issuedOn: string;
  officerName?: string;
  stationPhone?: string;
}

export interface RenderOptions {
  /** The PDF's creation instant; defaults to now. */
  now?: Date;
}

// Margins after GB/T 9704 (党政机关公文格式): 37 mm top, 28 mm left, a 156 mm measure.
const LEFT = mm(28);
const MEASURE = mm(156);
// The text block sits 1 mm right of the page's middle; headings centre on the block.
const CENTRE = LEFT + MEASURE / 2;
const TOP = A4.height - mm(37);
const BOTTOM = mm(35);
const BODY: ParagraphStyle = { size: 16, lineHeight: 28, indentEm: 2 };
const SIGNATURE: ParagraphStyle = { ...BODY, indentEm: 0, align: 'right', rightIndentEm: 2 };
const TITLE_SIZE = 26;
const PAGE_NUMBER_SIZE = 10.5;

export function letterHeading(district: string): string {
  return `${district.trim()}人大代表联络站代表函`;
}

/** The letter's paragraphs: the case as received, then the closing request for a reply. */
export function letterParagraphs(letter: DeputyLetter): { body: string[]; closing: string[] } {
  const [firstRequest = '', ...moreRequest] = splitParagraphs(letter.request);
  const deputy = letter.deputyName?.trim();
  return {
    body: [
      `${chineseDate(letter.submittedAt)}，${letter.stationName}收到群众反映的问题（受理编号：${letter.receiptNo}），现将有关情况转送你单位。`,
      `标题：${letter.title}`,
      `反映内容：${firstRequest}`,
      ...moreRequest,
      ...(deputy ? [`此件由人大代表${deputy}转交。`] : []),
    ],
    closing: [`请于${chineseDate(letter.deadline)}前将办理情况书面答复${letter.stationName}。`, '特此函告。'],
  };
}

export function signatureLines(letter: DeputyLetter): string[] {
  const officer = letter.officerName?.trim();
  const phone = letter.stationPhone?.trim();
  return [letter.stationName, ...(officer ? [`联络员：${officer}`] : []), ...(phone ? [`电话：${phone}`] : []), chineseDate(letter.issuedOn)];
}

/** The red letterhead of the first page; returns where the text below it may start. */
function drawLetterhead(page: PageCanvas, letter: DeputyLetter): number {
  const heading = letterHeading(letter.district);
  // A long district name shrinks the heading rather than wrapping it.
  const size = Math.min(TITLE_SIZE, MEASURE / Math.max(1, measure(heading, 1)));
  const headingBaseline = TOP - size * 0.88;
  page.textCentred(headingBaseline, heading, { size, color: OFFICIAL_RED }, CENTRE);
  const numberBaseline = headingBaseline - 38;
  page.textCentred(numberBaseline, letter.letterNo, { size: 16 }, CENTRE);
  const ruleY = numberBaseline - 14;
  page.line(LEFT, ruleY, LEFT + MEASURE, ruleY, { width: 2, color: OFFICIAL_RED });
  return ruleY - 20;
}

/** The 代表函 as an A4 PDF, on as many pages as the request needs, numbered 第 x 页 共 n 页. */
export async function renderDeputyLetter(letter: DeputyLetter, options: RenderOptions = {}): Promise<Buffer> {
  const doc = await PdfDocument.create({ title: `${letterHeading(letter.district)} ${letter.letterNo}`, now: options.now });
  const first = doc.addPage();
  const flow = new TextFlow(doc, { left: LEFT, width: MEASURE, top: TOP, bottom: BOTTOM }, first, drawLetterhead(first, letter));

  flow.paragraph(`${letter.receivingBody}：`, { ...BODY, indentEm: 0 });
  const { body, closing } = letterParagraphs(letter);
  for (const paragraph of body) flow.paragraph(paragraph, BODY);

  // The closing request, 特此函告 and the signature stay together, so a page never carries
  // a signature alone (GB/T 9704 forbids it) and the block is never split.
  const signature = signatureLines(letter);
  const gap = BODY.lineHeight;
  const closingHeight = closing.reduce((sum, paragraph) => sum + flow.height(paragraph, BODY), 0);
  flow.keep(closingHeight + gap + signature.length * BODY.lineHeight);
  for (const paragraph of closing) flow.paragraph(paragraph, BODY);
  flow.gap(gap);
  for (const line of signature) flow.paragraph(line, SIGNATURE);

  doc.pages.forEach((page, index) => {
    page.textCentred(mm(22), `第 ${index + 1} 页 共 ${doc.pages.length} 页`, { size: PAGE_NUMBER_SIZE }, CENTRE);
  });
  return doc.toBuffer();
}
