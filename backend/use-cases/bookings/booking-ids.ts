import { createHash } from 'node:crypto';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A booking's id is derived from who asked and their request id, never random: a retry of
 * the same request (a lost answer, a double tap) finds the booking it made the first time.
 * The separator keeps ('ab', 'c…') and ('a', 'bc…') apart; the hash keeps the openid out of the id.
 */
export const bookingIdFor = (openid: string, requestId: string): string => sha256(`booking\u0000${openid}\u0000${requestId}`);

/** One active booking per resident and reception: the claim document's id. */
export const claimIdFor = (openid: string, receptionId: string): string => sha256(`claim\u0000${openid}\u0000${receptionId}`);
