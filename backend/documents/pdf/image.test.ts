import { PNG } from 'pngjs';
import { readPdf } from '../../../test/support/pdf-reader';
import { PdfDocument } from './document';
import { opaquePng, pngToRgb } from './image';
import { checkerPng, testPng } from './test-png';

describe('PNG images', () => {
  it('flattens transparency onto white paper', () => {
    const png = testPng(
      3,
      1,
      (x) =>
        [
          [255, 0, 0, 255],
          [0, 0, 0, 0],
          [0, 0, 255, 128],
        ][x] as [number, number, number, number],
    );
    const { width, height, rgb } = pngToRgb(png);
    expect([width, height]).toEqual([3, 1]);
    expect([...rgb]).toEqual([255, 0, 0, 255, 255, 255, 127, 127, 255]);
  });

  it('are handed to pdfkit as opaque RGB PNGs, so no soft mask is written', () => {
    const { png } = opaquePng(testPng(2, 2, () => [0, 0, 0, 0]));
    const decoded = PNG.sync.read(png);
    expect(png.readUInt8(25)).toBe(2); // IHDR colour type 2: truecolour, no alpha
    expect([...decoded.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
  });

  it('are painted at their pixel size into the box asked for', async () => {
    const doc = await PdfDocument.create({ title: '图片' });
    const image = doc.addImage(checkerPng(57));
    doc.addPage().image(image, 100, 100, 200, 200);
    const [page] = (await readPdf(await doc.toBuffer())).pages;

    expect(page.images).toHaveLength(1);
    const [painted] = page.images;
    expect([painted.width, painted.height]).toEqual([57, 57]);
    expect([painted.x, painted.y, painted.drawnWidth, painted.drawnHeight].map(Math.round)).toEqual([100, 100, 200, 200]);
    expect(painted.rgbAt(0, 0)).toEqual([0, 0, 0]); // the top-left square is black
    expect(painted.rgbAt(10, 0)).toEqual([255, 255, 255]); // pixel 10 starts a white square
  });
});
