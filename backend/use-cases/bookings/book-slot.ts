import bookingsConfig from '../../../config/bookings.json';
import type { BookingView } from '../../../typings/booking';
import { admitOpenBooking, BOOKING_REFUSALS, createBooking, decideBooking, openBookingLimit, toBookingView, type BookSlotRequest } from '../../domain/booking';
import { fail, ok, type Result } from '../../domain/result';
import { bookingInTransaction, claimInTransaction, findBooking, insertBookingInTransaction, insertClaimInTransaction, upcomingBookingsOf } from '../../data/bookings';
import { insertNotificationsInTransaction } from '../../data/notifications';
import { openBookingIdsInTransaction, saveOpenBookingIdsInTransaction } from '../../data/open-bookings';
import { deputiesAtStation } from '../../data/people';
import { findReception, receptionInTransaction, setSlotBookedInTransaction } from '../../data/receptions';
import { findStation } from '../../data/stations';
import { inTransaction } from '../../data/transaction';
import type { Database } from '../../platform/cloudbase';
import { bookingIdFor, claimIdFor } from './booking-ids';
import { receptionReminder } from './reminder';

/** Read once per instance; a bad value fails the function at load instead of closing booking. */
export const OPEN_BOOKING_LIMIT = openBookingLimit(bookingsConfig);

/**
 * How many more of the caller's open bookings the query before the transaction looks for than
 * the cap: should one or two be cancelled in between, the transaction still finds the cap's worth.
 */
const LOOKAHEAD = 2;

/**
 * Takes one place in a slot. Idempotent per (caller, requestId): a retry answers the booking
 * the first attempt made, even if that attempt's answer was lost. Capacity holds under any
 * concurrency: the place is counted and the booking written in one transaction that re-reads
 * the reception, so two residents can never both take the last place. The cap on a resident's
 * open bookings holds the same way: every booking of theirs rewrites one document of theirs
 * in its transaction (data/open-bookings.ts), so parallel ones run one after the other.
 */
export async function bookSlot(db: Database, openid: string, input: BookSlotRequest, now: Date, limit: number = OPEN_BOOKING_LIMIT): Promise<Result<BookingView>> {
  if (!openid) return fail('UNAUTHENTICATED');
  const id = bookingIdFor(openid, input.requestId);
  const earlier = await findBooking(db, id);
  if (earlier) return ok(toBookingView(earlier));

  // Checked once outside the transaction so a hopeless request costs no transaction, and to
  // read what the booking copies (station and deputy names), which booking does not change.
  const seen = decideBooking({ reception: await findReception(db, input.receptionId), slotIndex: input.slotIndex, deputyId: input.deputyId, now });
  if (!seen.ok) return seen;
  const { reception } = seen.value;
  const [station, deputies, upcoming] = await Promise.all([
    findStation(db, { id: reception.stationId }),
    deputiesAtStation(db, reception.stationId),
    // A query cannot run in a transaction: this finds bookings the per-resident document does
    // not name (made before the cap existed, or once it was removed); the transaction re-reads them.
    upcomingBookingsOf(db, openid, now, limit + LOOKAHEAD),
  ]);
  if (!station) return BOOKING_REFUSALS.receptionNotFound();
  const deputy = input.deputyId === undefined ? undefined : deputies.find((d) => d._id === input.deputyId);
  if (input.deputyId !== undefined && !deputy) return BOOKING_REFUSALS.deputyNotAttending();
  const underCap = admitOpenBooking(upcoming, openid, limit, now);
  if (!underCap.ok) return underCap;

  const claimId = claimIdFor(openid, reception._id);
  return inTransaction(db, async (tx): Promise<Result<BookingView>> => {
    const again = await bookingInTransaction(tx, id);
    if (again) return ok(toBookingView(again));
    const current = await receptionInTransaction(tx, reception._id);
    const claim = await claimInTransaction(tx, claimId);
    const decision = decideBooking({ reception: current, slotIndex: input.slotIndex, deputyId: input.deputyId, heldBookingId: claim?.bookingId, now });
    if (!decision.ok) return decision;
    const candidates = new Set([...(await openBookingIdsInTransaction(tx, openid)), ...upcoming.map((b) => b._id)]);
    const known = [];
    for (const bookingId of candidates) known.push(await bookingInTransaction(tx, bookingId));
    const admitted = admitOpenBooking(known, openid, limit, now);
    if (!admitted.ok) return admitted;

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
    await saveOpenBookingIdsInTransaction(tx, openid, [...admitted.value, id]);
    const reminder = receptionReminder(booking, now);
    if (reminder) await insertNotificationsInTransaction(tx, [reminder]);
    return ok(toBookingView(booking));
  });
}
