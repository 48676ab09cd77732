/**
 * The fonts as a reader finds them: read with pdf.js (test/support/pdf-reader), which uses no
 * font of its own, so what it extracts and the glyphs it finds come from the file alone.
 */
import { readPdf, type PageReading } from '../../../test/support/pdf-reader';
import { PdfDocument } from './document';
import { measure } from './text';

const SUBSET = /^[A-Z]{6}\+/; // a subset's name: six capitals and '+' (ISO 32000 9.6.4)

async function pageWith(...texts: string[]): Promise<PageReading> {
  const doc = await PdfDocument.create({ title: '字体' });
  const page = doc.addPage();
  texts.forEach((text, index) => page.text(72, 700 - 40 * index, text, { size: 16 }));
  return (await readPdf(await doc.toBuffer())).pages[0];
}

const faces = (page: PageReading) => page.fonts.map((font) => font.name.replace(SUBSET, '')).sort();

describe('the fonts of a document', () => {
  it('embeds a subset of the main font only, when the text needs no other', async () => {
    const page = await pageWith('人大代表联络站 A1 · 〔2026〕');
    expect(page.fonts).toEqual([{ name: expect.stringMatching(SUBSET), embedded: true, composite: true }]);
    expect(faces(page)).toEqual(['NotoSerifSC-Regular']);
    expect(page.lines.map((line) => line.text)).toEqual(['人大代表联络站 A1 · 〔2026〕']);
  });

  it('draws a rare character the main font lacks from the first fallback that has it, and reads it back', async () => {
    const page = await pageWith('吉𠮷', '𡈼华');
    expect(faces(page)).toEqual(['NotoSerifJP-Regular', 'NotoSerifSC-Regular', 'NotoSerifTC-Regular']);
    expect(page.fonts.every((font) => font.embedded && SUBSET.test(font.name))).toBe(true);
    expect(page.lines.map((line) => line.text)).toEqual(['吉𠮷', '𡈼华']);
    expect(page.shown.map((shown) => [shown.text, shown.missingGlyphs])).toEqual([
      ['吉', []],
      ['𠮷', []],
      ['𡈼', []],
      ['华', []],
    ]);
  });

  it.each([['代表吉𠮷𡈼（FT-2026-000123）'], ['Tel: 0755-83212345, Contact: 13800138000, ref']])(
    'draws %s as wide as it was measured, each run where the measure put it',
    async (text) => {
      const [line] = (await pageWith(text)).lines;
      expect(line.text).toBe(text);
      expect(line.width).toBeCloseTo(measure(text, 16), 1);
    },
  );

  it('prints 〓, the mark for a missing character, for one no font has, and a space for a tab', async () => {
    const page = await pageWith('张𪚥\t伟');
    expect(page.lines.map((line) => line.text)).toEqual(['张〓 伟']);
    expect(page.shown.flatMap((shown) => shown.missingGlyphs)).toEqual([]);
  });
});
