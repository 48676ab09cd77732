/**
 * The station poster as a reader gets it: read with pdf.js (test/support/pdf-reader), which
 * shares nothing with the writer; positions, widths and the image's pixels are pdf.js's own.
 */
import { readPdf, type PageReading, type TextLine } from '../../test/support/pdf-reader';
import { testPng } from './pdf/test-png';
import { SAMPLE_POSTER } from './pdf/samples';
import { renderStationPoster } from './station-poster';

const POSTER = SAMPLE_POSTER;

const mm = (millimetres: number) => (millimetres * 72) / 25.4;
const RED = '#cc0000';

const lineOf = (page: PageReading, text: string): TextLine => {
  const line = page.lines.find((l) => l.text === text);
  if (!line) throw new Error(`no line "${text}" in:\n${page.text}`);
  return line;
};

describe('the station poster', () => {
  let pages: PageReading[];
  let page: PageReading;
  let texts: string[];

  beforeAll(async () => {
    ({ pages } = await readPdf(await renderStationPoster(POSTER, { now: new Date('2026-11-22T02:00:00Z') })));
    page = pages[0];
    texts = page.lines.map((line) => line.text);
  });

  it('is one A4 page', () => {
    expect(pages).toHaveLength(1);
    expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
  });

  it('reads, in order, title, station name, scan prompt, address, hours, phone, officers and the station code', () => {
    expect(texts).toEqual([
      '人大代表联络站',
      POSTER.name,
      '微信扫一扫 找代表 · 提建议 · 约接待',
      '地址：深圳市福田区华富街道莲花北村富莲大厦一楼',
      '开放时间：周一至周五 9:00-12:00 14:00-18:00',
      '每月10日 代表接待日',
      '电话：0755-83212345',
      '联络员：王敏、陈晓',
      '站点编码：st-ft-hf-01',
    ]);
  });

  it('shows the title in big red type and the scan prompt in red', () => {
    expect(page.lines[0]).toMatchObject({ text: '人大代表联络站', size: 44 });
    expect(page.shown.filter((shown) => shown.color === RED).map((shown) => shown.text)).toEqual(['人大代表联络站', '微信扫一扫 找代表 · 提建议 · 约接待']);
  });

  it('lines up a second line of opening hours under the first one’s hours', () => {
    const first = lineOf(page, '开放时间：周一至周五 9:00-12:00 14:00-18:00');
    const second = lineOf(page, '每月10日 代表接待日');
    expect(second.x).toBeCloseTo(first.x + 5 * first.size, 1); // past the five characters of 开放时间：
    expect(second.y).toBeLessThan(first.y);
  });

  it('embeds its font, with every glyph it draws', () => {
    expect(page.fonts).toEqual([{ name: expect.stringMatching(/^[A-Z]{6}\+NotoSerifSC-Regular$/), embedded: true, composite: true }]);
    expect(page.shown.flatMap((shown) => shown.missingGlyphs)).toEqual([]);
  });

  it('prints the station code in small type', () => {
    expect(lineOf(page, '站点编码：st-ft-hf-01').size).toBeLessThanOrEqual(10);
  });

  it('paints the QR code, at its own pixel size, 10 cm wide, centred, clear of all text', () => {
    expect(page.images).toHaveLength(1);
    const [qr] = page.images;
    expect([qr.width, qr.height]).toEqual([430, 430]);
    expect(qr.drawnWidth).toBeCloseTo(mm(100), 1);
    expect(qr.drawnHeight).toBeCloseTo(mm(100), 1);
    expect(qr.x + qr.drawnWidth / 2).toBeCloseTo(page.width / 2, 1);
    for (const line of page.lines) {
      const top = line.y + line.size;
      const bottom = line.y - line.size * 0.25;
      expect(bottom >= qr.y + qr.drawnHeight || top <= qr.y).toBe(true);
    }
  });

  it('keeps every line inside the red frame', () => {
    for (const line of page.lines) {
      expect(line.x).toBeGreaterThan(mm(12));
      expect(line.x + line.width).toBeLessThan(page.width - mm(12));
      expect(line.y).toBeGreaterThan(mm(12));
      expect(line.y + line.size).toBeLessThan(page.height - mm(12));
    }
  });

  it('prints a QR code with a transparent background on white, and leaves out absent officers', async () => {
    const { officers: _officers, ...bare } = POSTER;
    const transparent = testPng(40, 40, (x) => (x < 20 ? [0, 0, 0, 255] : [0, 0, 0, 0]));
    const [plain] = (await readPdf(await renderStationPoster({ ...bare, qrPng: transparent }))).pages;
    expect(plain.lines.some((line) => line.text.startsWith('联络员'))).toBe(false);
    expect(plain.images).toHaveLength(1);
    const [qr] = plain.images;
    expect(qr.rgbAt(0, 0)).toEqual([0, 0, 0]);
    expect(qr.rgbAt(20, 0)).toEqual([255, 255, 255]);
  });
});
