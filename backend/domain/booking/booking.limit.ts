/**
 * How many open bookings one resident may hold at once. A place at a reception is scarce (two
 * or three a half-hour), and one account once held a place at every bookable reception of a
 * street; with a cap, a resident keeps a couple of meetings in hand and cancels one to book
 * another. "Open" is booked and not yet started: a past, cancelled or attended booking frees
 * its count by itself.
 *
 * The use case reads the resident's bookings by id inside the booking's transaction (those a
 * per-resident document remembers, plus those an index query found just before) and asks here.
 */
import { ok, type Result } from '../result';
import { BOOKING_REFUSALS } from './booking.errors';
import type { BookingDocument } from './booking.model';

/**
 * The configured cap (`config/bookings.json` `maxOpenBookings`), checked: a whole number of
 * at least 1 — 0 would close booking for everyone, so a typo fails the function at load instead.
 */
export function openBookingLimit(config: { maxOpenBookings?: unknown }): number {
  const limit = config.maxOpenBookings;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    throw new Error('config/bookings.json: maxOpenBookings must be a whole number, at least 1');
  }
  return limit;
}

/** Booked, and its slot has not started: what the cap counts. */
export function isOpenBooking(booking: Pick<BookingDocument, 'status' | 'startsAt'>, now: Date): boolean {
  return booking.status === 'booked' && new Date(booking.startsAt).getTime() > now.getTime();
}

/**
 * Admit one more booking of `openid`, given their bookings as read (missing ones, someone
 * else's and duplicates ignored): the ids of those still open, to remember with the new one, or
 * the refusal when they already reach `limit`.
 */
export function admitOpenBooking(known: readonly (BookingDocument | undefined)[], openid: string, limit: number, now: Date): Result<string[]> {
  const open = new Set<string>();
  for (const booking of known) if (booking && booking.openid === openid && isOpenBooking(booking, now)) open.add(booking._id);
  if (open.size >= limit) return BOOKING_REFUSALS.openLimitReached(limit);
  return ok([...open]);
}
