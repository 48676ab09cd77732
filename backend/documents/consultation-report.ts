/**
 * The printable 征集意见汇总: the comments that stations forwarded on a draft law, compiled per
 * article for the body that asked, on the page of the 代表函 (official-layout.ts). It prints
 * only what residents chose to have printed (the byline) — never a contact.
 */
import type { ReportArticle } from '../../typings/consultation';
import { chineseDate } from './chinese-date';
import { articleHeading, articlesInOrder, compiledOn, draftTitle, mergedNote, REPORT_WORDS, reportTitle, type ConsultationReportContent } from './consultation-report-content';
import { BODY, CENTRE, FLUSH, FRAME, LEFT, MEASURE, numberPages, TOP } from './official-layout';
import { PdfDocument } from './pdf/document';
import { TextFlow, type ParagraphStyle } from './pdf/flow';
import { OFFICIAL_RED, type PageCanvas } from './pdf/page';
import { measure, splitParagraphs, wrapParagraph } from './pdf/text';

export interface RenderOptions {
  /** The PDF's creation instant; defaults to the compiling instant, so a report renders the same twice. */
  now?: Date;
}

/** The masthead: the stations speak here as the legislature's 基层立法联系点. */
export const MASTHEAD = '基层立法联系点';
const MASTHEAD_SIZE = 26;
/** 二号 (22 pt), centred: the title as GB/T 9704 sets a document's. */
const TITLE: ParagraphStyle = { size: 22, lineHeight: 36, align: 'centre' };
/** The original wording and the byline under a comment: smaller, so the comments stand out. */
const NOTE: ParagraphStyle = { size: 14, lineHeight: 24, indentEm: 2 };
const BYLINE: ParagraphStyle = { size: 14, lineHeight: 24, align: 'right' };
const TABLE = { size: 14, lineHeight: 24 } as const;
/** Wide enough for its header, 报送意见（条）: seven characters. */
const COUNT_COLUMN = TABLE.size * 7;
/** A comment up to a third of a page is never split from its byline; keeping a longer one whole would leave pages half white. */
const KEEP_WHOLE = (FRAME.top - FRAME.bottom) / 3;

/** The red masthead over its red rule; returns where the text below may start. */
function drawMasthead(page: PageCanvas): number {
  const baseline = TOP - MASTHEAD_SIZE * 0.88;
  page.textCentred(baseline, MASTHEAD, { size: MASTHEAD_SIZE, color: OFFICIAL_RED }, CENTRE);
  const ruleY = baseline - 18;
  page.line(LEFT, ruleY, LEFT + MEASURE, ruleY, { width: 2, color: OFFICIAL_RED });
  return ruleY - 20;
}

export function summaryParagraph(content: ConsultationReportContent): string {
  return (
    `本次征集意见，参与联络站${content.stations.length}个，参与群众${content.participants}人，` +
    `收到意见${content.received}条，报送${content.forwarded}条。各联络站报送情况如下：`
  );
}

/** A heading never ends a page: it goes with the first line below it. */
function heading(flow: TextFlow, text: string): void {
  flow.keep(flow.height(text, FLUSH) + BODY.lineHeight);
  flow.paragraph(text, FLUSH);
}

/** One row of the stations' table: the name (wrapped in its column) and the count on its first line. */
function tableRow(flow: TextFlow, name: string, count: string): void {
  const lines = wrapParagraph(name, MEASURE - COUNT_COLUMN, TABLE.size);
  flow.keep(lines.length * TABLE.lineHeight);
  lines.forEach((line, index) => {
    // The baseline where TextFlow puts one: CJK glyphs sit centred in the line box.
    const baseline = flow.cursor - TABLE.lineHeight / 2 - TABLE.size * 0.35;
    flow.page.text(LEFT, baseline, line, TABLE);
    if (index === 0) flow.page.textRight(LEFT + MEASURE, baseline, count, TABLE);
    flow.gap(TABLE.lineHeight);
  });
}

