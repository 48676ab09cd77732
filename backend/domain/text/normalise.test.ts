import { cleanText, comparable, readUnits, stripInvisible, visibleLength } from './normalise';

describe('the text normaliser', () => {
  it.each([
    ['zero-width space', '\u200b'],
    ['zero-width non-joiner', '\u200c'],
    ['zero-width joiner', '\u200d'],
    ['word joiner', '\u2060'],
    ['invisible times', '\u2062'],
    ['byte order mark', '\ufeff'],
    ['left-to-right mark', '\u200e'],
    ['right-to-left mark', '\u200f'],
    ['Arabic letter mark', '\u061c'],
    ['left-to-right embedding', '\u202a'],
    ['right-to-left embedding', '\u202b'],
    ['pop directional formatting', '\u202c'],
    ['left-to-right override', '\u202d'],
    ['right-to-left override', '\u202e'],
    ['left-to-right isolate', '\u2066'],
    ['right-to-left isolate', '\u2067'],
    ['first strong isolate', '\u2068'],
    ['pop directional isolate', '\u2069'],
    ['Mongolian vowel separator', '\u180e'],
    ['soft hyphen', '\u00ad'],
    ['combining grapheme joiner', '\u034f'],
    ['a tag character', '\u{e0041}'],
    ['interlinear annotation anchor', '\ufff9'],
    ['NUL', '\u0000'],
    ['escape', '\u001b'],
    ['a C1 control', '\u0085'],
  ])('strips the %s', (_what, ch) => {
    expect(stripInvisible(`路${ch}灯${ch}`)).toBe('路灯');
  });

  it('keeps what shows: line breaks, tabs, emoji with their variation selectors, accents, a visible Arabic number sign', () => {
    for (const text of ['路灯\n不亮\t了', '❤️', 'café', 'e\u0301', '\u0600١٢']) expect(stripInvisible(text)).toBe(text);
  });

  it('reads blank fillers (Hangul fillers, the blank braille cell) as spaces, so they trim away', () => {
    expect(cleanText('\u3164\u3164路灯\u2800\u2800')).toBe('路灯');
    expect(cleanText('路\u3164灯')).toBe('路 灯');
  });

  it('splits an emoji ZWJ sequence into its emoji: the joiner only merged their drawings', () => {
    expect(stripInvisible('👨‍👩‍👧')).toBe('👨👩👧');
  });

  it('cleans a free-text input: invisible characters out, then trimmed', () => {
    expect(cleanText(' \u200b 路灯不亮 \u200b ')).toBe('路灯不亮');
    expect(cleanText('\u202e路灯不亮')).toBe('路灯不亮');
    expect(cleanText('\u200b\u200b\u200b\u200b')).toBe('');
  });

  it.each([
    ['plain Chinese', '路灯不亮', 4],
    ['an emoji', '👍', 1],
    ['a character beyond the BMP', '𠀀', 1],
    ['accents typed as marks', 'e\u0301e\u0301', 2],
    ['only variation selectors', '\ufe0f\ufe0f\ufe0f\ufe0f', 0],
    ['only combining marks', '\u0301\u0302\u0303\u0304', 0],
    ['zero-width spaces around a word', '\u200b路灯\u200b', 2],
    ['inner spaces', '路 灯', 3],
  ])('counts the visible characters of %s', (_what, text, count) => {
    expect(visibleLength(text)).toBe(count);
  });

  it.each([
    ['a zero-width space', '路灯不亮', '路\u200b灯不亮'],
    ['spacing', '路灯 不亮', '路灯不亮'],
    ['full-width letters and digits', 'ABC 3号楼', 'ＡＢＣ３号楼'],
    ['a right-to-left override', '路灯不亮', '\u202e路灯不亮'],
    ['a soft hyphen and a BOM', '路灯不亮', '\ufeff路\u00ad灯不亮'],
    ['ideographic spaces', '路灯不亮', '路灯\u3000不亮'],
  ])('compares texts that differ only by %s as the same', (_what, a, b) => {
    expect(comparable(a)).toBe(comparable(b));
  });

  it('compares texts that differ in what shows as different', () => {
    expect(comparable('路灯不亮')).not.toBe(comparable('路灯很亮'));
    expect(comparable('3号楼')).not.toBe(comparable('4号楼'));
  });

  it('reads digit look-alikes as digits, Chinese numerals as numerals, each pointing at its source', () => {
    const units = readUnits('𝟏\u200b٣八x');
    expect(units.map((u) => [u.char, u.kind])).toEqual([
      ['1', 'digit'],
      ['3', 'digit'],
      ['8', 'numeral'],
      ['x', 'other'],
    ]);
    // 𝟏 is two UTF-16 units; the zero-width space between it and ٣ is skipped.
    expect(units.map((u) => [u.start, u.end])).toEqual([
      [0, 2],
      [3, 4],
      [4, 5],
      [5, 6],
    ]);
  });

  it('lets marks ride on the character before them', () => {
    expect(readUnits('1\ufe0f\u20e32').map((u) => [u.char, u.start, u.end])).toEqual([
      ['1', 0, 3],
      ['2', 3, 4],
    ]);
  });

  it('gives each character of an NFKC expansion its own unit, sharing the source', () => {
    expect(readUnits('⑴').map((u) => [u.char, u.kind, u.start, u.end])).toEqual([
      ['(', 'other', 0, 1],
      ['1', 'digit', 0, 1],
      [')', 'other', 0, 1],
    ]);
  });
});
