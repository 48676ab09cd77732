import type { Station } from '../../typings/models';
import type { Database } from '../platform/cloudbase';
import { toGeoPoint } from './documents';

const COLLECTION = 'stations';

export type StationWithDistance = Station & { distance: number };

/** Nearest first, from the 2dsphere index (`geoNear` stage) — never a scan of all stations. */
export async function findNearestStations(
  db: Database,
  query: { longitude: number; latitude: number; maxDistance: number; skip: number; limit: number; text?: string },
): Promise<StationWithDistance[]> {
  const { data } = await db
    .collection(COLLECTION)
    .aggregate()
    .geoNear({
      near: new db.Geo.Point(query.longitude, query.latitude),
      distanceField: 'distance',
      spherical: true,
      maxDistance: query.maxDistance,
      key: 'location',
      ...(query.text ? { query: textFilter(db, query.text) } : {}),
    })
    .skip(query.skip)
    .limit(query.limit)
    .end();
  return (data as Record<string, unknown>[]).map((doc) => ({ ...toStation(doc), distance: Number(doc.distance) }));
}

/** Stations whose name, address, street or community contains the text, in code order. */
export async function searchStations(db: Database, query: { text: string; skip: number; limit: number }): Promise<Station[]> {
  const { data } = await db.collection(COLLECTION).where(textFilter(db, query.text)).orderBy('code', 'asc').skip(query.skip).limit(query.limit).get();
  return data.map((doc) => toStation(doc));
}

function textFilter(db: Database, text: string) {
  // The text is a person's words, not a pattern: escape every regex metacharacter.
  const pattern = db.RegExp({ regexp: text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' });
  const _ = db.command;
  return _.or([{ name: pattern }, { address: pattern }, { street: pattern }, { community: pattern }]);
}

export async function findStation(db: Database, by: { id?: string; code?: string }): Promise<Station | undefined> {
  const filter = by.id !== undefined ? { _id: by.id } : { code: by.code };
  const { data } = await db.collection(COLLECTION).where(filter).limit(1).get();
  return data[0] ? toStation(data[0]) : undefined;
}

function toStation(doc: Record<string, unknown>): Station {
  return { ...(doc as unknown as Station), location: toGeoPoint(doc.location) };
}
