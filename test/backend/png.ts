import { PNG } from 'pngjs';

/** A small real PNG (`size` × `size`, grey), for upload tests. */
export function pngBytesOfSize(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  png.data.fill(128);
  return PNG.sync.write(png);
}
