import { PdfDocument } from './document';
import { objectOf, pagesOf, parsePdf, refOf } from './pdf-inspect';
import { pngToRgb } from './image';
import { checkerPng, testPng } from './test-png';

describe('PNG images', () => {
  it('flattens transparency onto white paper', () => {
    const png = testPng(3, 1, (x) => [[255, 0, 0, 255], [0, 0, 0, 0], [0, 0, 255, 128]][x] as [number, number, number, number]);
    const { width, height, rgb } = pngToRgb(png);
    expect([width, height]).toEqual([3, 1]);
    expect([...rgb]).toEqual([255, 0, 0, 255, 255, 255, 127, 127, 255]);
  });

  it('become an RGB Image XObject of the PNG size with w*h*3 bytes after inflate', () => {
    const doc = new PdfDocument({ title: '图片' });
    const image = doc.addImage(checkerPng(57));
    doc.addPage().image(image, 100, 100, 200, 200);
    const pdf = parsePdf(doc.toBuffer());

    const page = pagesOf(pdf)[0];
    const imageId = Number(/\/XObject << \/Im1 (\d+) 0 R >>/.exec(page.dict)![1]);
    const xobject = objectOf(pdf, imageId);
    expect(xobject.dict).toContain('/Subtype /Image');
    expect(xobject.dict).toContain('/Width 57 /Height 57');
    expect(xobject.dict).toContain('/ColorSpace /DeviceRGB /BitsPerComponent 8');
    expect(xobject.dict).toContain('/Filter /FlateDecode');
    expect(xobject.stream!.length).toBe(57 * 57 * 3);
    expect([...xobject.stream!.subarray(0, 3)]).toEqual([0, 0, 0]); // top-left square is black
    expect([...xobject.stream!.subarray(30, 33)]).toEqual([255, 255, 255]); // pixel 10 starts a white square

    const content = objectOf(pdf, refOf(page.dict, 'Contents')).stream!.toString('latin1');
    expect(content).toContain('q 200 0 0 200 100 100 cm /Im1 Do Q');
  });
});
