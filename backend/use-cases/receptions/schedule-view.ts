/** Reads what the officer's schedule shows next to each reception: names, check-ins, bookings. */
import type { Reception } from '../../../typings/models';
import type { ScheduledReception } from '../../../typings/workspace';
import { activeBookingCounts } from '../../data/bookings';
import { checkinsOfReceptions } from '../../data/checkins';
import { attendanceCounts } from '../../data/event-attendance';
import { questionCounts } from '../../data/event-questions';
import { deputyNames } from '../../data/people-by-id';
import { findStation } from '../../data/stations';
import { checkinIdFor, toScheduledReception } from '../../domain/reception';
import type { Database } from '../../platform/cloudbase';

export async function scheduledViews(db: Database, receptions: readonly Reception[]): Promise<ScheduledReception[]> {
  const ids = receptions.map((r) => r._id);
  const stationIds = [...new Set(receptions.map((r) => r.stationId))];
  // Only events have attendance and questions: no read for a schedule of reception days.
  const eventIds = receptions.filter((r) => r.event).map((r) => r._id);
  const [stations, names, checkins, bookings, attendance, questions] = await Promise.all([
    // An officer staffs a handful of stations: one small read each.
    Promise.all(stationIds.map((id) => findStation(db, { id }))),
    deputyNames(
      db,
      receptions.flatMap((r) => r.deputyIds),
    ),
    checkinsOfReceptions(db, ids),
    activeBookingCounts(db, ids),
    attendanceCounts(db, eventIds),
    questionCounts(db, eventIds),
  ]);
  const facts = {
    stationNames: new Map(stations.flatMap((s) => (s ? [[s._id, s.name] as const] : []))),
    deputyNames: names,
    checkins: new Set(checkins.map((c) => checkinIdFor(c.receptionId, c.deputyId))),
    bookings,
    attendance,
    questions,
  };
  return receptions.map((r) => toScheduledReception(r, facts));
}
