/**
 * The presence code (签到码): what proves a deputy is at the station on a reception day. The
 * station's door code and its coordinates are public, and a phone's position can be faked, so
 * neither proves anything alone. The liaison officer's phone shows a code that changes every
 * 30 seconds; only someone standing in front of it can read it in time.
 *
 * The code is an HMAC of the reception id and the 30-second time step, keyed with a secret of
 * that reception that never leaves the server (RFC 4226's dynamic truncation to 6 digits, as
 * TOTP apps do). Pure: the HMAC, the secret and the clock come in.
 */

export const PRESENCE_CODE_RULES = {
  /** A new code every this many seconds. */
  periodSeconds: 30,
  /** Six digits: short enough to type from the officer's screen when scanning is not possible. */
  digits: 6,
  /**
   * The current step and the one before it: a code read a moment before it changed still
   * works for one more period (the scan, the position fix and the call take a few seconds).
   */
  acceptedSteps: 2,
  /**
   * Wrong codes one deputy may send for one reception per minute, counted by the function
   * instance. Six digits leave guessing at one in 500,000 per try: this keeps it at that.
   */
  wrongCodesPerMinute: 5,
} as const;

/** HMAC-SHA-256 of `message` keyed with `secret`, e.g. Node's crypto (backend/platform). */
export type Hmac = (secret: string, message: string) => Uint8Array;

const PERIOD_MS = PRESENCE_CODE_RULES.periodSeconds * 1000;
const MODULUS = 10 ** PRESENCE_CODE_RULES.digits;

/** Which 30-second step an instant falls in, counted from the Unix epoch. */
export const presenceStep = (now: Date): number => Math.floor(now.getTime() / PERIOD_MS);

/** The code of one reception in one step. The reception id is in the message, so no reception's code opens another. */
export function presenceCodeFor(hmac: Hmac, secret: string, receptionId: string, step: number): string {
  const mac = hmac(secret, `presence\u0000${receptionId}\u0000${step}`);
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3]) >>> 0;
  return String(value % MODULUS).padStart(PRESENCE_CODE_RULES.digits, '0');
}

export interface IssuedPresenceCode {
  code: string;
  /** The server's clock when issued: the page times its refresh from this, not from the phone's clock. */
  issuedAt: Date;
  /** When the next code replaces it on the officer's screen (it is still accepted one period longer). */
  expiresAt: Date;
}

export function issuePresenceCode(hmac: Hmac, secret: string, receptionId: string, now: Date): IssuedPresenceCode {
  const step = presenceStep(now);
  return { code: presenceCodeFor(hmac, secret, receptionId, step), issuedAt: now, expiresAt: new Date((step + 1) * PERIOD_MS) };
}

/** Whether `code` is this reception's code of the current or the previous step. No secret: no code was ever shown. */
export function isPresenceCodeValid(hmac: Hmac, secret: string | undefined, receptionId: string, code: string, now: Date): boolean {
  if (secret === undefined || code.length !== PRESENCE_CODE_RULES.digits) return false;
  const step = presenceStep(now);
  let valid = false;
  // Every accepted step is computed and compared in full, so timing says nothing about which digit was wrong.
  for (let back = 0; back < PRESENCE_CODE_RULES.acceptedSteps; back += 1) {
    if (sameText(presenceCodeFor(hmac, secret, receptionId, step - back), code)) valid = true;
  }
  return valid;
}

function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * What the officer's QR code says: the station's door code and the presence code, so one scan
 * does both. Plain text in QR's alphanumeric alphabet (capitals, digits, '-', ':'), which makes
 * a small, easily read code. The mini-program's check-in page reads this same shape.
 */
export const PRESENCE_PAYLOAD_PREFIX = 'LLZ-CHECKIN';

export const presencePayload = (stationCode: string, code: string): string => `${PRESENCE_PAYLOAD_PREFIX}:${stationCode.toUpperCase()}:${code}`;
