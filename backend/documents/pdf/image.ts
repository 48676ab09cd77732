import { PNG } from 'pngjs';
import type { PdfRef, PdfWriter } from './writer';

export interface PdfImage {
  readonly ref: PdfRef;
  readonly width: number;
  readonly height: number;
}

/**
 * Pixels of a PNG as 8-bit RGB, transparency flattened onto white paper: a PDF 1.4 image
 * can carry alpha only through an SMask, and a printed page is white anyway.
 */
export function pngToRgb(png: Buffer): { width: number; height: number; rgb: Buffer } {
  // pngjs hands back RGBA with 8 bits a channel for every colour type and bit depth.
  const { width, height, data } = PNG.sync.read(png);
  const rgb = Buffer.alloc(width * height * 3);
  for (let pixel = 0; pixel < width * height; pixel += 1) {
    const alpha = data[pixel * 4 + 3];
    for (let channel = 0; channel < 3; channel += 1) {
      const value = data[pixel * 4 + channel];
      rgb[pixel * 3 + channel] = Math.round((value * alpha + 255 * (255 - alpha)) / 255);
    }
  }
  return { width, height, rgb };
}

/** The PNG as an Image XObject: DeviceRGB, 8 bits a component, Flate-compressed. */
export function addPngImage(writer: PdfWriter, png: Buffer): PdfImage {
  const { width, height, rgb } = pngToRgb(png);
  const ref = writer.stream(
    `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8`,
    rgb,
  );
  return { ref, width, height };
}
