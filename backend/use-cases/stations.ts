import type { NearbyStationsOutput, StationDetail, StationSummary } from '../../typings/api';
import type { Station } from '../../typings/models';
import { addDays } from '../domain/calendar';
import { figuresPeriod } from '../domain/figures';
import { receptionKindOf } from '../domain/reception';
import { fail, ok, Result } from '../domain/result';
import { findNearestStations, searchStations as findStationsByText, stationRoster } from '../data/stations';
import { countStationCases } from '../data/station-figures';
import { confirmedCountsByDeputy } from '../data/activities';
import { nextReceptionDates } from '../data/receptions';
import { EVENT_RULES, toEventRecap } from '../domain/event';
import type { Database } from '../platform/cloudbase';

export const STATIONS_PER_PAGE = 20;
/** A search with a position looks this far: a city, not a province. */
const SEARCH_RADIUS_M = 50_000;
/** Reception days are published up to 60 days ahead. */
const SCHEDULE_HORIZON_DAYS = 60;

export async function nearbyStations(
  db: Database,
  input: { latitude: number; longitude: number; maxDistance?: number; page?: number },
  today: string,
): Promise<Result<NearbyStationsOutput>> {
  const page = input.page ?? 0;
  // One extra row tells whether another page exists without a count query.
  const found = await findNearestStations(db, {
    latitude: input.latitude,
    longitude: input.longitude,
    maxDistance: input.maxDistance ?? 5000,
    skip: page * STATIONS_PER_PAGE,
    limit: STATIONS_PER_PAGE + 1,
  });
  const shown = found.slice(0, STATIONS_PER_PAGE);
  const nextDates = await nextReceptionDates(
    db,
    shown.map((s) => s._id),
    today,
  );
  return ok({
    stations: shown.map((station) => ({
      ...toSummary(station, nextDates.get(station._id) ?? null),
      distance: Math.round(station.distance),
    })),
    page,
    hasMore: found.length > STATIONS_PER_PAGE,
  });
}

/** Search across the whole district; nearest first when the caller's position is known. */
export async function searchStations(
  db: Database,
  input: { query: string; latitude?: number; longitude?: number; page?: number },
  today: string,
): Promise<Result<NearbyStationsOutput>> {
  const page = input.page ?? 0;
  const text = input.query.trim();
  if (!text) return fail('INVALID_INPUT', '请输入联络站名称或地址', 'query');
  // Half a position is a client bug: answering in code order would hide it.
  if ((input.latitude === undefined) !== (input.longitude === undefined)) {
    return fail('INVALID_INPUT', '经度和纬度需要同时提供', input.latitude === undefined ? 'latitude' : 'longitude');
  }
  const window = { skip: page * STATIONS_PER_PAGE, limit: STATIONS_PER_PAGE + 1 };
  const located = input.latitude !== undefined && input.longitude !== undefined;
  const found: (Station & { distance?: number })[] = located
    ? await findNearestStations(db, { latitude: input.latitude!, longitude: input.longitude!, maxDistance: SEARCH_RADIUS_M, text, ...window })
    : await findStationsByText(db, { text, ...window });
  const shown = found.slice(0, STATIONS_PER_PAGE);
  const nextDates = await nextReceptionDates(
    db,
    shown.map((s) => s._id),
    today,
  );
  return ok({
    stations: shown.map((station) => ({
      ...toSummary(station, nextDates.get(station._id) ?? null),
      ...(station.distance !== undefined ? { distance: Math.round(station.distance) } : {}),
    })),
    page,
    hasMore: found.length > STATIONS_PER_PAGE,
  });
}

export async function stationDetail(db: Database, by: { id?: string; code?: string }, today: string): Promise<Result<StationDetail>> {
  if (by.id === undefined && by.code === undefined) return fail('INVALID_INPUT', '请提供联络站编号', 'id');
  // Both would leave the caller guessing which one was used: refused rather than ranked.
  if (by.id !== undefined && by.code !== undefined) return fail('INVALID_INPUT', '联络站编号和二维码只能提供其中一个', 'code');
  const period = figuresPeriod(today);
  const figuresOf = (stationId: string) => countStationCases(db, stationId, period);
  // The station, its people and its days in one read; by id, the figures are read alongside.
  const window = { fromDate: today, toDate: addDays(today, SCHEDULE_HORIZON_DAYS) };
  // Each deputy's confirmed 履职登记 over the same period, for the wall's duty figures.
  const activitiesOf = (stationId: string) => confirmedCountsByDeputy(db, { stationId }, period);
  const [roster, countsById, activitiesById] = await Promise.all([
    stationRoster(db, by, window),
    by.id !== undefined ? figuresOf(by.id) : undefined,
    by.id !== undefined ? activitiesOf(by.id) : undefined,
  ]);
  if (!roster) return fail('NOT_FOUND', '没有找到这个联络站，请确认二维码是否正确');
  const { station, deputies, officers, receptions } = roster;
  const [counts, activities] = countsById && activitiesById ? [countsById, activitiesById] : await Promise.all([figuresOf(station._id), activitiesOf(station._id)]);
  const deputyNames = new Map(deputies.map((d) => [d._id, d.name]));
  const officerCards = officers.map((o) => ({ id: o._id, name: o.name, phone: o.phone }));
  return ok({
    ...toSummary(station, receptions[0]?.date ?? null),
    phone: station.phone,
    district: station.district,
    community: station.community,
    rules: station.rules,
    officers: officerCards,
    // Deputies' openids and private details never leave the server.
    deputies: deputies.map((d) => ({
      id: d._id,
      name: d.name,
      level: d.level,
      delegation: d.delegation,
      occupation: d.occupation,
      photoUrl: d.photoUrl,
      activities: activities.get(d._id) ?? 0,
    })),
    receptions: receptions.map((r) => ({
      id: r._id,
      kind: receptionKindOf(r),
      date: r.date,
      start: r.start,
      end: r.end,
      deputies: r.deputyIds.filter((id) => deputyNames.has(id)).map((id) => ({ id, name: deputyNames.get(id)! })),
      officer: officerCards.find((o) => o.id === r.officerId),
      ...(r.event ? { topic: r.event.topic } : {}),
    })),
    figures: { period: { from: period.from, to: period.to }, ...counts },
    recaps: roster.recaps.flatMap((r) => toEventRecap(r) ?? []).slice(0, EVENT_RULES.recapsShown),
  });
}

/** `nextReceptionDate` is null, never missing, when nothing is scheduled: the client need not guess. */
function toSummary(station: Station, nextReceptionDate: string | null): StationSummary {
  return {
    id: station._id,
    code: station.code,
    name: station.name,
    kind: station.kind,
    sector: station.sector,
    street: station.street,
    address: station.address,
    location: station.location,
    hours: station.hours,
    nextReceptionDate,
  };
}
