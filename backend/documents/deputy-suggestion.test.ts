/**
 * The printable 代表建议 and its 交办单 as a reader gets them: every check reads the PDF with
 * pdf.js (test/support/pdf-reader), which shares nothing with the writer.
 */
import { compact, LEFT, PAGE_NUMBER, RED, RIGHT } from '../../test/support/official-page';
import { readPdf, type PageReading, type PdfReading } from '../../test/support/pdf-reader';
import { renderAssignmentSheet } from './assignment-sheet';
import { renderDeputySuggestion } from './deputy-suggestion';
import { SAMPLE_ASSIGNMENT, SAMPLE_SUGGESTION } from './pdf/samples';

const NOW = new Date('2026-04-10T02:00:00Z');

function keepsInsideMargins(page: PageReading): void {
  for (const line of page.lines) {
    expect(line.x).toBeGreaterThanOrEqual(LEFT - 0.01);
    expect(line.x + line.width).toBeLessThanOrEqual(RIGHT + 0.01);
  }
}

describe('the 代表建议', () => {
  let reading: PdfReading;
  let page: PageReading;

  beforeAll(async () => {
    reading = await readPdf(await renderDeputySuggestion(SAMPLE_SUGGESTION, { now: NOW }));
    page = reading.pages[0];
  });

  it('reads, in order, heading, number, title, deputies, problem, proposal, cases by receipt number, attachments, signature and date', () => {
    expect(reading.pages).toHaveLength(1);
    expect(reading.title).toBe('福田区人大代表建议 福田〔2026〕第12号');
    expect(compact(reading.text)).toBe(
      [
        '福田区人大代表建议',
        '福田〔2026〕第12号',
        '关于加快老旧小区加装电梯的建议',
        '领衔代表：李华',
        '联名代表：王芳、陈志强',
        '一、问题和情况',
        '华富街道多个老旧小区无电梯，老年居民上下楼困难。',
        '今年以来联络站收到相关留言十余件。',
        '二、建议',
        '建议区住房和建设局简化加装电梯审批流程，加大补贴力度。',
        '关联群众留言（受理编号）：FT20260301-0012、FT20260315-0047',
        '附件：1.照片；2.PDF文件（见系统）',
        '领衔代表：李华',
        '2026年4月2日',
        '第1页共1页',
      ].join(''),
    );
  });

  it('carries the heading in red, the rest in black, inside the margins', () => {
    expect(page.shown.find((shown) => shown.text === '福田区人大代表建议')?.color).toBe(RED);
    expect(page.shown.filter((shown) => shown.color === RED)).toHaveLength(1);
    keepsInsideMargins(page);
  });

  it('embeds its font and misses no glyph', () => {
    expect(page.fonts.every((font) => font.embedded)).toBe(true);
    expect(page.shown.flatMap((shown) => shown.missingGlyphs)).toEqual([]);
  });

  it('says it has no number before acceptance, and leaves out co-signers, cases and attachments when there are none', async () => {
    const { number: _n, ...draft } = SAMPLE_SUGGESTION;
    const { text } = await readPdf(await renderDeputySuggestion({ ...draft, cosignerNames: [], receiptNos: [], attachments: [] }, { now: NOW }));
    expect(compact(text)).toContain('福田区人大代表建议（未立案编号）');
    expect(text).not.toContain('联名代表');
    expect(text).not.toContain('受理编号');
    expect(text).not.toContain('附件');
  });

  it('runs a long text over numbered pages, losing nothing, the signature with text above it', async () => {
    const sentence = '老旧小区加装电梯涉及规划、消防、资金分摊等多个环节，居民意见难以统一，审批时间长。';
    const problem = Array.from({ length: 14 }, (_, i) => `${i + 1}. ${sentence.repeat(4)}`).join('\n');
    const long = await readPdf(await renderDeputySuggestion({ ...SAMPLE_SUGGESTION, problem }, { now: NOW }));
    expect(long.pages.length).toBeGreaterThanOrEqual(3);
    long.pages.forEach((p, index) => {
      expect(p.lines.filter((line) => PAGE_NUMBER.test(line.text)).map((line) => line.text)).toEqual([`第 ${index + 1} 页 共 ${long.pages.length} 页`]);
      keepsInsideMargins(p);
    });
    const body = compact(long.pages.flatMap((p) => p.lines.filter((line) => !PAGE_NUMBER.test(line.text)).map((line) => line.text)).join(''));
    expect(body).toContain(compact(problem));
    const last = long.pages[long.pages.length - 1].lines.map((line) => line.text);
    expect(last).toEqual(expect.arrayContaining(['领衔代表：李华', '2026年4月2日']));
    expect(last.filter((text) => !PAGE_NUMBER.test(text)).length).toBeGreaterThan(2);
  });

  it('is reproducible for a given instant', async () => {
    const [a, b] = [await renderDeputySuggestion(SAMPLE_SUGGESTION, { now: NOW }), await renderDeputySuggestion(SAMPLE_SUGGESTION, { now: NOW })];
    expect(a.equals(b)).toBe(true);
  });
});

describe('the 交办单', () => {
  let reading: PdfReading;
  let page: PageReading;

  beforeAll(async () => {
    reading = await readPdf(await renderAssignmentSheet(SAMPLE_ASSIGNMENT, { now: NOW }));
    page = reading.pages[0];
  });

  it('reads, in order, heading, number, the units, the suggestion, each unit with its deadline, the office, the date and the receipt line', () => {
    expect(reading.pages).toHaveLength(1);
    expect(reading.title).toBe('福田区人大代表建议交办单 福田〔2026〕第12号');
    expect(compact(reading.text)).toBe(
      [
        '福田区人大代表建议交办单',
        '福田〔2026〕第12号',
        '区住房和建设局、华富街道办事处：',
        '现将李华等3名代表提出的《关于加快老旧小区加装电梯的建议》（福田〔2026〕第12号）交你单位办理。',
        '主办单位：区住房和建设局，请于2026年7月10日前书面答复代表，并抄送福田区人大常委会办公室。',
        '协办单位：华富街道办事处，请于2026年5月10日前将协办意见送主办单位。',
        '办理中请主动与代表沟通；如认为不属于本单位职责，请在规定期限内通过系统申请调整。',
        '特此交办。',
        '福田区人大常委会办公室',
        '2026年4月10日',
        '承办单位签收（盖章）：________________',
        '签收人：__________签收日期：______年____月____日',
        '第1页共1页',
      ].join(''),
    );
  });

  it('puts the receipt line below the office and its date', () => {
    const y = (text: string) => page.lines.find((line) => line.text === text)!.y;
    expect(y('2026年4月10日')).toBeLessThan(y('福田区人大常委会办公室'));
    expect(page.lines.find((line) => line.text.startsWith('承办单位签收'))!.y).toBeLessThan(y('2026年4月10日'));
    keepsInsideMargins(page);
    expect(page.shown.flatMap((shown) => shown.missingGlyphs)).toEqual([]);
  });

  it('names one deputy alone, and no assisting unit when there is none', async () => {
    const { text } = await readPdf(await renderAssignmentSheet({ ...SAMPLE_ASSIGNMENT, cosigners: 0, assists: [] }, { now: NOW }));
    expect(compact(text)).toContain('区住房和建设局：现将李华代表提出的');
    expect(text).not.toContain('协办');
  });
});
