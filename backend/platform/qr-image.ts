/**
 * A plain QR code as a PNG data URL, which WeChat's `<image src>` shows as it is. Drawn here,
 * not on the phone: the mini-program has no QR library, and the officer's page asks the server
 * for each new presence code anyway (the secret never leaves it).
 */
import type { QRCodeToBufferOptions } from 'qrcode';

// No row filter (pngjs's adaptive ones only cost time on a two-colour image) and deflate's default
// strategy, which finds the repeated rows: about 1.3 KB, where pngjs's default RLE strategy makes 15.
const PNG_OPTIONS = { deflateLevel: 9, deflateStrategy: 0, filterType: 0 };

/**
 * Medium error correction (15%): a phone screen held up to another phone's camera may catch a
 * reflection. 8 px a module: about 250 px for a short payload, sharp at the size the page shows.
 */
export async function qrDataUrl(text: string): Promise<string> {
  // Loaded on the first code an officer asks for: a deputy's check-in never pays for the QR encoder and pngjs.
  const QRCode = (await import('qrcode')).default;
  const options = { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8, rendererOpts: PNG_OPTIONS } as QRCodeToBufferOptions;
  const png = await QRCode.toBuffer(text, options);
  return `data:image/png;base64,${png.toString('base64')}`;
}
