/**
 * Invite codes: 8 characters a person can read aloud and type from paper. The alphabet drops
 * 0/O, 1/I/L, so what is misread is simply not a code.
 */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 8;

const CODE_SHAPE = new RegExp(`^[${INVITE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`);

/**
 * A code from random bytes (crypto in production). Bytes at or above the largest multiple of
 * the alphabet's size are skipped, so every character is equally likely.
 */
export function inviteCodeFrom(randomBytes: (size: number) => Uint8Array): string {
  const size = INVITE_ALPHABET.length;
  const limit = 256 - (256 % size);
  let code = '';
  while (code.length < INVITE_CODE_LENGTH) {
    for (const byte of randomBytes(INVITE_CODE_LENGTH * 2)) {
      if (byte >= limit) continue;
      code += INVITE_ALPHABET[byte % size];
      if (code.length === INVITE_CODE_LENGTH) break;
    }
  }
  return code;
}

/** As printed or typed: case, spaces and dashes do not matter ("abcd-2345" → "ABCD2345"). */
export function normaliseInviteCode(typed: string): string {
  return typed.replace(/[\s-]+/g, '').toUpperCase();
}

export function isInviteCode(code: string): boolean {
  return CODE_SHAPE.test(code);
}
