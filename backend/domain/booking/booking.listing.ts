/** What a resident sees when choosing a reception day and a slot: pure shaping of receptions. */
import type { BookableReception, ReceptionSlotView } from '../../../typings/booking';
import type { Reception } from '../../../typings/models';
import { receptionKindOf } from '../reception/reception.publish';
import { receptionOpenForBooking } from './booking.policy';

export function slotViews(reception: Reception): ReceptionSlotView[] {
  return reception.slots.map((slot, index) => ({
    index,
    start: slot.start,
    end: slot.end,
    capacity: slot.capacity,
    // Never negative, even if an officer lowered the capacity below what is already booked.
    remaining: Math.max(0, slot.capacity - slot.booked),
  }));
}

/**
 * The receptions a resident can still book, soonest first; full ones stay in the list (their
 * slots show 已约满) so the schedule is complete. `deputyNames` drops deputies no longer on record.
 */
export function bookableReceptions(receptions: Reception[], deputyNames: ReadonlyMap<string, string>, now: Date): BookableReception[] {
  return (
    receptions
      // A 述职会 is open to all and has no places to book.
      .filter((r) => receptionKindOf(r) === 'reception' && r.slots.length > 0 && receptionOpenForBooking(r, now).ok)
      .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start))
      .map((r) => ({
        id: r._id,
        stationId: r.stationId,
        date: r.date,
        start: r.start,
        end: r.end,
        deputies: r.deputyIds.filter((id) => deputyNames.has(id)).map((id) => ({ id, name: deputyNames.get(id)! })),
        slots: slotViews(r),
      }))
  );
}
