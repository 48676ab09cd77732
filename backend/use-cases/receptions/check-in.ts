import type { CheckInInput, CheckInOutput } from '../../../typings/workspace';
import { findCheckin, insertCheckin } from '../../data/checkins';
import { upcomingReceptions } from '../../data/receptions';
import { findStation } from '../../data/stations';
import { addDays, shanghaiDate } from '../../domain/calendar';
import type { Actor } from '../../domain/case';
import { checkinIdFor, decideCheckIn, RECEPTION_REFUSALS as refuse, RECEPTION_RULES, type CheckinDocument } from '../../domain/reception';
import { fail, ok, type Result } from '../../domain/result';
import type { Database } from '../../platform/cloudbase';

/**
 * A deputy checks in on their reception day by scanning the station's door code at the station.
 * Idempotent: a second scan that day answers the first check-in (`already`) and writes nothing.
 */
export async function checkIn(db: Database, actor: Actor, input: CheckInInput, now: Date): Promise<Result<CheckInOutput>> {
  // A deputy role whose deputy record is gone acts as nobody.
  if (!actor.deputyId) return fail('FORBIDDEN');
  const station = await findStation(db, { code: input.code });
  if (!station) return refuse.unknownCode();
  const today = shanghaiDate(now);
  const receptions = await upcomingReceptions(db, station._id, today, addDays(today, RECEPTION_RULES.schedule.aheadDays));
  const [longitude, latitude] = station.location.coordinates;
  const decided = decideCheckIn({
    deputyId: actor.deputyId,
    today,
    receptions,
    station: { latitude, longitude },
    phone: { latitude: input.latitude, longitude: input.longitude },
  });
  // Already checked in is answered as such even from further away: the first scan counted.
  const listed = receptions.find((r) => r.date === today && r.deputyIds.includes(actor.deputyId!));
  const id = listed && checkinIdFor(listed._id, actor.deputyId);
  const earlier = id ? await findCheckin(db, id) : undefined;
  if (earlier) return ok(answer(earlier, station.name, true));
  if (!decided.ok) return decided;

  const { reception, distance } = decided.value;
  const doc: CheckinDocument = {
    _id: checkinIdFor(reception._id, actor.deputyId),
    receptionId: reception._id,
    stationId: station._id,
    deputyId: actor.deputyId,
    date: reception.date,
    at: now,
    distance,
  };
  if (await insertCheckin(db, doc)) return ok(answer(doc, station.name, false));
  // Two scans at once: the other one recorded it.
  const first = await findCheckin(db, doc._id);
  return ok(answer(first ?? doc, station.name, true));
}

function answer(doc: CheckinDocument, stationName: string, already: boolean): CheckInOutput {
  return {
    receptionId: doc.receptionId,
    stationName,
    date: doc.date,
    distance: doc.distance,
    checkedInAt: new Date(doc.at).toISOString(),
    already,
  };
}
