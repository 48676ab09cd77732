/** The district office's stations: list and search its own, create and edit them. */
import type { Station } from '../../../typings/models';
import type { AdminStation, ListAdminStationsInput, ListAdminStationsOutput } from '../../../typings/workspace';
import { deputyCountsAt, staffByIds } from '../../data/people';
import { districtStations, findStation } from '../../data/stations';
import { fail, ok, type Result } from '../../domain/result';
import type { Database } from '../../platform/cloudbase';
import type { ResolvedActor } from '../actor';
import { districtOf } from './district';

export const ADMIN_STATIONS_PER_PAGE = 20;

export async function listDistrictStations(db: Database, who: ResolvedActor, input: ListAdminStationsInput): Promise<Result<ListAdminStationsOutput>> {
  const district = districtOf(who);
  if (!district.ok) return district;
  const page = input.page ?? 0;
  const text = input.query?.trim() || undefined;
  const found = await districtStations(db, { district: district.value, text, skip: page * ADMIN_STATIONS_PER_PAGE, limit: ADMIN_STATIONS_PER_PAGE + 1 });
  const shown = found.slice(0, ADMIN_STATIONS_PER_PAGE);
  return ok({ stations: await adminStations(db, shown), hasMore: found.length > ADMIN_STATIONS_PER_PAGE });
}

/** One of the district's stations, or NOT_FOUND (another district's looks the same as none). */
export async function districtStation(db: Database, who: ResolvedActor, stationId: string): Promise<Result<Station>> {
  const district = districtOf(who);
  if (!district.ok) return district;
  const station = await findStation(db, { id: stationId });
  if (!station || station.district !== district.value) return fail('NOT_FOUND', '没有找到这个联络站，或不属于本行政区');
  return ok(station);
}

/** Stations with their officers' names and how many deputies serve each. */
export async function adminStations(db: Database, stations: Station[]): Promise<AdminStation[]> {
  if (stations.length === 0) return [];
  const ids = stations.map((s) => s._id);
  const [officers, deputyCounts] = await Promise.all([staffByIds(db, [...new Set(stations.flatMap((s) => s.officerIds))]), deputyCountsAt(db, ids)]);
  const officerNames = new Map(officers.map((o) => [o._id, o.name]));
  return stations.map((station) => ({
    id: station._id,
    code: station.code,
    name: station.name,
    kind: station.kind,
    ...(station.sector ? { sector: station.sector } : {}),
    district: station.district,
    street: station.street,
    ...(station.community ? { community: station.community } : {}),
    address: station.address,
    location: station.location,
    phone: station.phone,
    hours: station.hours,
    officers: station.officerIds.map((id) => ({ id, name: officerNames.get(id) ?? '' })),
    rules: station.rules,
    deputies: deputyCounts.get(station._id) ?? 0,
  }));
}
