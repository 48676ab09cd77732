/**
 * The 征集意见汇总 as a reader gets it: every check reads the PDF with pdf.js
 * (test/support/pdf-reader), which shares nothing with the writer; what each page should say
 * is written out by hand.
 */
import type { ReportArticle } from '../../typings/consultation';
import { compact, LEFT, PAGE_NUMBER, RED, RIGHT } from '../../test/support/official-page';
import { consultationReportOf, readConsultationReport, type ReadConsultationReport } from '../../test/journeys/support/read-consultation-report';
import { readPdf, type PageReading, type PdfReading } from '../../test/support/pdf-reader';
import type { ConsultationReportContent } from './consultation-report-content';
import { renderConsultationReport } from './consultation-report';
import { SAMPLE_CONSULTATION_REPORT } from './pdf/samples';

const SAMPLE = SAMPLE_CONSULTATION_REPORT;

function keepsInsideMargins(page: PageReading): void {
  for (const line of page.lines) {
    expect(line.x).toBeGreaterThanOrEqual(LEFT - 0.01);
    expect(line.x + line.width).toBeLessThanOrEqual(RIGHT + 0.01);
  }
}

/** Every page's text but the page numbers, rejoined across line and page breaks. */
const bodyOf = (reading: PdfReading) =>
  compact(
    reading.pages
      .flatMap((page) => page.lines)
      .filter((line) => !PAGE_NUMBER.test(line.text))
      .map((line) => line.text)
      .join(''),
  );

