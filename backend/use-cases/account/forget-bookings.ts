/**
 * The bookings part of `user.deleteAccount`. Each booking still carrying the openid, in ONE
 * transaction: an upcoming one is cancelled as `reception.cancel` does (the place given back);
 * one whose slot has started stays booked for the deputy; either way it moves to a new random id
 * (its old id was a hash of the openid and the client's request id) with the tombstone, without
 * contact or request id, and its claim (a hash of the openid) and reminder go with the old id.
 * One transaction, so two deletions at once move and cancel each booking once: both remove the
 * old document, and the second conflicts and then finds nothing left.
 */
import { randomBytes } from 'node:crypto';
import { anonymisedBooking } from '../../domain/account';
import { bookedAfterCancel, cancelBookingDocument, decideCancel, type BookingDocument } from '../../domain/booking';
import { bookingsStillOf, rekeyBookingInTransaction } from '../../data/account';
import { bookingInTransaction, removeClaimInTransaction } from '../../data/bookings';
import { withdrawNotificationInTransaction } from '../../data/notifications';
import { receptionInTransaction, setSlotBookedInTransaction } from '../../data/receptions';
import { inTransaction, type Transaction } from '../../data/transaction';
import type { Database } from '../../platform/cloudbase';
import { claimIdFor } from '../bookings/booking-ids';
import { reminderIdFor } from '../bookings/reminder';

export interface ForgottenBookings {
  cancelled: number;
  /** More than `limit` bookings still carried the openid: another call continues. */
  more: boolean;
}

export async function forgetBookings(db: Database, openid: string, tombstone: string, now: Date, limit: number): Promise<ForgottenBookings> {
  const bookings = await bookingsStillOf(db, openid, limit + 1);
  let cancelled = 0;
  for (const { _id } of bookings.slice(0, limit)) {
    const outcome = await inTransaction(db, async (tx) => {
      const current = await bookingInTransaction(tx, _id);
      if (!current || current.openid !== openid) return 'done elsewhere';
      const kept = await cancelIfUpcoming(tx, current, openid, now);
      await rekeyBookingInTransaction(tx, current._id, anonymisedBooking(kept, tombstone, randomBytes(32).toString('hex')));
      // Cancelling removes both; a booking already started still has them.
      await removeClaimInTransaction(tx, claimIdFor(openid, current.receptionId));
      await withdrawNotificationInTransaction(tx, reminderIdFor(current._id));
      return kept === current ? 'kept' : 'cancelled';
    });
    if (outcome === 'cancelled') cancelled += 1;
  }
  return { cancelled, more: bookings.length > limit };
}

/** The booking cancelled with its place given back, or the same object when it cannot be (cancelled already, or started). */
async function cancelIfUpcoming(tx: Transaction, booking: BookingDocument, openid: string, now: Date): Promise<BookingDocument> {
  const decision = decideCancel({ booking, openid, now });
  if (!decision.ok || !decision.value.changed) return booking;
  const reception = await receptionInTransaction(tx, booking.receptionId);
  const slot = reception?.slots[booking.slotIndex];
  if (reception && slot) await setSlotBookedInTransaction(tx, reception._id, booking.slotIndex, bookedAfterCancel(slot.booked));
  return cancelBookingDocument(booking, now);
}
