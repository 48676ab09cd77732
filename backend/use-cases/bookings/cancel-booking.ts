import type { BookingView } from '../../../typings/booking';
import { bookedAfterCancel, cancelBookingDocument, decideCancel, toBookingView } from '../../domain/booking';
import { fail, ok, type Result } from '../../domain/result';
import { bookingInTransaction, removeClaimInTransaction, replaceBookingInTransaction } from '../../data/bookings';
import { withdrawNotificationInTransaction } from '../../data/notifications';
import { receptionInTransaction, setSlotBookedInTransaction } from '../../data/receptions';
import { inTransaction } from '../../data/transaction';
import type { Database } from '../../platform/cloudbase';
import { claimIdFor } from './booking-ids';
import { reminderIdFor } from './reminder';

/**
 * Cancels the caller's own booking before its slot starts; the place is given back and the
 * pending reminder withdrawn in the same transaction. Cancelling a cancelled booking answers
 * it again and frees nothing.
 */
export async function cancelBooking(db: Database, openid: string, input: { bookingId: string }, now: Date): Promise<Result<BookingView>> {
  if (!openid) return fail('UNAUTHENTICATED');
  return inTransaction(db, async (tx): Promise<Result<BookingView>> => {
    const decision = decideCancel({ booking: await bookingInTransaction(tx, input.bookingId), openid, now });
    if (!decision.ok) return decision;
    const { booking, changed } = decision.value;
    if (!changed) return ok(toBookingView(booking));

    const reception = await receptionInTransaction(tx, booking.receptionId);
    const slot = reception?.slots[booking.slotIndex];
    if (reception && slot) await setSlotBookedInTransaction(tx, reception._id, booking.slotIndex, bookedAfterCancel(slot.booked));
    const cancelled = cancelBookingDocument(booking, now);
    await replaceBookingInTransaction(tx, cancelled);
    await removeClaimInTransaction(tx, claimIdFor(openid, booking.receptionId));
    await withdrawNotificationInTransaction(tx, reminderIdFor(booking._id));
    return ok(toBookingView(cancelled));
  });
}
