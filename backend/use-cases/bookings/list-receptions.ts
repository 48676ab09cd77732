import type { ListReceptionsOutput } from '../../../typings/booking';
import { addDays, shanghaiDate } from '../../domain/calendar';
import { BOOKING_RULES, bookableReceptions } from '../../domain/booking';
import { fail, ok, type Result } from '../../domain/result';
import { deputiesAtStation } from '../../data/people';
import { upcomingReceptions } from '../../data/receptions';
import { findStation } from '../../data/stations';
import type { Database } from '../../platform/cloudbase';

/** A station's receptions that can still be booked, with places left per slot. Public, like the schedule. */
export async function listReceptions(db: Database, input: { stationId: string }, now: Date): Promise<Result<ListReceptionsOutput>> {
  const station = await findStation(db, { id: input.stationId });
  if (!station) return fail('NOT_FOUND', '没有找到这个联络站');
  const today = shanghaiDate(now);
  const [receptions, deputies] = await Promise.all([
    upcomingReceptions(db, station._id, today, addDays(today, BOOKING_RULES.horizonDays)),
    deputiesAtStation(db, station._id),
  ]);
  const names = new Map(deputies.map((d) => [d._id, d.name]));
  return ok({ receptions: bookableReceptions(receptions, names, now) });
}
