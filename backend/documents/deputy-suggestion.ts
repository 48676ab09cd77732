/**
 * The printable 代表建议: a deputy's suggestion as the office files it, on the page of the
 * 代表函 (official-layout.ts). It carries the linked residents' cases by 受理编号 only — never
 * a resident's words or name — and lists the attachments, which stay in the system.
 */
import { chineseDate } from './chinese-date';
import { BODY, drawLetterhead, FLUSH, FRAME, numberPages, signOff } from './official-layout';
import { PdfDocument } from './pdf/document';
import { TextFlow, type ParagraphStyle } from './pdf/flow';
import { splitParagraphs } from './pdf/text';

export interface DeputySuggestion {
  district: string;
  /** 建议编号 from acceptance; absent before it. */
  number?: string;
  title: string;
  authorName: string;
  /** Co-signers who confirmed (联名), in the order asked. */
  cosignerNames: string[];
  problem: string;
  proposal: string;
  /** 受理编号 of the linked cases. */
  receiptNos: string[];
  attachments: { kind: 'photo' | 'pdf' }[];
  /** 'YYYY-MM-DD': submitted, or written (a draft). */
  date: string;
}

export interface RenderOptions {
  /** The PDF's creation instant; defaults to now. */
  now?: Date;
}

/** 二号 (22 pt), centred: the title as GB/T 9704 sets a document's. */
const TITLE: ParagraphStyle = { size: 22, lineHeight: 36, align: 'centre' };

export function suggestionHeading(district: string): string {
  return `${district.trim()}人大代表建议`;
}

/** Before acceptance the suggestion has no number: the number line says so. */
export const UNNUMBERED = '（未立案编号）';

const ATTACHMENT_KINDS: Readonly<Record<DeputySuggestion['attachments'][number]['kind'], string>> = { photo: '照片', pdf: 'PDF文件' };

/** The lines under the title: who raises it, then the two parts, the cases, the attachments. */
export function suggestionParagraphs(suggestion: DeputySuggestion): { facts: string[]; sections: { heading: string; paragraphs: string[] }[]; appendix: string[] } {
  const cosigners = suggestion.cosignerNames.map((name) => name.trim()).filter(Boolean);
  return {
    facts: [`领衔代表：${suggestion.authorName.trim()}`, ...(cosigners.length ? [`联名代表：${cosigners.join('、')}`] : [])],
    sections: [
      { heading: '一、问题和情况', paragraphs: splitParagraphs(suggestion.problem) },
      { heading: '二、建议', paragraphs: splitParagraphs(suggestion.proposal) },
    ],
    appendix: [
      ...(suggestion.receiptNos.length ? [`关联群众留言（受理编号）：${suggestion.receiptNos.join('、')}`] : []),
      ...(suggestion.attachments.length ? [`附件：${suggestion.attachments.map((a, i) => `${i + 1}. ${ATTACHMENT_KINDS[a.kind]}`).join('；')}（见系统）`] : []),
    ],
  };
}

/** The 代表建议 as an A4 PDF, on as many pages as its text needs, numbered 第 x 页 共 n 页. */
export async function renderDeputySuggestion(suggestion: DeputySuggestion, options: RenderOptions = {}): Promise<Buffer> {
  const heading = suggestionHeading(suggestion.district);
  const number = suggestion.number ?? UNNUMBERED;
  const doc = await PdfDocument.create({ title: `${heading} ${number}`, now: options.now });
  const first = doc.addPage();
  const flow = new TextFlow(doc, FRAME, first, drawLetterhead(first, heading, number));

  flow.paragraph(suggestion.title, TITLE);
  flow.gap(BODY.lineHeight / 2);
  const { facts, sections, appendix } = suggestionParagraphs(suggestion);
  for (const line of facts) flow.paragraph(line, FLUSH);
  for (const section of sections) {
    // A heading never ends a page: it goes with the first line of its text.
    flow.keep(BODY.lineHeight * 2);
    flow.paragraph(section.heading, FLUSH);
    for (const paragraph of section.paragraphs) flow.paragraph(paragraph, BODY);
  }
  signOff(flow, appendix, [`领衔代表：${suggestion.authorName.trim()}`, chineseDate(suggestion.date)]);
  numberPages(doc);
  return doc.toBuffer();
}
