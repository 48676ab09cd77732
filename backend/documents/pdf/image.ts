import { PNG } from 'pngjs';

/**
 * A PNG made opaque on white paper, as PDF images are painted: pdfkit would carry alpha as a
 * soft mask, which a printed page gains nothing from and which viewers composite unevenly.
 */
export interface OpaquePng {
  width: number;
  height: number;
  /** RGB, 8 bits a channel, no alpha. */
  png: Buffer;
}

/** Pixels of a PNG as 8-bit RGB, transparency flattened onto white. */
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

export function opaquePng(png: Buffer): OpaquePng {
  const { width, height, rgb } = pngToRgb(png);
  const out = new PNG({ width, height, colorType: 2, inputColorType: 2, inputHasAlpha: false });
  out.data = rgb;
  // Unfiltered: a QR code's flat runs deflate well as they are, and filtering is slow in jest.
  return { width, height, png: PNG.sync.write(out, { colorType: 2, inputColorType: 2, inputHasAlpha: false, filterType: 0 }) };
}
