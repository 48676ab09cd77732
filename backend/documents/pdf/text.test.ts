import { prepareFonts } from './fonts';
import { measure, measureEm, wrapParagraph } from './text';

const NO_START = [...'，。、；：？！）》」』”'];
const NO_END = [...'（《「『“'];

beforeAll(prepareFonts);

describe('measuring text in the embedded fonts', () => {
  it.each([['人大代表'], ['，。（）'], ['〔2026〕'.slice(0, 1)], ['\u3000']])('sets %s one em a character, as Chinese type is set', (text) => {
    expect(measureEm(text)).toBeCloseTo([...text].length, 6);
  });

  it('sets Latin letters and digits proportionally, narrower than Chinese', () => {
    expect(measureEm('i')).toBeLessThan(measureEm('W'));
    expect(measureEm('0755-83212345')).toBeLessThan(13 * 0.75);
  });

  it('measures a rare character from its fallback font as a full em', () => {
    expect(measureEm('𠮷')).toBeCloseTo(1, 6);
    expect(measureEm('𡈼')).toBeCloseTo(1, 6);
  });
});

describe('wrapping a paragraph', () => {
  const size = 16;
  const longText =
    '我们小区（莲花北社区）门前的道路，自今年三月起多次开挖、回填，至今仍未恢复；雨天积水严重！' +
    '居民出行不便，老人和孩子尤其危险。请问：何时能修好？施工单位是谁？“希望尽快解决”，谢谢。' +
    'Contact: 13800138000, ref FT-2026-000123 please reply. 联系人吉𠮷𡈼。';

  it.each([100, 161, 200, 317, 442])('keeps every line within %i pt and loses no character', (width) => {
    const lines = wrapParagraph(longText, width, size, 2 * size);
    lines.forEach((line, index) => {
      expect(measure(line, size)).toBeLessThanOrEqual((index === 0 ? width - 2 * size : width) + 1e-6);
    });
    expect(lines.join('').replace(/\s/g, '')).toBe(longText.replace(/\s/g, ''));
    expect(lines.length).toBeGreaterThan(1);
  });

  it.each([100, 161, 200, 317, 442])('at %i pt no line starts with closing or ends with opening punctuation', (width) => {
    for (const line of wrapParagraph(longText, width, size, 2 * size)) {
      expect(NO_START).not.toContain(line[0]);
      expect(NO_END).not.toContain(line[line.length - 1]);
    }
  });

  it.each(NO_START)('carries the character before %s with it onto the next line', (mark) => {
    // Five full-width characters fit; the sixth is the mark, which may not begin line two.
    const lines = wrapParagraph(`一二三四五${mark}六七`, 5 * size, size);
    expect(lines[0]).toBe('一二三四');
    expect(lines[1].startsWith(`五${mark}`)).toBe(true);
  });

  it.each(NO_END)('moves %s onto the next line rather than ending one with it', (mark) => {
    const lines = wrapParagraph(`一二三四${mark}五六七`, 5 * size, size);
    expect(lines[0]).toBe('一二三四');
    expect(lines[1].startsWith(`${mark}五`)).toBe(true);
  });

  it('never splits a character beyond the BMP into halves', () => {
    const lines = wrapParagraph('𠮷'.repeat(7), 3 * size, size);
    expect(lines).toEqual(['𠮷𠮷𠮷', '𠮷𠮷𠮷', '𠮷']);
  });

  it('keeps a receipt number whole when a break before it exists', () => {
    const lines = wrapParagraph('受理编号FT-2026-000123', 10 * size, size);
    expect(lines).toEqual(['受理编号', 'FT-2026-000123']);
  });

  it('cuts a word longer than the line rather than overflowing', () => {
    const word = 'A'.repeat(30);
    const lines = wrapParagraph(word, 5 * size, size);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(word);
    for (const line of lines) expect(measure(line, size)).toBeLessThanOrEqual(5 * size + 1e-6);
    // Each full line is full: one more letter would not have fitted.
    for (const line of lines.slice(0, -1)) expect(measure(`${line}A`, size)).toBeGreaterThan(5 * size);
  });
});
