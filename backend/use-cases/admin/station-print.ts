/** What a station prints on its door: its mini-program code, and the A4 poster around it. */
import type { StationCodeOutput } from '../../../typings/workspace';
import { renderStationPoster } from '../../documents/station-poster';
import { staffNames } from '../../data/people-by-id';
import { openingHoursLines } from '../../domain/admin';
import { ok, type Result } from '../../domain/result';
import type { Database } from '../../platform/cloudbase';
import type { ResolvedActor } from '../actor';
import { STATION_PAGE, stationQrCode, storeStationFile, type StoredFile } from './station-files';
import { districtStation } from './stations';

export async function stationCode(db: Database, who: ResolvedActor, stationId: string): Promise<Result<StationCodeOutput>> {
  const station = await districtStation(db, who, stationId);
  if (!station.ok) return station;
  const png = await stationQrCode(station.value);
  if (!png.ok) return png;
  const stored = await storeStationFile(station.value._id, 'code.png', png.value);
  return ok({ page: STATION_PAGE, scene: station.value.code, ...stored });
}

export async function stationPoster(db: Database, who: ResolvedActor, stationId: string, now: Date): Promise<Result<StoredFile>> {
  const station = await districtStation(db, who, stationId);
  if (!station.ok) return station;
  const [png, officers] = await Promise.all([stationQrCode(station.value), staffNames(db, station.value.officerIds)]);
  if (!png.ok) return png;
  const pdf = await renderStationPoster(
    {
      name: station.value.name,
      address: station.value.address,
      hours: openingHoursLines(station.value.hours),
      phone: station.value.phone,
      code: station.value.code,
      qrPng: png.value,
      officers: station.value.officerIds.flatMap((id) => (officers.has(id) ? [officers.get(id)!] : [])),
    },
    { now },
  );
  return ok(await storeStationFile(station.value._id, 'poster.pdf', pdf));
}
