/**
 * The 代表函 as a reader gets it: every check reads the PDF with pdf.js (test/support/pdf-reader),
 * which shares nothing with the writer; positions and widths are pdf.js's own.
 */
import { compact, LEFT, mm, PAGE_NUMBER, RED, RIGHT } from '../../test/support/official-page';
import { readPdf, type PageReading, type PdfReading, type TextLine } from '../../test/support/pdf-reader';
import { renderDeputyLetter } from './deputy-letter';
import { SAMPLE_LETTER } from './pdf/samples';

const NOW = new Date('2026-11-22T02:00:00Z');

const LETTER = SAMPLE_LETTER;

const bodyText = (reading: PdfReading) =>
  compact(
    reading.pages
      .flatMap((page) => page.lines)
      .filter((line) => !PAGE_NUMBER.test(line.text))
      .map((line) => line.text)
      .join(''),
  );
const lineOf = (page: PageReading, text: string): TextLine => {
  const line = page.lines.find((l) => l.text === text);
  if (!line) throw new Error(`no line "${text}" in:\n${page.text}`);
  return line;
};

describe('the 代表函', () => {
  let letter: PdfReading;
  let page: PageReading;
  let texts: string[];

  beforeAll(async () => {
    letter = await readPdf(await renderDeputyLetter(LETTER, { now: NOW }));
    page = letter.pages[0];
    texts = page.lines.map((line) => line.text);
  });

  it('is one A4 page numbered 第 1 页 共 1 页, titled with its heading and number', () => {
    expect(letter.pages).toHaveLength(1);
    expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
    expect(texts).toContain('第 1 页 共 1 页');
    expect(letter.title).toBe('福田区人大代表联络站代表函 福人代联函〔2026〕12号');
  });

  it('reads, in order, letterhead, number, addressee, the request in its own words, the closing and the signature', () => {
    expect(compact(letter.text)).toBe(
      [
        '福田区人大代表联络站代表函',
        '福人代联函〔2026〕12号',
        '福田区住房和建设局：',
        '2026年11月2日，华富街道人大代表联络站收到群众反映的问题（受理编号：FT-2026-000123），现将有关情况转送你单位。',
        '标题：莲花北社区道路反复开挖',
        '反映内容：莲花北社区门前道路自三月起多次开挖回填，至今未恢复，雨天积水严重。',
        '居民希望尽快修复并公布施工单位和工期。',
        '此件由人大代表李华转交。',
        '请于2026年12月2日前将办理情况书面答复华富街道人大代表联络站。',
        '特此函告。',
        '华富街道人大代表联络站',
        '联络员：王敏',
        '电话：0755-83212345',
        '2026年11月22日',
        '第1页共1页',
      ].join(''),
    );
  });

  it('carries the letterhead in red as its first line, the rest in black', () => {
    expect(texts[0]).toBe('福田区人大代表联络站代表函');
    expect(page.shown.find((shown) => shown.text === '福田区人大代表联络站代表函')?.color).toBe(RED);
    expect(page.shown.find((shown) => shown.text === LETTER.letterNo)?.color).toBe('#000000');
    expect(page.shown.filter((shown) => shown.color === RED)).toHaveLength(1);
  });

  it('shrinks a long heading to the measure rather than wrapping it', async () => {
    const long = await readPdf(await renderDeputyLetter({ ...LETTER, district: '广东省深圳市福田区华富街道办事处辖区' }, { now: NOW }));
    const heading = long.pages[0].lines[0];
    expect(heading.text).toBe('广东省深圳市福田区华富街道办事处辖区人大代表联络站代表函');
    expect(heading.size).toBeLessThan(26);
    expect(heading.x).toBeGreaterThanOrEqual(LEFT - 0.01);
    expect(heading.x + heading.width).toBeLessThanOrEqual(RIGHT + 0.01);
  });

  it('ends with the station, its officer and phone, and the date in Chinese, right-aligned together', () => {
    const signature = ['华富街道人大代表联络站', '联络员：王敏', '电话：0755-83212345', '2026年11月22日'];
    // The station's name also opens the body; the signature's is the last line of that text.
    const lines = signature.map((text) => page.lines.filter((line) => line.text === text).pop()!);
    expect(lines.every(Boolean)).toBe(true);
    const rightEdges = lines.map((line) => line.x + line.width);
    for (const edge of rightEdges) expect(edge).toBeCloseTo(rightEdges[0], 1);
    const ys = lines.map((line) => line.y);
    expect(ys).toEqual([...ys].sort((a, b) => b - a)); // read top to bottom
  });

  it('leaves out the deputy, officer and phone lines when there are none', async () => {
    const { deputyName: _d, officerName: _o, stationPhone: _p, ...bare } = LETTER;
    const { text } = await readPdf(await renderDeputyLetter(bare, { now: NOW }));
    expect(text).not.toContain('转交');
    expect(text).not.toContain('联络员');
    expect(text).not.toContain('电话');
    expect(text).toContain('2026年11月22日');
  });

  it('keeps all text inside the margins', () => {
    for (const line of page.lines) {
      expect(line.x).toBeGreaterThanOrEqual(LEFT - 0.01);
      expect(line.x + line.width).toBeLessThanOrEqual(RIGHT + 0.01);
      expect(line.y).toBeGreaterThan(mm(20));
    }
  });

  it('embeds a subset of Noto Serif SC and draws every glyph from it: it prints the same where no Chinese font is installed', () => {
    expect(page.fonts).toEqual([{ name: expect.stringMatching(/^[A-Z]{6}\+NotoSerifSC-Regular$/), embedded: true, composite: true }]);
    expect(page.shown.flatMap((shown) => shown.missingGlyphs)).toEqual([]);
  });

  it('is reproducible for a given instant', async () => {
    const [first, second] = [await renderDeputyLetter(LETTER, { now: NOW }), await renderDeputyLetter(LETTER, { now: NOW })];
    expect(first.equals(second)).toBe(true);
  });
});

