/**
 * The PDF reader's font checks can fail: a font left out of the file, and a glyph its embedded
 * program lacks, are reported. The fixtures are written with pdfkit directly, by hand.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { readPdf } from './pdf-reader';

// Any TrueType CJK font will do; this one is installed as a devDependency.
const SONG = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');

function written(draw: (pdf: PDFKit.PDFDocument) => void, font?: string): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: 0, font });
  const chunks: Uint8Array[] = [];
  pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  draw(pdf);
  pdf.end();
  return done;
}

describe('the PDF reader', () => {
  it('reports a font the file does not embed (Helvetica, one of the standard 14) as not embedded', async () => {
    const bytes = await written((pdf) => pdf.font('Helvetica').text('Hello', 72, 72, { lineBreak: false }), 'Helvetica');
    const [page] = (await readPdf(bytes)).pages;
    expect(page.fonts).toEqual([expect.objectContaining({ embedded: false })]);
  });

  it('reports a glyph that the embedded font program lacks', async () => {
    const bytes = await written((pdf) => {
      pdf.registerFont('song', fs.readFileSync(SONG)).font('song').text('人大', 72, 72, { lineBreak: false });
      // Glyph 0x7FFF of the two-glyph subset: a code with no glyph behind it.
      const resource = (pdf as unknown as { _font: { id: string } })._font.id;
      pdf.addContent(`BT /${resource} 16 Tf 1 0 0 -1 72 200 Tm <7FFF> Tj ET`);
    }, 'Helvetica');
    const [page] = (await readPdf(bytes)).pages;
    expect(page.fonts).toEqual([expect.objectContaining({ embedded: true })]);
    expect(page.shown.map((shown) => shown.missingGlyphs.length)).toEqual([0, 1]);
  });
});
