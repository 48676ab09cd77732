/**
 * The 交办单: the district office's sheet sending a 代表建议 to its lead unit (主办) and
 * assisting units (协办), each with its deadline, on the page of the 代表函
 * (official-layout.ts), with a line at the foot where the unit signs for it (签收).
 */
import { chineseDate } from './chinese-date';
import { BODY, drawLetterhead, FLUSH, FRAME, numberPages, signOff } from './official-layout';
import { PdfDocument } from './pdf/document';
import { TextFlow } from './pdf/flow';

export interface AssignmentSheet {
  district: string;
  /** 建议编号 (given at acceptance, so always there once assigned). */
  number: string;
  title: string;
  authorName: string;
  /** How many co-signers confirmed (联名), besides the author. */
  cosigners: number;
  /** Dates are 'YYYY-MM-DD'. */
  lead: { name: string; deadline: string };
  assists: { name: string; deadline: string }[];
  assignedOn: string;
}

export interface RenderOptions {
  /** The PDF's creation instant; defaults to now. */
  now?: Date;
}

export function assignmentHeading(district: string): string {
  return `${district.trim()}人大代表建议交办单`;
}

/** The district office that assigns: 福田区人大常委会办公室. */
export function officeName(district: string): string {
  return `${district.trim()}人大常委会办公室`;
}

/** Where the unit signs for the sheet: blanks a pen fills in. */
export const RECEIPT_LINES = ['承办单位签收（盖章）：________________', '签收人：__________    签收日期：______年____月____日'];

export function assignmentParagraphs(sheet: AssignmentSheet): { addressee: string; body: string[]; units: string[]; closing: string[] } {
  const office = officeName(sheet.district);
  const by = sheet.cosigners > 0 ? `${sheet.authorName.trim()}等${sheet.cosigners + 1}名代表` : `${sheet.authorName.trim()}代表`;
  return {
    addressee: `${[sheet.lead, ...sheet.assists].map((unit) => unit.name.trim()).join('、')}：`,
    body: [`现将${by}提出的《${sheet.title}》（${sheet.number}）交你单位办理。`],
    units: [
      `主办单位：${sheet.lead.name.trim()}，请于${chineseDate(sheet.lead.deadline)}前书面答复代表，并抄送${office}。`,
      ...sheet.assists.map((unit) => `协办单位：${unit.name.trim()}，请于${chineseDate(unit.deadline)}前将协办意见送主办单位。`),
    ],
    closing: ['办理中请主动与代表沟通；如认为不属于本单位职责，请在规定期限内通过系统申请调整。', '特此交办。'],
  };
}

/** The 交办单 as an A4 PDF, numbered 第 x 页 共 n 页. */
export async function renderAssignmentSheet(sheet: AssignmentSheet, options: RenderOptions = {}): Promise<Buffer> {
  const heading = assignmentHeading(sheet.district);
  const doc = await PdfDocument.create({ title: `${heading} ${sheet.number}`, now: options.now });
  const first = doc.addPage();
  const flow = new TextFlow(doc, FRAME, first, drawLetterhead(first, heading, sheet.number));

  const { addressee, body, units, closing } = assignmentParagraphs(sheet);
  flow.paragraph(addressee, FLUSH);
  for (const paragraph of [...body, ...units]) flow.paragraph(paragraph, BODY);
  // The unit's receipt goes below the office's signature, on its page.
  const receiptHeight = BODY.lineHeight * (RECEIPT_LINES.length + 1);
  signOff(flow, closing, [officeName(sheet.district), chineseDate(sheet.assignedOn)], receiptHeight);
  flow.gap(BODY.lineHeight);
  for (const line of RECEIPT_LINES) flow.paragraph(line, FLUSH);
  numberPages(doc);
  return doc.toBuffer();
}
