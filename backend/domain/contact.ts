/**
 * How a person's contact is written, one rule each for every input that asks for it: a case's
 * contact and a booking's take a name and a mobile; a station and an officer an office line.
 * The mini-program checks the same rules before sending (miniprogram/generated/rules.ts).
 */

/** The longest name a resident gives as their contact, in characters (称呼, 联系人). */
export const CONTACT_NAME_MAX = 20;

/** Mainland mobile numbers: 11 digits starting 13–19. No +86, spaces or dashes: the client normalises. */
export const MOBILE_PHONE = /^1[3-9]\d{9}$/;

/** An office line or mobile as printed: digits with optional dashes, spaces and a leading +. */
export const OFFICE_PHONE = /^\+?[0-9][0-9 -]{4,19}$/;

/** The longest phone text any input takes, in characters. */
export const PHONE_MAX_CHARS = 20;
