import { drawableText, encodeUcs2Hex, measure, measureEm, wrapParagraph } from './text';
import { decodeUcs2Hex } from './pdf-inspect';

const NO_START = [...'，。、；：？！）》」』”'];
const NO_END = [...'（《「『“'];

describe('text for the UniGB-UCS2-H font', () => {
  it('encodes as hex UCS-2 big-endian and decodes back', () => {
    expect(encodeUcs2Hex('人大 A1')).toBe('<4EBA5927002000410031>');
    const text = '福田区华富街道莲花北社区（受理编号：FT-2026-0001）';
    expect(decodeUcs2Hex(encodeUcs2Hex(text).slice(1, -1))).toBe(text);
  });

  it('replaces characters beyond the BMP with ?, one per character', () => {
    expect(drawableText('𠀀好😀')).toBe('?好?');
    expect(encodeUcs2Hex('𠀀')).toBe('<003F>');
  });

  it('draws the middle dot through U+30FB, where UniGB-UCS2-H has GB2312 A1A4', () => {
    expect(drawableText('找代表 · 提建议')).toBe('找代表 \u30fb 提建议');
  });

  it.each([
    ['人大代表', 4],
    ['ABC 123', 3.5],
    ['电话：0755-8888', 3 + 4.5],
    ['😀', 0.5], // '?' is ASCII
  ])('measures %s as %f em', (text, em) => {
    expect(measureEm(text)).toBe(em);
  });
});

describe('wrapping a paragraph', () => {
  const size = 16;
  const longText =
    '我们小区（莲花北社区）门前的道路，自今年三月起多次开挖、回填，至今仍未恢复；雨天积水严重！' +
    '居民出行不便，老人和孩子尤其危险。请问：何时能修好？施工单位是谁？“希望尽快解决”，谢谢。' +
    'Contact: 13800138000, ref FT-2026-000123 please reply.';

  it.each([100, 161, 200, 317, 442])('keeps every line within %i pt and loses no character', (width) => {
    const lines = wrapParagraph(longText, width, size, 2 * size);
    lines.forEach((line, index) => {
      expect(measure(line, size)).toBeLessThanOrEqual(index === 0 ? width - 2 * size : width);
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

  it('keeps a receipt number whole when a break before it exists', () => {
    const lines = wrapParagraph('受理编号FT-2026-000123', 10 * size, size);
    expect(lines).toEqual(['受理编号', 'FT-2026-000123']);
  });

  it('cuts a word longer than the line rather than overflowing', () => {
    const lines = wrapParagraph('A'.repeat(30), 5 * size, size);
    expect(lines).toEqual(['A'.repeat(10), 'A'.repeat(10), 'A'.repeat(10)]);
  });
});
