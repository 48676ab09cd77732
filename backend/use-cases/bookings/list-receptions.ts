import type { ListReceptionsOutput } from '../../../typings/booking';
import { addDays, shanghaiDate } from '../../domain/calendar';
import { BOOKING_RULES, bookableReceptions } from '../../domain/booking';
import { fail, ok, type Result } from '../../domain/result';
import { stationRoster } from '../../data/stations';
import type { Database } from '../../platform/cloudbase';

/**
 * A station's receptions that can still be booked, with places left per slot. Public, like
 * the schedule. The station, its deputies' names and its days come from one read.
 */
export async function listReceptions(db: Database, input: { stationId: string }, now: Date): Promise<Result<ListReceptionsOutput>> {
  const today = shanghaiDate(now);
  const roster = await stationRoster(db, { id: input.stationId }, { fromDate: today, toDate: addDays(today, BOOKING_RULES.horizonDays) });
  if (!roster) return fail('NOT_FOUND', '没有找到这个联络站');
  const names = new Map(roster.deputies.map((d) => [d._id, d.name]));
  return ok({ receptions: bookableReceptions(roster.receptions, names, now) });
}
