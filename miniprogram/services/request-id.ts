/**
 * Idempotency keys for submissions: 24 base-36 characters (about 124 bits), so a retry of
 * the same draft is recognised by the server and never creates a second case.
 */
const LENGTH = 24;
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Bytes at or above this would favour the first characters (256 = 7 × 36 + 4): they are skipped. */
const UNBIASED_LIMIT = 252;

export function newRequestId(): Promise<string> {
  return secureBytes(LENGTH * 2).then((bytes) => encode(bytes));
}

/** Exported for tests: base-36 characters from unbiased bytes, topped up from Math.random. */
export function encode(bytes: ArrayLike<number> | undefined): string {
  let id = '';
  for (let i = 0; bytes && i < bytes.length && id.length < LENGTH; i += 1) {
    if (bytes[i] < UNBIASED_LIMIT) id += ALPHABET[bytes[i] % ALPHABET.length];
  }
  while (id.length < LENGTH) id += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return id;
}

/** wx.getRandomValues needs base library 2.15; older ones (and failures) fall back to Math.random. */
function secureBytes(length: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve) => {
    if (typeof wx.getRandomValues !== 'function') {
      resolve(undefined);
      return;
    }
    wx.getRandomValues({
      length,
      success: ({ randomValues }) => resolve(new Uint8Array(randomValues)),
      fail: () => resolve(undefined),
    });
  });
}
