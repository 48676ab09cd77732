/**
 * 接待日登记: the limits of a visit record and the claim code's shape. Pure; the use cases read the
 * configured validity and rate limit through `visitConfig`, checked when the function starts.
 */
export const VISIT_RULES = {
  issueMax: 1000,
  answerMax: 1000,
  maxPhotos: 9,
  /** 32 letters and digits without 0/O and 1/I: read aloud or typed from a slip without mix-ups; 8 of them are 40 bits. */
  codeAlphabet: 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789',
  codeLength: 8,
  /** What the QR code says, before the code: a scan of another kind of code is told apart. */
  payloadPrefix: 'LLZ-CLAIM:',
} as const;

export interface VisitConfig {
  readonly claimDays: number;
  readonly wrongCodesPerMinute: number;
}

/** The configured values, or a thrown error naming the bad one: the function refuses to start. */
export function visitConfig(raw: { claimDays?: unknown; wrongCodesPerMinute?: unknown }): VisitConfig {
  const whole = (name: string, value: unknown, min: number, max: number): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      throw new Error(`config/visits.json: ${name} must be a whole number from ${min} to ${max}`);
    return value;
  };
  return { claimDays: whole('claimDays', raw.claimDays, 1, 30), wrongCodesPerMinute: whole('wrongCodesPerMinute', raw.wrongCodesPerMinute, 1, 20) };
}

/** A code from random bytes (one byte per character; 256 is a multiple of 32, so no character is likelier). */
export function claimCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < VISIT_RULES.codeLength) throw new Error('claimCodeFrom needs 8 random bytes');
  let code = '';
  for (let i = 0; i < VISIT_RULES.codeLength; i++) code += VISIT_RULES.codeAlphabet[bytes[i]! % VISIT_RULES.codeAlphabet.length];
  return code;
}

/** What a resident typed or scanned, as the stored hash was made of: the payload's code part, upper case, no spaces. */
export function normaliseClaimCode(typed: string): string {
  const trimmed = typed.replace(/\s+/g, '').toUpperCase();
  const prefix = VISIT_RULES.payloadPrefix.toUpperCase();
  return trimmed.startsWith(prefix) ? trimmed.slice(prefix.length) : trimmed;
}

export const claimPayload = (code: string): string => `${VISIT_RULES.payloadPrefix}${code}`;
