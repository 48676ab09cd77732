import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HMAC signatures standing in for COS's: a download URL carries `sign` for (path, expiry),
 * an upload authorisation for (path, expiry). The key lives with the data, so URLs handed
 * out before a restart stay valid until they expire.
 */
export type SignPurpose = 'download' | 'upload';

export interface Signer {
  sign(purpose: SignPurpose, cloudPath: string, expiresAt: number): string;
  verify(purpose: SignPurpose, cloudPath: string, expiresAt: number, signature: string): boolean;
}

export function createSigner(key: Buffer): Signer {
  const sign = (purpose: SignPurpose, cloudPath: string, expiresAt: number) =>
    createHmac('sha256', key).update(`${purpose}\n${cloudPath}\n${expiresAt}`).digest('hex').slice(0, 32);
  return {
    sign,
    verify(purpose, cloudPath, expiresAt, signature) {
      const expected = Buffer.from(sign(purpose, cloudPath, expiresAt));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
