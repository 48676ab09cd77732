import { readQrDataUrl } from '../../test/support/qr-read';
import { hmacSha256, newPresenceSecret } from './presence-crypto';
import { qrDataUrl } from './qr-image';

describe('the presence code’s crypto', () => {
  it('is HMAC-SHA-256 (RFC 4231, test case 2)', () => {
    expect(Buffer.from(hmacSha256('Jefe', 'what do ya want for nothing?')).toString('hex')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('makes a fresh 256-bit secret each time', () => {
    const secrets = Array.from({ length: 50 }, newPresenceSecret);
    expect(new Set(secrets).size).toBe(50);
    for (const secret of secrets) expect(Buffer.from(secret, 'base64')).toHaveLength(32);
  });
});

describe('the QR code image', () => {
  it('is a PNG data URL that a camera reads back as the text', async () => {
    const url = await qrDataUrl('LLZ-CHECKIN:FT-HF-01:012345');
    expect(url).toMatch(/^data:image\/png;base64,/);
    expect(readQrDataUrl(url)).toBe('LLZ-CHECKIN:FT-HF-01:012345');
    // Small enough to send every 30 seconds.
    expect(url.length).toBeLessThan(4_000);
  });
});
