/** A reception day as the officer's schedule shows it: who attends and came, how full it is. */
import type { Reception } from '../../../typings/models';
import type { ScheduledReception } from '../../../typings/workspace';
import { checkinIdFor } from './checkin';
import { receptionKindOf } from './reception.publish';

export interface ScheduleFacts {
  stationNames: ReadonlyMap<string, string>;
  deputyNames: ReadonlyMap<string, string>;
  /** checkinIdFor(receptionId, deputyId) of every check-in recorded. */
  checkins: ReadonlySet<string>;
  /** Bookings per reception that were not cancelled. */
  bookings: ReadonlyMap<string, number>;
  /** 代表论坛 / 约见: 我会参加 and questions per event; absent counts are 0. */
  attendance?: ReadonlyMap<string, number>;
  questions?: ReadonlyMap<string, number>;
}

export function toScheduledReception(reception: Reception, facts: ScheduleFacts): ScheduledReception {
  return {
    id: reception._id,
    kind: receptionKindOf(reception),
    stationId: reception.stationId,
    stationName: facts.stationNames.get(reception.stationId) ?? '',
    date: reception.date,
    start: reception.start,
    end: reception.end,
    // A deputy no longer on record still attended: shown by id rather than dropped from the day.
    deputies: reception.deputyIds.map((id) => ({
      id,
      name: facts.deputyNames.get(id) ?? id,
      checkedIn: facts.checkins.has(checkinIdFor(reception._id, id)),
    })),
    slots: reception.slots.map((s) => ({ start: s.start, end: s.end, capacity: s.capacity, booked: s.booked })),
    bookings: facts.bookings.get(reception._id) ?? 0,
    ...(reception.event
      ? {
          event: {
            topic: reception.event.topic,
            attendance: facts.attendance?.get(reception._id) ?? 0,
            questions: facts.questions?.get(reception._id) ?? 0,
            summarised: reception.summary !== undefined,
          },
        }
      : {}),
  };
}

/** By date, then start, then station: the order of the schedule. */
export function bySchedule(a: Reception, b: Reception): number {
  return a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.stationId.localeCompare(b.stationId);
}
