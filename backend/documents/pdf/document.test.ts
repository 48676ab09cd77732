import { readPdf } from '../../../test/support/pdf-reader';
import { PdfDocument } from './document';

const NOW = new Date('2026-11-21T16:30:05Z'); // 00:30:05 on 22 November in Shenzhen

async function twoPageDocument(): Promise<PdfDocument> {
  const doc = await PdfDocument.create({ title: '福田区人大代表联络站代表函', now: NOW });
  doc.addPage().text(72, 700, '第一页', { size: 16 });
  doc.addPage().text(72, 700, '第二页', { size: 16 });
  return doc;
}

describe('a PDF document', () => {
  it('is a PDF file from %PDF- to %%EOF', async () => {
    const bytes = await (await twoPageDocument()).toBuffer();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-6).toString('latin1').trim()).toBe('%%EOF');
  });

  it('has its A4 pages in order, each with its own text, at the point it was placed', async () => {
    const { pages } = await readPdf(await (await twoPageDocument()).toBuffer());
    expect(pages.map((page) => [Math.round(page.width), Math.round(page.height)])).toEqual([
      [595, 842],
      [595, 842],
    ]);
    expect(pages.map((page) => page.text)).toEqual(['第一页', '第二页']);
    const [line] = pages[0].lines;
    expect([line.x, line.y, line.size]).toEqual([72, 700, 16]);
  });

  it('carries its title and the instant it was made', async () => {
    const reading = await readPdf(await (await twoPageDocument()).toBuffer());
    expect(reading.title).toBe('福田区人大代表联络站代表函');
    expect(reading.created?.toISOString()).toBe(NOW.toISOString());
  });

  it('renders once', async () => {
    const doc = await twoPageDocument();
    await doc.toBuffer();
    await expect(doc.toBuffer()).rejects.toThrow('renders once');
  });
});