describe('a name with rare characters beyond the BMP (生僻字)', () => {
  let rare: PageReading;

  beforeAll(async () => {
    // 𠮷 U+20BB7 and 𡈼 U+2123C are missing from Noto Serif SC: they come from the fallbacks.
    rare = (await readPdf(await renderDeputyLetter({ ...LETTER, deputyName: '吉𠮷𡈼' }, { now: NOW }))).pages[0];
  });

  it('reads back unchanged, in the line that names the deputy', () => {
    expect(rare.lines.map((line) => line.text)).toContain('此件由人大代表吉𠮷𡈼转交。');
  });

  it('is drawn from embedded fonts that have its glyphs', () => {
    expect(rare.fonts.every((font) => font.embedded)).toBe(true);
    expect(rare.fonts.map((font) => font.name.split('+')[1]).sort()).toEqual(['NotoSerifJP-Regular', 'NotoSerifSC-Regular', 'NotoSerifTC-Regular']);
    expect(rare.shown.flatMap((shown) => shown.missingGlyphs)).toEqual([]);
  });
});

describe('a long request', () => {
  const sentence = '小区电梯长期故障，物业多次维修未果，业主多次反映无人回应，老人上下楼十分困难。';
  const request = Array.from({ length: 12 }, (_, i) => `${i + 1}. ${sentence.repeat(5)}`).join('\n');
  let letter: PdfReading;

  beforeAll(async () => {
    letter = await readPdf(await renderDeputyLetter({ ...LETTER, request }, { now: NOW }));
  });

  it('runs over several A4 pages, each numbered 第 i 页 共 n 页', () => {
    const { pages } = letter;
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => {
      expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
      const numbers = page.lines.filter((line) => PAGE_NUMBER.test(line.text)).map((line) => line.text);
      expect(numbers).toEqual([`第 ${index + 1} 页 共 ${pages.length} 页`]);
    });
  });

  it('loses nothing of the request across the page breaks', () => {
    expect(bodyText(letter)).toContain(`反映内容：${compact(request)}`);
  });

  it('keeps the text block above the page number on every page', () => {
    for (const page of letter.pages) {
      for (const line of page.lines) if (!PAGE_NUMBER.test(line.text)) expect(line.y).toBeGreaterThan(mm(35) - 1);
    }
  });

  it('keeps the signature block together on the last page, never without body text above it', () => {
    const last = letter.pages[letter.pages.length - 1];
    expect(last.lines.map((line) => line.text)).toEqual(
      expect.arrayContaining(['特此函告。', '华富街道人大代表联络站', '联络员：王敏', '电话：0755-83212345', '2026年11月22日']),
    );
    expect(compact(last.text)).toContain('请于2026年12月2日前');
    expect(lineOf(last, '2026年11月22日').y).toBeLessThan(lineOf(last, '特此函告。').y);
  });
});
