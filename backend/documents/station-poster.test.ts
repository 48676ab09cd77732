import { QR_SIZE, SCAN_PROMPT, renderStationPoster, type StationPoster } from './station-poster';
import { objectOf, pagesOf, parsePdf, refOf, textRunsOf } from './pdf/pdf-inspect';
import { A4, mm } from './pdf/page';
import { drawableText, measure } from './pdf/text';
import { checkerPng, testPng } from './pdf/test-png';

const POSTER: StationPoster = {
  name: '华富街道莲花北社区人大代表联络站',
  address: '深圳市福田区华富街道莲花北村富莲大厦一楼',
  hours: ['周一至周五 9:00-12:00 14:00-18:00', '每月10日 代表接待日'],
  phone: '0755-83212345',
  code: 'st-ft-hf-01',
  qrPng: checkerPng(430),
  officers: ['王敏', '陈晓'],
};

describe('the station poster', () => {
  const pdf = parsePdf(renderStationPoster(POSTER, { now: new Date('2026-11-22T02:00:00Z') }));
  const pages = pagesOf(pdf);
  const runs = textRunsOf(pdf, pages[0]);
  const texts = runs.map((run) => run.text);

  it('is one A4 page', () => {
    expect(pages).toHaveLength(1);
  });

  it('shows the title in big red type, the station name and the scan prompt', () => {
    expect(runs[0]).toMatchObject({ text: '人大代表联络站', size: 44, color: [0.8, 0, 0] });
    expect(texts).toContain(POSTER.name);
    expect(texts).toContain(drawableText(SCAN_PROMPT));
  });

  it('lists address, every opening-hours line, phone and officers', () => {
    expect(texts).toEqual(
      expect.arrayContaining([
        '地址：深圳市福田区华富街道莲花北村富莲大厦一楼',
        '开放时间：周一至周五 9:00-12:00 14:00-18:00',
        '\u3000\u3000\u3000\u3000\u3000每月10日 代表接待日',
        '电话：0755-83212345',
        '联络员：王敏、陈晓',
      ]),
    );
  });

  it('prints the station code in small type', () => {
    const code = runs.find((run) => run.text === '站点编码：st-ft-hf-01')!;
    expect(code.size).toBeLessThanOrEqual(10);
  });

  it('embeds the QR code at its own size and draws it 10 cm wide, centred, clear of all text', () => {
    const page = pages[0];
    const image = objectOf(pdf, Number(/\/Im1 (\d+) 0 R/.exec(page.dict)![1]));
    expect(image.dict).toContain('/Width 430 /Height 430');
    expect(image.stream!.length).toBe(430 * 430 * 3);

    const content = objectOf(pdf, refOf(page.dict, 'Contents')).stream!.toString('latin1');
    const [, w, h, x, y] = /q ([\d.]+) 0 0 ([\d.]+) ([\d.]+) ([\d.]+) cm \/Im1 Do Q/.exec(content)!.map(Number);
    expect(QR_SIZE).toBeCloseTo(mm(100), 5);
    expect(w).toBeCloseTo(mm(100), 1);
    expect(h).toBeCloseTo(mm(100), 1);
    expect(x + w / 2).toBeCloseTo(A4.width / 2, 1);
    for (const run of runs) {
      const top = run.y + run.size * 0.9;
      const bottom = run.y - run.size * 0.2;
      expect(bottom >= y + h || top <= y).toBe(true);
    }
  });

  it('keeps every line inside the red frame', () => {
    for (const run of runs) {
      expect(run.x).toBeGreaterThan(mm(12));
      expect(run.x + measure(run.text, run.size)).toBeLessThan(A4.width - mm(12));
      expect(run.y).toBeGreaterThan(mm(12));
      expect(run.y + run.size).toBeLessThan(A4.height - mm(12));
    }
  });

  it('prints a QR code with a transparent background on white, and leaves out absent officers', () => {
    const { officers: _officers, ...bare } = POSTER;
    const transparent = testPng(40, 40, (x) => (x < 20 ? [0, 0, 0, 255] : [0, 0, 0, 0]));
    const plain = parsePdf(renderStationPoster({ ...bare, qrPng: transparent }));
    const page = pagesOf(plain)[0];
    const plainTexts = textRunsOf(plain, page).map((run) => run.text);
    expect(plainTexts.some((text) => text.startsWith('联络员'))).toBe(false);
    const pixels = objectOf(plain, Number(/\/Im1 (\d+) 0 R/.exec(page.dict)![1])).stream!;
    expect([...pixels.subarray(0, 3)]).toEqual([0, 0, 0]);
    expect([...pixels.subarray(20 * 3, 21 * 3)]).toEqual([255, 255, 255]);
  });
});
