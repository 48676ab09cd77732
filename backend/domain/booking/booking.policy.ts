/**
 * Who may book which slot, and who may cancel: pure decisions over what the use case read
 * inside its transaction. Every check denies by default; the first failing rule answers.
 */
import type { Reception } from '../../../typings/models';
import { ok, type Result } from '../result';
import { BOOKING_REFUSALS as refuse } from './booking.errors';
import type { BookingDocument } from './booking.model';
import { shanghaiInstant } from '../calendar';
import { bookingClosesAt } from './booking.time';

export type ReceptionSlot = Reception['slots'][number];

export interface BookingAttempt {
  /** The reception as read in the transaction; undefined when it does not exist. */
  reception: Reception | undefined;
  slotIndex: number;
  deputyId?: string;
  /** Id of the caller's active booking at this reception, if they hold one. */
  heldBookingId?: string;
  now: Date;
}

/** Published, not yet over, and still before the booking deadline. */
export function receptionOpenForBooking(reception: Reception, now: Date): Result<void> {
  // Not yet announced: as far as residents know, it does not exist.
  if (new Date(reception.publishedAt).getTime() > now.getTime()) return refuse.receptionNotFound();
  if (now >= shanghaiInstant(reception.date, reception.end)) return refuse.receptionOver();
  if (now >= bookingClosesAt(reception.date)) return refuse.bookingClosed();
  return ok(undefined);
}

export function decideBooking(attempt: BookingAttempt): Result<{ reception: Reception; slot: ReceptionSlot }> {
  const { reception, slotIndex, deputyId, heldBookingId, now } = attempt;
  if (!reception) return refuse.receptionNotFound();
  const open = receptionOpenForBooking(reception, now);
  if (!open.ok) return open;
  const slot = reception.slots[slotIndex];
  if (!slot) return refuse.noSuchSlot();
  if (deputyId !== undefined && !reception.deputyIds.includes(deputyId)) return refuse.deputyNotAttending();
  if (heldBookingId !== undefined) return refuse.alreadyBooked();
  if (slot.booked >= slot.capacity) return refuse.slotFull();
  return ok({ reception, slot });
}

export interface CancelAttempt {
  booking: BookingDocument | undefined;
  openid: string;
  now: Date;
}

/**
 * `changed: false` when the booking is already cancelled: a retried cancel answers the same
 * booking instead of an error, and frees nothing twice.
 */
export function decideCancel(attempt: CancelAttempt): Result<{ booking: BookingDocument; changed: boolean }> {
  const { booking, openid, now } = attempt;
  // Someone else's booking is answered like a missing one: its existence is not ours to confirm.
  if (!booking || !openid || booking.openid !== openid) return refuse.bookingNotFound();
  if (booking.status === 'cancelled') return ok({ booking, changed: false });
  if (booking.status !== 'booked') return refuse.bookingFinished();
  if (now >= booking.startsAt) return refuse.slotStarted();
  return ok({ booking, changed: true });
}
