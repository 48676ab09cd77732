import type { Reception, Station } from '../../../typings/models';
import type { CheckInInput, CheckInOutput } from '../../../typings/workspace';
import { findCheckin, insertCheckin } from '../../data/checkins';
import { presenceSecrets } from '../../data/presence-secrets';
import { upcomingReceptions, upcomingReceptionsOfDeputy } from '../../data/receptions';
import { findStation } from '../../data/stations';
import { addDays, shanghaiDate } from '../../domain/calendar';
import type { Actor } from '../../domain/case';
import { checkinIdFor, decideCheckIn, listedToday, proofOf, RECEPTION_REFUSALS as refuse, RECEPTION_RULES, type CheckinDocument } from '../../domain/reception';
import { fail, ok, type Result } from '../../domain/result';
import type { Database } from '../../platform/cloudbase';
import { CHECK_IN_SETTINGS, type CheckInSettings } from './checkin-settings';

/**
 * A deputy checks in during their reception's hours with the presence code the officer's phone
 * shows (scanned, or typed) and the phone's position. Idempotent: once checked in, a second
 * attempt that day answers the first check-in (`already`) and writes nothing.
 */
export async function checkIn(db: Database, actor: Actor, input: CheckInInput, now: Date, settings: CheckInSettings = CHECK_IN_SETTINGS): Promise<Result<CheckInOutput>> {
  // A deputy role whose deputy record is gone acts as nobody.
  const deputyId = actor.deputyId;
  if (!deputyId) return fail('FORBIDDEN');
  const today = shanghaiDate(now);
  const until = addDays(today, RECEPTION_RULES.schedule.aheadDays);

  const stations = new Map<string, Station>();
  let receptions: Reception[];
  if (input.code !== undefined) {
    const station = await findStation(db, { code: input.code });
    if (!station) return refuse.unknownCode();
    stations.set(station._id, station);
    receptions = await upcomingReceptions(db, station._id, today, until);
  } else {
    // Typed without scanning: the deputy's own receptions of today, wherever they are.
    receptions = await upcomingReceptionsOfDeputy(db, deputyId, today, until);
  }
  const listed = listedToday(receptions, deputyId, now);
  for (const reception of listed) {
    if (!stations.has(reception.stationId)) {
      const station = await findStation(db, { id: reception.stationId });
      if (station) stations.set(station._id, station);
    }
  }
  const nameOf = (stationId: string) => stations.get(stationId)?.name ?? '联络站';

  // Already checked in is answered as such, whatever the code or the distance: the first check-in
  // counted, and this one writes nothing. With a typed code and receptions at two stations today,
  // only the code says which one is meant: the insert below finds the earlier check-in then.
  const oneStation = input.code !== undefined || new Set(listed.map((r) => r.stationId)).size === 1;
  for (const reception of oneStation ? listed : []) {
    const earlier = await findCheckin(db, checkinIdFor(reception._id, deputyId));
    if (earlier) return ok(answer(earlier, nameOf(earlier.stationId), true));
  }
  if (settings.wrongCodes.exhausted(deputyId, now)) return refuse.tooManyWrongCodes();

  const decided = decideCheckIn({
    deputyId,
    now,
    receptions,
    atStation: input.code !== undefined,
    window: settings.window,
    presence: {
      code: input.presenceCode,
      secrets: await presenceSecrets(
        db,
        listed.map((r) => r._id),
      ),
      hmac: settings.hmac,
    },
    stations: new Map([...stations].map(([id, station]) => [id, positionOf(station)])),
    phone: { latitude: input.latitude, longitude: input.longitude },
  });
  if (!decided.ok) {
    if (decided.failure.field === 'presenceCode') settings.wrongCodes.record(deputyId, now);
    return decided;
  }

  const { reception, distance } = decided.value;
  const doc: CheckinDocument = {
    _id: checkinIdFor(reception._id, deputyId),
    receptionId: reception._id,
    stationId: reception.stationId,
    deputyId,
    date: reception.date,
    at: now,
    distance,
    proof: 'presence-code+location',
  };
  if (await insertCheckin(db, doc)) return ok(answer(doc, nameOf(doc.stationId), false));
  // Two attempts at once: the other one recorded it.
  const first = await findCheckin(db, doc._id);
  return ok(answer(first ?? doc, nameOf(doc.stationId), true));
}

function positionOf(station: Station): { latitude: number; longitude: number } {
  const [longitude, latitude] = station.location.coordinates;
  return { latitude, longitude };
}

function answer(doc: CheckinDocument, stationName: string, already: boolean): CheckInOutput {
  return {
    receptionId: doc.receptionId,
    stationName,
    date: doc.date,
    distance: doc.distance,
    checkedInAt: new Date(doc.at).toISOString(),
    already,
    proof: proofOf(doc),
  };
}