describe('the 征集意见汇总', () => {
  let reading: PdfReading;

  beforeAll(async () => {
    reading = await readPdf(await renderConsultationReport(SAMPLE));
  });

  it('reads, in order: masthead, title, the asking body and dates, the summary, the stations, then 总体意见 and each article with its comments', () => {
    expect(reading.title).toBe('《中华人民共和国社会救助法（草案）》征集意见汇总');
    expect(reading.pages).toHaveLength(2);
    expect(compact(reading.text)).toBe(
      [
        '基层立法联系点',
        '《中华人民共和国社会救助法（草案）》',
        '征集意见汇总',
        '征求意见机关：全国人大常委会法制工作委员会',
        '截止日期：2026年12月15日',
        '汇总日期：2026年12月16日',
        '一、基本情况',
        '本次征集意见，参与联络站2个，参与群众5人，收到意见6条，报送4条。各联络站报送情况如下：',
        '联络站报送意见（条）',
        '1.华富街道人大代表联络站3',
        '2.莲花街道人大代表联络站1',
        '二、分条意见',
        '总体意见（1条意见）',
        '1.草案总体可行，建议增加对困难群众的主动发现机制。',
        '——李明（社区工作者），华富街道人大代表联络站',
        '（合并相同意见2条）',
        '第1页共2页',
        '第三条（2条意见）',
        '1.建议明确救助申请的办理时限，不超过十五个工作日。',
        '原文：办理时间太长了，希望快一点，最好半个月内办完。',
        '——王芳（退休教师），华富街道人大代表联络站',
        '2.临时救助应当简化手续。',
        '对急难情形可以先救助后审核。',
        '——匿名，华富街道人大代表联络站',
        '第十二条（1条意见）',
        '1.建议将“低收入家庭”的认定标准写入法律，避免各地标准不一。',
        '——匿名，莲花街道人大代表联络站',
        '第2页共2页',
      ].join(''),
    );
  });

  it('sets each station’s forwarded count flush with the right margin, on the station’s line', () => {
    const rows = reading.pages[0].lines.filter((line) => /^[12]\. /.test(line.text) && line.text.includes('联络站'));
    expect(rows.map((row) => compact(row.text))).toEqual(['1.华富街道人大代表联络站3', '2.莲花街道人大代表联络站1']);
    for (const row of rows) expect(row.x + row.width).toBeCloseTo(RIGHT, 0);
  });

  it('is dated by the instant it was compiled, and prints the masthead alone in red, inside the margins, every glyph embedded', () => {
    expect(reading.created?.toISOString()).toBe('2026-12-16T01:30:00.000Z');
    const [first] = reading.pages;
    expect(first.shown.filter((shown) => shown.color === RED).map((shown) => shown.text)).toEqual(['基层立法联系点']);
    for (const page of reading.pages) {
      keepsInsideMargins(page);
      expect(page.fonts.every((font) => font.embedded)).toBe(true);
      expect(page.shown.flatMap((shown) => shown.missingGlyphs)).toEqual([]);
    }
  });

  it('keeps a title that already has its book-title marks on one line, and says so when nothing was forwarded', async () => {
    const empty: ConsultationReportContent = {
      ...SAMPLE,
      title: '《中华人民共和国档案法》',
      stations: [{ id: 's', name: '华富街道人大代表联络站', forwarded: 0 }],
      participants: 1,
      received: 1,
      forwarded: 0,
      articles: [],
    };
    const { text, pages } = await readPdf(await renderConsultationReport(empty));
    expect(pages[0].lines.map((line) => line.text)).toContain('《中华人民共和国档案法》征集意见汇总');
    expect(compact(text)).toContain('参与联络站1个，参与群众1人，收到意见1条，报送0条。');
    expect(compact(text)).toContain('二、分条意见本次征集没有报送的意见。第1页共1页');
  });

  it('renders the same bytes twice', async () => {
    const [a, b] = [await renderConsultationReport(SAMPLE), await renderConsultationReport(SAMPLE)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('a 征集意见汇总 of 41 comments of 1,000 characters', () => {
  // Label, number and how many comments each article has: 41 in all (about 90 pages), handed in out of order.
  const ARTICLES: [string, number, number][] = [
    ['第十二条', 12, 6],
    ['总体意见', 0, 2],
    ['第一条', 1, 3],
    ['第二条', 2, 4],
    ['第三条', 3, 5],
    ['第五条', 5, 6],
    ['第八条', 8, 7],
    ['第十条', 10, 8],
  ];
  const SENTENCE = '建议在条文中明确“困难群众”的认定标准、申请程序和办理时限，（一）简化材料；（二）公开进度！';
  /** Exactly 1,000 characters, each comment told apart by its opening mark. */
  const textOf = (label: string, n: number) => {
    const mark = `【${label}第${n}条意见】`;
    return mark + SENTENCE.repeat(30).slice(0, 1000 - mark.length);
  };
  const articles: ReportArticle[] = ARTICLES.map(([label, articleNo, count]) => ({
    articleNo,
    label,
    count,
    comments: Array.from({ length: count }, (_, i) => ({
      id: `${articleNo}-${i + 1}`,
      station: i % 2 ? '莲花街道人大代表联络站' : '华富街道人大代表联络站',
      text: textOf(label, i + 1),
      ...(i % 3 === 0 ? { originalText: `原话：${label}第${i + 1}条，群众当面所说。` } : {}),
      byline: i % 2 ? '匿名' : '张伟（快递员）',
      merged: i % 5 === 4 ? 1 : 0,
    })),
  }));
  const content: ConsultationReportContent = { ...SAMPLE, articles, participants: 38, received: 50, forwarded: 41 };
  let reading: PdfReading;
  let body: string;
  let journeyReading: ReadConsultationReport;

  beforeAll(async () => {
    reading = await readPdf(await renderConsultationReport(content));
    journeyReading = consultationReportOf(reading);
    body = bodyOf(reading);
  }, 60_000);

  it('heads 总体意见 first, then each article in order, each with its count', () => {
    const headings = reading.pages.flatMap((page) => page.lines.map((line) => line.text)).filter((text) => /^(总体意见|第.+条)（\d+条意见）$/.test(text));
    expect(headings).toEqual([
      '总体意见（2条意见）',
      '第一条（3条意见）',
      '第二条（4条意见）',
      '第三条（5条意见）',
      '第五条（6条意见）',
      '第八条（7条意见）',
      '第十条（8条意见）',
      '第十二条（6条意见）',
    ]);
  });

  it('prints every comment whole and numbered, in order, with its byline, station, original and merged note', () => {
    const inOrder = [...ARTICLES].sort((a, b) => a[1] - b[1]);
    let from = 0;
    for (const [label, , count] of inOrder) {
      for (let n = 1; n <= count; n += 1) {
        const expected =
          `${n}.${textOf(label, n)}` +
          ((n - 1) % 3 === 0 ? `原文：原话：${label}第${n}条，群众当面所说。` : '') +
          ((n - 1) % 2 ? '——匿名，莲花街道人大代表联络站' : '——张伟（快递员），华富街道人大代表联络站') +
          ((n - 1) % 5 === 4 ? '（合并相同意见1条）' : '');
        const at = body.indexOf(expected, from);
        if (at < 0) throw new Error(`${label} comment ${n} is not whole after position ${from}`);
        from = at + expected.length;
      }
    }
  });

  it('runs a comment over a page break, losing nothing, and numbers every page inside the margins', () => {
    const pageOf = (text: string) => reading.pages.findIndex((page) => compact(page.text).includes(text));
    // 第一条's first comment starts on one page and ends on a later one.
    const opening = pageOf('1.【第一条第1条意见】');
    const closing = pageOf(`${textOf('第一条', 1).slice(-40)}——张伟（快递员）`);
    expect(closing).toBeGreaterThan(opening);
    expect(reading.pages.length).toBeGreaterThan(60);
    reading.pages.forEach((page, index) => {
      expect(page.lines.filter((line) => PAGE_NUMBER.test(line.text)).map((line) => line.text)).toEqual([`第 ${index + 1} 页 共 ${reading.pages.length} 页`]);
      keepsInsideMargins(page);
    });
  });

  it('reads back, with the journeys’ reader, each article with its count and each comment’s text in order', () => {
    expect(journeyReading.articles).toEqual([
      { label: '总体意见', count: 2 },
      { label: '第一条', count: 3 },
      { label: '第二条', count: 4 },
      { label: '第三条', count: 5 },
      { label: '第五条', count: 6 },
      { label: '第八条', count: 7 },
      { label: '第十条', count: 8 },
      { label: '第十二条', count: 6 },
    ]);
    const inOrder = [...ARTICLES].sort((a, b) => a[1] - b[1]);
    expect(journeyReading.texts).toEqual(inOrder.flatMap(([label, , count]) => Array.from({ length: count }, (_, i) => textOf(label, i + 1))));
  });
});

describe('the journeys’ reader of a 征集意见汇总', () => {
  it('tells a wrapped line that starts like a number from the next comment, and keeps the spaces inside a line', async () => {
    // 第一条's first comment is one full line, then a line at the margin that starts '2. ' (checked below).
    const text = `${'为'.repeat(24)} 2. 简化流程`;
    const report: ConsultationReportContent = {
      ...SAMPLE,
      articles: [
        {
          articleNo: 1,
          label: '第一条',
          count: 2,
          comments: [
            { id: 'a', station: '华富街道人大代表联络站', text, byline: '匿名', merged: 0 },
            { id: 'b', station: '华富街道人大代表联络站', text: '同意。', byline: '匿名', merged: 0 },
          ],
        },
      ],
    };
    const bytes = await renderConsultationReport(report);
    const lines = (await readPdf(bytes)).pages.flatMap((page) => page.lines.map((line) => line.text));
    // The space at the wrap goes, as a reader copying the lines loses it.
    expect(lines).toContain('2. 简化流程');
    expect(await readConsultationReport(bytes)).toEqual({ articles: [{ label: '第一条', count: 2 }], texts: [`${'为'.repeat(24)}2. 简化流程`, '同意。'] });
  });
});
