import { PNG } from 'pngjs';

/**
 * A real PNG for tests: `width` × `height`, each pixel from `pixel(x, y)` as RGBA. Written
 * unfiltered: pngjs's adaptive filters are slow under jest's VM.
 */
export function testPng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) png.data.set(pixel(x, y), (y * width + x) * 4);
  }
  return PNG.sync.write(png, { filterType: 0 });
}

/** A QR-like black and white checker pattern, opaque. */
export function checkerPng(size: number): Buffer {
  return testPng(size, size, (x, y) => ((Math.floor(x / 10) + Math.floor(y / 10)) % 2 === 0 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
}
