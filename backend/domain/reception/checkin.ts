/**
 * A deputy's check-in (签到) on a reception day. Three things must hold, asked in this order:
 * who and which day (a reception today that lists them), when (inside its check-in hours),
 * and where — proven by the presence code the liaison officer's phone shows, with the phone's
 * position as a second factor. The door code and the station's position are public, so
 * neither proves presence alone.
 */
import type { Reception } from '../../../typings/models';
import type { CheckinProof } from '../../../typings/workspace';
import { shanghaiClock, shanghaiDate } from '../calendar';
import { ok, type Result } from '../result';
import { checkInHours, checkInPhase, type CheckInWindowConfig } from './checkin.window';
import { describeDistance, haversineMetres, type LatLng } from './geo';
import { isPresenceCodeValid, type Hmac } from './presence-code';
import { RECEPTION_REFUSALS as refuse } from './reception.errors';
import { RECEPTION_RULES } from './reception.rules';

/**
 * As stored in `checkins`; the duty record (履职档案) counts receptions from exactly this shape.
 * One per deputy and reception, by its id, so a second scan records nothing new.
 */
export interface CheckinDocument {
  _id: string;
  receptionId: string;
  stationId: string;
  deputyId: string;
  /** The reception's date, 'YYYY-MM-DD' Asia/Shanghai. */
  date: string;
  at: Date;
  /** Metres from the station, as the phone reported its position. */
  distance: number;
  /** How presence was proven. Absent on check-ins stored before presence codes: those proved it by position only. */
  proof?: CheckinProof;
}

/** What a stored check-in proved; the ones from before presence codes had the position only. */
export const proofOf = (doc: Pick<CheckinDocument, 'proof'>): CheckinProof => doc.proof ?? 'location';

export const checkinIdFor = (receptionId: string, deputyId: string): string => `${receptionId}:${deputyId}`;

export interface CheckInAttempt {
  deputyId: string;
  now: Date;
  /**
   * Receptions from today on, soonest first: the scanned station's, or — when the deputy typed
   * the presence code without scanning — the deputy's own at every station.
   */
  receptions: readonly Reception[];
  /** Whether `receptions` are one station's (only what a refusal says depends on it). */
  atStation: boolean;
  window: CheckInWindowConfig;
  presence: {
    code: string;
    /** The presence secrets of today's receptions, by reception id; none for a reception whose code was never shown. */
    secrets: ReadonlyMap<string, string>;
    hmac: Hmac;
  };
  /** Positions of the receptions' stations, by station id. */
  stations: ReadonlyMap<string, LatLng>;
  phone: LatLng;
}

/** Today's receptions (Shanghai) that list the deputy. */
export const listedToday = (receptions: readonly Reception[], deputyId: string, now: Date): Reception[] =>
  receptions.filter((r) => r.date === shanghaiDate(now) && r.deputyIds.includes(deputyId));

/**
 * Which reception the deputy checks in to, and how far away they are. Who comes before when,
 * and when before where: a deputy scanning on the wrong day learns that, not their distance.
 */
export function decideCheckIn(attempt: CheckInAttempt): Result<{ reception: Reception; distance: number }> {
  const { deputyId, now, receptions } = attempt;
  const today = shanghaiDate(now);
  const listed = listedToday(receptions, deputyId, now);
  if (listed.length === 0) {
    if (receptions.some((r) => r.date === today)) return refuse.notOnTheList();
    const next = receptions.find((r) => r.date > today && r.deputyIds.includes(deputyId))?.date;
    return attempt.atStation ? refuse.noReceptionToday(next) : refuse.noReceptionOfYoursToday(next);
  }

  const timed = listed.map((reception) => ({ reception, hours: checkInHours(reception, attempt.window) }));
  const open = timed.filter(({ hours }) => checkInPhase(hours, now) === 'open');
  if (open.length === 0) {
    const early = timed.find(({ hours }) => checkInPhase(hours, now) === 'early');
    if (early) return refuse.checkInNotOpen(shanghaiClock(early.hours.opensAt), early.reception.start, early.reception.end);
    return refuse.checkInOver(shanghaiClock(timed[timed.length - 1].hours.closesAt));
  }

  const { code, secrets, hmac } = attempt.presence;
  const proven = open.find(({ reception }) => isPresenceCodeValid(hmac, secrets.get(reception._id), reception._id, code, now));
  if (!proven) return refuse.wrongPresenceCode();

  const station = attempt.stations.get(proven.reception.stationId);
  if (!station) return refuse.stationNotFound();
  const distance = Math.round(haversineMetres(attempt.phone, station));
  if (distance > RECEPTION_RULES.checkInRadiusMetres) return refuse.tooFar(describeDistance(distance));
  return ok({ reception: proven.reception, distance });
}