function stationTable(flow: TextFlow, stations: ConsultationReportContent['stations']): void {
  flow.keep(TABLE.lineHeight * 2);
  tableRow(flow, '联络站', '报送意见（条）');
  const ruleY = flow.cursor + 2;
  flow.page.line(LEFT, ruleY, LEFT + MEASURE, ruleY, { width: 0.75 });
  stations.forEach((station, index) => tableRow(flow, `${index + 1}. ${station.name.trim()}`, String(station.forwarded)));
}

/** The paragraphs of one comment, each in its style: what the page draws and measures. */
function commentParagraphs(number: number, entry: ReportArticle['comments'][number]): [string, ParagraphStyle][] {
  const [first = '', ...rest] = splitParagraphs(entry.text);
  const paragraphs: [string, ParagraphStyle][] = [[`${number}. ${first}`, BODY], ...rest.map((text): [string, ParagraphStyle] => [text, BODY])];
  if (entry.originalText !== undefined) {
    const [firstOriginal = '', ...restOriginal] = splitParagraphs(entry.originalText);
    paragraphs.push([`原文：${firstOriginal}`, NOTE], ...restOriginal.map((text): [string, ParagraphStyle] => [text, NOTE]));
  }
  paragraphs.push([`——${entry.byline.trim()}，${entry.station.trim()}`, BYLINE]);
  const merged = mergedNote(entry.merged);
  if (merged) paragraphs.push([merged, BYLINE]);
  return paragraphs;
}

/** What must fit before a comment starts: a short one whole with its byline; of a long one, its first lines. */
function keepHeight(flow: TextFlow, paragraphs: [string, ParagraphStyle][]): number {
  const height = paragraphs.reduce((sum, [text, style]) => sum + flow.height(text, style), 0);
  return height <= KEEP_WHOLE ? height : BODY.lineHeight * 2;
}

/** An article's heading, kept with the start of its first comment, then each comment numbered. */
function article(flow: TextFlow, entry: ReportArticle): void {
  const comments = entry.comments.map((one, index) => commentParagraphs(index + 1, one));
  const title = articleHeading(entry);
  flow.keep(flow.height(title, FLUSH) + (comments.length ? keepHeight(flow, comments[0]) : 0));
  flow.paragraph(title, FLUSH);
  for (const paragraphs of comments) {
    flow.keep(keepHeight(flow, paragraphs));
    for (const [text, style] of paragraphs) flow.paragraph(text, style);
    flow.gap(BODY.lineHeight / 4);
  }
}

/** The title on one line if it fits; else the draft's title, then 征集意见汇总 on its own line. */
function titleLines(content: ConsultationReportContent): string[] {
  const whole = reportTitle(content);
  return measure(whole, TITLE.size) <= MEASURE ? [whole] : [draftTitle(content.title), REPORT_WORDS];
}

/** The 征集意见汇总 as an A4 PDF, on as many pages as the comments need, numbered 第 x 页 共 n 页. */
export async function renderConsultationReport(content: ConsultationReportContent, options: RenderOptions = {}): Promise<Uint8Array> {
  const title = reportTitle(content);
  const day = compiledOn(content.compiledAt);
  const doc = await PdfDocument.create({ title, now: options.now ?? new Date(content.compiledAt) });
  const first = doc.addPage();
  const flow = new TextFlow(doc, FRAME, first, drawMasthead(first));

  for (const line of titleLines(content)) flow.paragraph(line, TITLE);
  flow.gap(BODY.lineHeight / 2);
  for (const fact of [`征求意见机关：${content.askedBy.trim()}`, `截止日期：${chineseDate(content.closesOn)}`, `汇总日期：${chineseDate(day)}`]) {
    flow.paragraph(fact, FLUSH);
  }
  heading(flow, '一、基本情况');
  flow.paragraph(summaryParagraph(content), BODY);
  stationTable(flow, content.stations);

  flow.gap(BODY.lineHeight / 2);
  heading(flow, '二、分条意见');
  const articles = articlesInOrder(content.articles);
  if (articles.length === 0) flow.paragraph('本次征集没有报送的意见。', BODY);
  for (const entry of articles) article(flow, entry);
  numberPages(doc);
  return doc.toBuffer();
}
