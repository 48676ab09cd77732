import { chineseDate } from './chinese-date';
import { BODY, drawLetterhead, FLUSH, FRAME, numberPages, signOff } from './official-layout';
import { PdfDocument } from './pdf/document';
import { TextFlow } from './pdf/flow';
import { splitParagraphs } from './pdf/text';

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

/** The 代表函 as an A4 PDF, on as many pages as the request needs, numbered 第 x 页 共 n 页. */
export async function renderDeputyLetter(letter: DeputyLetter, options: RenderOptions = {}): Promise<Buffer> {
  const doc = await PdfDocument.create({ title: `${letterHeading(letter.district)} ${letter.letterNo}`, now: options.now });
  const first = doc.addPage();
  const flow = new TextFlow(doc, FRAME, first, drawLetterhead(first, letterHeading(letter.district), letter.letterNo));

  flow.paragraph(`${letter.receivingBody}：`, FLUSH);
  const { body, closing } = letterParagraphs(letter);
  for (const paragraph of body) flow.paragraph(paragraph, BODY);
  // The closing request, 特此函告 and the signature stay together (official-layout.ts).
  signOff(flow, closing, signatureLines(letter));
  numberPages(doc);
  return doc.toBuffer();
}
