/**
 * A deputy's check-in (签到) on a reception day, after scanning the station's QR code: there must
 * be a reception at that station today that lists them, and the phone must be at the station.
 */
import type { Reception } from '../../../typings/models';
import { ok, type Result } from '../result';
import { describeDistance, haversineMetres, type LatLng } from './geo';
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
}

export const checkinIdFor = (receptionId: string, deputyId: string): string => `${receptionId}:${deputyId}`;

export interface CheckInAttempt {
  deputyId: string;
  today: string;
  /** The station's receptions from today on, soonest first. */
  receptions: readonly Reception[];
  station: LatLng;
  phone: LatLng;
}

/**
 * Which reception the deputy checks in to, and how far away they are. Who comes before where:
 * a deputy scanning on the wrong day learns that, not their distance.
 */
export function decideCheckIn(attempt: CheckInAttempt): Result<{ reception: Reception; distance: number }> {
  const { deputyId, today, receptions } = attempt;
  const todays = receptions.filter((r) => r.date === today);
  const reception = todays.find((r) => r.deputyIds.includes(deputyId));
  if (!reception) {
    if (todays.length > 0) return refuse.notOnTheList();
    return refuse.noReceptionToday(receptions.find((r) => r.date > today && r.deputyIds.includes(deputyId))?.date);
  }
  const distance = Math.round(haversineMetres(attempt.phone, attempt.station));
  if (distance > RECEPTION_RULES.checkInRadiusMetres) return refuse.tooFar(describeDistance(distance));
  return ok({ reception, distance });
}
