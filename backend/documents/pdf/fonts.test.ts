import { PdfDocument } from './document';
import { objectOf, pagesOf, parsePdf, refOf } from './pdf-inspect';

describe('the Chinese font', () => {
  it('is declared as a Type0 font over STSong-Light (Adobe-GB1) with the UniGB-UCS2-H CMap and an identity ToUnicode', () => {
    const doc = new PdfDocument({ title: '字体' });
    doc.addPage().text(72, 700, '人大代表 A1', { size: 16 });
    const pdf = parsePdf(doc.toBuffer());

    const fontId = Number(/\/Font << \/F1 (\d+) 0 R >>/.exec(pagesOf(pdf)[0].dict)![1]);
    const type0 = objectOf(pdf, fontId).dict;
    expect(type0).toContain('/Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H');
    const cidFont = objectOf(pdf, Number(/\/DescendantFonts \[(\d+) 0 R\]/.exec(type0)![1])).dict;
    expect(cidFont).toContain('/Subtype /CIDFontType0 /BaseFont /STSong-Light');
    expect(cidFont).toContain('/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >>');
    expect(cidFont).toContain('/W [1 95 500]');
    expect(objectOf(pdf, refOf(cidFont, 'FontDescriptor')).dict).toContain('/FontName /STSong-Light');
    const toUnicode = objectOf(pdf, refOf(type0, 'ToUnicode')).stream!.toString('latin1');
    expect(toUnicode).toContain('<4E00> <4EFF> <4E00>');
    expect(toUnicode).not.toContain('<D800>');
  });
});
