/**
 * The one-time code a resident scans to confirm a comment an officer recorded for them: the same
 * alphabet, length and hashing as a visit's claim code (domain/visit), under its own QR prefix so
 * a scan of the wrong kind of code is told apart. Pure.
 */
import { normaliseClaimCode } from '../visit';
import { CONSULTATION_RULES } from './consultation.rules';

export const opinionPayload = (code: string): string => `${CONSULTATION_RULES.payloadPrefix}${code}`;

/** What was typed or scanned, as the stored hash was made of: the payload's code part, upper case, no spaces. */
export function normaliseOpinionCode(typed: string): string {
  const trimmed = normaliseClaimCode(typed);
  const prefix = CONSULTATION_RULES.payloadPrefix.toUpperCase();
  return trimmed.startsWith(prefix) ? trimmed.slice(prefix.length) : trimmed;
}
