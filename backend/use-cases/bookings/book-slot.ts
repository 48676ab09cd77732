import type { BookingView } from '../../../typings/booking';
import { BOOKING_REFUSALS, createBooking, decideBooking, toBookingView, type BookSlotRequest } from '../../domain/booking';
import { fail, ok, type Result } from '../../domain/result';
import { bookingInTransaction, claimInTransaction, findBooking, insertBookingInTransaction, insertClaimInTransaction } from '../../data/bookings';
import { insertNotificationsInTransaction } from '../../data/notifications';
import { deputiesAtStation } from '../../data/people';
import { findReception, receptionInTransaction, setSlotBookedInTransaction } from '../../data/receptions';
import { findStation } from '../../data/stations';
import { inTransaction } from '../../data/transaction';
import type { Database } from '../../platform/cloudbase';
import { bookingIdFor, claimIdFor } from './booking-ids';
import { receptionReminder } from './reminder';

/**
 * Takes one place in a slot. Idempotent per (caller, requestId): a retry answers the booking
 * the first attempt made, even if that attempt's answer was lost. Capacity holds under any
 * concurrency: the place is counted and the booking written in one transaction that re-reads
 * the reception, so two residents can never both take the last place.
 */
export async function bookSlot(db: Database, openid: string, input: BookSlotRequest, now: Date): Promise<Result<BookingView>> {
  if (!openid) return fail('UNAUTHENTICATED');
  const id = bookingIdFor(openid, input.requestId);
  const earlier = await findBooking(db, id);
  if (earlier) return ok(toBookingView(earlier));

  // Checked once outside the transaction so a hopeless request costs no transaction, and to
  // read what the booking copies (station and deputy names), which booking does not change.
  const seen = decideBooking({ reception: await findReception(db, input.receptionId), slotIndex: input.slotIndex, deputyId: input.deputyId, now });
  if (!seen.ok) return seen;
  const { reception } = seen.value;
  const [station, deputies] = await Promise.all([findStation(db, { id: reception.stationId }), deputiesAtStation(db, reception.stationId)]);
  if (!station) return BOOKING_REFUSALS.receptionNotFound();
  const deputy = input.deputyId === undefined ? undefined : deputies.find((d) => d._id === input.deputyId);
  if (input.deputyId !== undefined && !deputy) return BOOKING_REFUSALS.deputyNotAttending();

  const claimId = claimIdFor(openid, reception._id);
  return inTransaction(db, async (tx): Promise<Result<BookingView>> => {
    const again = await bookingInTransaction(tx, id);
    if (again) return ok(toBookingView(again));
    const current = await receptionInTransaction(tx, reception._id);
    const claim = await claimInTransaction(tx, claimId);
    const decision = decideBooking({ reception: current, slotIndex: input.slotIndex, deputyId: input.deputyId, heldBookingId: claim?.bookingId, now });
    if (!decision.ok) return decision;

    const booking = createBooking({
      id,
      openid,
      requestId: input.requestId,
      reception: decision.value.reception,
      slotIndex: input.slotIndex,
      stationName: station.name,
      deputy: deputy && { id: deputy._id, name: deputy.name },
      topic: input.topic,
      contact: input.contact,
      now,
    });
    await setSlotBookedInTransaction(tx, reception._id, input.slotIndex, decision.value.slot.booked + 1);
    await insertBookingInTransaction(tx, booking);
    await insertClaimInTransaction(tx, { _id: claimId, bookingId: id, receptionId: reception._id, createdAt: now });
    const reminder = receptionReminder(booking, now);
    if (reminder) await insertNotificationsInTransaction(tx, [reminder]);
    return ok(toBookingView(booking));
  });
}
