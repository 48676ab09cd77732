/**
 * What each `reception` action accepts, checked at the function's edge. Strict: unknown
 * fields, numbers sent as strings and operator-looking objects are refused.
 */
import { cleanText } from '../text';
import type { Check } from '../validation';
import { number, object, optional, text } from '../validation';
import { CONTACT_NAME_MAX, MOBILE_PHONE, PHONE_MAX_CHARS } from '../contact';
import { BOOKING_RULES } from './booking.rules';

const ID = /^[A-Za-z0-9_-]+$/;

const id = (label: string) => text(label, { min: 1, max: 64, pattern: ID, patternHint: `${label}格式不正确` });

/** Cleans before checking (text/normalise.ts: invisible characters out, trimmed), so "   " or a zero-width space is not a topic and what is stored is tidy. */
function trimmed(check: Check<string>): Check<string> {
  return (value, path) => check(typeof value === 'string' ? cleanText(value) : value, path);
}

export const listReceptionsSchema = object({ stationId: id('联络站编号') });

export const bookSlotSchema = object({
  requestId: text('请求编号', { min: 8, max: 64, pattern: ID, patternHint: '请求编号格式不正确' }),
  receptionId: id('接待日编号'),
  // Half-hour slots of a day: never more than 48.
  slotIndex: number('时段', { min: 0, max: 47, integer: true }),
  deputyId: optional(id('代表编号')),
  topic: trimmed(text('预约事由', { min: 1, max: BOOKING_RULES.topicMaxChars })),
  contact: optional(
    object({
      name: optional(trimmed(text('联系人', { min: 1, max: CONTACT_NAME_MAX }))),
      phone: optional(text('手机号', { min: 1, max: PHONE_MAX_CHARS, pattern: MOBILE_PHONE, patternHint: '请填写 11 位手机号' })),
    }),
  ),
});

export const cancelBookingSchema = object({ bookingId: id('预约编号') });

export const myBookingsSchema = object({});

export type BookSlotRequest = typeof bookSlotSchema extends Check<infer T> ? T : never;
