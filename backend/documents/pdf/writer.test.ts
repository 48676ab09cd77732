import { PdfDocument } from './document';
import { decodeTextString, objectOf, pagesOf, parsePdf, refOf } from './pdf-inspect';
import { pdfDate, pdfTextString } from './writer';

const NOW = new Date('2026-11-21T16:30:05Z'); // 00:30:05 on 22 November in Shenzhen

function twoPageDocument(): Buffer {
  const doc = new PdfDocument({ title: '福田区人大代表联络站代表函', now: NOW });
  doc.addPage().text(72, 700, '第一页', { size: 16 });
  doc.addPage().text(72, 700, '第二页', { size: 16 });
  return doc.toBuffer();
}

describe('the PDF file structure', () => {
  it('starts with a PDF 1.4 header and ends with %%EOF', () => {
    const bytes = twoPageDocument();
    expect(bytes.subarray(0, 9).toString('latin1')).toBe('%PDF-1.4\n');
    expect(bytes.subarray(-6).toString('latin1')).toBe('%%EOF\n');
  });

  it('has an xref entry pointing at "N 0 obj" for every object, and a trailer /Size to match', () => {
    const bytes = twoPageDocument();
    const pdf = parsePdf(bytes); // throws if any offset misses its object or startxref misses xref
    const size = Number(/\/Size (\d+)/.exec(pdf.trailer)![1]);
    expect(size).toBe(pdf.xrefOffsets.length);
    expect(pdf.objects.size).toBe(size - 1);
    // Every "N 0 obj" in the file is listed, at its true offset.
    const text = bytes.toString('latin1');
    const found = [...text.matchAll(/(?<=\n)(\d+) 0 obj\n/g)].map((m) => [Number(m[1]), m.index!]);
    expect(found).toEqual(pdf.xrefOffsets.slice(1).map((offset, index) => [index + 1, offset]));
    expect(text.slice(pdf.startxref, pdf.startxref + 5)).toBe('xref\n');
  });

  it('would notice an offset that is off by one', () => {
    const bytes = twoPageDocument();
    const pdf = parsePdf(bytes);
    const entry = `${String(pdf.xrefOffsets[2]).padStart(10, '0')} 00000 n \n`;
    const shifted = `${String(pdf.xrefOffsets[2] + 1).padStart(10, '0')} 00000 n \n`;
    const broken = Buffer.from(bytes.toString('latin1').replace(entry, shifted), 'latin1');
    expect(() => parsePdf(broken)).toThrow('xref offset of 2');
  });

  it('links catalog, pages and page objects in order', () => {
    const pdf = parsePdf(twoPageDocument());
    const pages = pagesOf(pdf);
    expect(pages).toHaveLength(2);
    const catalog = objectOf(pdf, refOf(pdf.trailer, 'Root'));
    expect(catalog.dict).toContain('/Type /Catalog');
    const pagesNode = objectOf(pdf, refOf(catalog.dict, 'Pages'));
    expect(pagesNode.dict).toContain('/Count 2');
    for (const page of pages) {
      expect(refOf(page.dict, 'Parent')).toBe(pagesNode.id);
      expect(page.dict).toContain('/MediaBox [0 0 595.28 841.89]');
    }
  });

  it('describes itself in /Info: UTF-16BE title, producer, creation date in +08:00', () => {
    const pdf = parsePdf(twoPageDocument());
    const info = objectOf(pdf, refOf(pdf.trailer, 'Info'));
    expect(decodeTextString(/\/Title <([0-9A-F]+)>/.exec(info.dict)![1])).toBe('福田区人大代表联络站代表函');
    expect(decodeTextString(/\/Producer <([0-9A-F]+)>/.exec(info.dict)![1])).toContain('人大代表联络站');
    expect(info.dict).toContain("/CreationDate (D:20261122003005+08'00')");
  });
});

describe('PDF strings and dates', () => {
  it('writes text strings as UTF-16BE with a byte-order mark', () => {
    expect(pdfTextString('代表A')).toBe('<FEFF4EE388680041>');
  });

  it.each([
    ['2026-11-21T16:00:00Z', "D:20261122000000+08'00'"],
    ['2026-12-31T23:59:59Z', "D:20270101075959+08'00'"],
  ])('dates %s as %s', (instant, expected) => {
    expect(pdfDate(new Date(instant))).toBe(expected);
  });
});
