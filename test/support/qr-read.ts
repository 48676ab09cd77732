/**
 * Reads a QR code the way a phone's camera would, with a decoder of its own (jsQR) that knows
 * nothing of how the code was drawn: what a PNG data URL (an `<image src>`) says, or null.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export function readQrDataUrl(dataUrl: string): string | null {
  const match = /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (!match) return null;
  const image = PNG.sync.read(Buffer.from(match[1], 'base64'));
  const pixels = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  return jsQR(pixels, image.width, image.height)?.data ?? null;
}
