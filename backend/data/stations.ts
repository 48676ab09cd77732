import type { Deputy, Reception, Staff, Station } from '../../typings/models';
import { normaliseStationCode } from '../domain/station-code';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE, toGeoPoint } from './documents';
import { getInTransaction, type Transaction } from './transaction';

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

/** By id, or else by door code (case-insensitive: codes are stored upper-case). */
export async function findStation(db: Database, by: { id?: string; code?: string }): Promise<Station | undefined> {
  const filter = by.id !== undefined ? { _id: by.id } : { code: normaliseStationCode(by.code ?? '') };
  const { data } = await db.collection(COLLECTION).where(filter).limit(1).get();
  return data[0] ? toStation(data[0]) : undefined;
}

/** A deputy as a station's page shows them: never their openid or account. */
export type RosterDeputy = Pick<Deputy, '_id' | 'name' | 'level' | 'delegation' | 'occupation' | 'photoUrl'>;
/** An officer as a station's page shows them: name and office phone. */
export type RosterOfficer = Pick<Staff, '_id' | 'name' | 'phone'>;

/** A station with the people who serve it and its reception days in a window. */
export interface StationRoster {
  station: Station;
  /** Deputies stationed there, by name. */
  deputies: RosterDeputy[];
  /** The officers it lists (`officerIds`), in that order. */
  officers: RosterOfficer[];
  /** Its receptions from `fromDate` to `toDate` (both included), by date then start. */
  receptions: Reception[];
  /** Its 代表论坛 / 约见 of any date whose 活动回顾 is posted, newest first (the page shows a few). */
  recaps: Reception[];
}

/**
 * A station (by id, or by door code) with its deputies, officers and the receptions of a
 * window, in ONE aggregate: the people and the days are joined in the database, only the
 * fields a page shows come back, and the window is cut there too.
 */
export async function stationRoster(db: Database, by: { id?: string; code?: string }, window: { fromDate: string; toDate: string }): Promise<StationRoster | undefined> {
  const $ = db.command.aggregate;
  const filter = by.id !== undefined ? { _id: by.id } : { code: normaliseStationCode(by.code ?? '') };
  const { data } = await db
    .collection(COLLECTION)
    .aggregate()
    .match(filter)
    .limit(1)
    .lookup({ from: 'deputies', localField: '_id', foreignField: 'stationIds', as: 'rosterDeputies' })
    .lookup({ from: 'staff', localField: 'officerIds', foreignField: '_id', as: 'rosterOfficers' })
    .lookup({ from: 'receptions', localField: '_id', foreignField: 'stationId', as: 'rosterReceptions' })
    .addFields({
      rosterDeputies: $.map({
        input: '$rosterDeputies',
        as: 'd',
        in: { _id: '$$d._id', name: '$$d.name', level: '$$d.level', delegation: '$$d.delegation', occupation: '$$d.occupation', photoUrl: '$$d.photoUrl' },
      }),
      rosterOfficers: $.map({ input: '$rosterOfficers', as: 'o', in: { _id: '$$o._id', name: '$$o.name', phone: '$$o.phone' } }),
      rosterReceptions: $.filter({
        input: '$rosterReceptions',
        as: 'r',
        cond: $.and([$.gte(['$$r.date', window.fromDate]), $.lte(['$$r.date', window.toDate])]),
      }),
      // Events of any date, in the same read: the summaries are picked out below.
      rosterEvents: $.filter({ input: '$rosterReceptions', as: 'r', cond: $.in(['$$r.kind', ['forum', 'meeting']]) }),
    })
    .end();
  const doc = (data as Record<string, unknown>[])[0];
  if (!doc) return undefined;
  const { rosterDeputies, rosterOfficers, rosterReceptions, rosterEvents, ...station } = doc as Record<string, unknown> & {
    rosterDeputies?: RosterDeputy[];
    rosterOfficers?: RosterOfficer[];
    rosterReceptions?: Reception[];
    rosterEvents?: Reception[];
  };
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const officerIds = (station.officerIds as string[] | undefined) ?? [];
  return {
    station: toStation(station),
    deputies: (rosterDeputies ?? []).map(withoutNulls).sort((a, b) => order(a.name, b.name) || order(a._id, b._id)),
    officers: (rosterOfficers ?? []).sort((a, b) => officerIds.indexOf(a._id) - officerIds.indexOf(b._id)),
    receptions: (rosterReceptions ?? []).sort((a, b) => order(a.date, b.date) || order(a.start, b.start)),
    recaps: (rosterEvents ?? []).filter((r) => r.summary).sort((a, b) => order(b.date, a.date) || order(b.start, a.start)),
  };
}

/** A field the record does not have comes back absent, as from a query, not as null. */
function withoutNulls<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}

function toStation(doc: Record<string, unknown>): Station {
  return { ...(doc as unknown as Station), location: toGeoPoint(doc.location) };
}

// ───── the district office's view: listing and saving stations ─────

/** A district's stations in code order; with `text`, those whose name, address, street or community hold it. */
export async function districtStations(db: Database, query: { district: string; text?: string; skip: number; limit: number }): Promise<Station[]> {
  const filter = query.text ? db.command.and([{ district: query.district }, textFilter(db, query.text)]) : { district: query.district };
  const { data } = await db.collection(COLLECTION).where(filter).orderBy('code', 'asc').skip(query.skip).limit(query.limit).get();
  return data.map((doc) => toStation(doc));
}

/** Ids and names of a district's stations: its scope for people and invites. */
export async function districtStationNames(db: Database, district: string): Promise<Map<string, string>> {
  const { data } = await db.collection(COLLECTION).where({ district }).field({ _id: true, name: true }).limit(MAX_PAGE).get();
  return new Map((data as { _id: string; name: string }[]).map((s) => [s._id, s.name]));
}

/** Name and district of each station that exists, in the order asked (a 述职报告 keeps both as published). */
export async function stationNamesAndDistricts(db: Database, ids: readonly string[]): Promise<{ id: string; name: string; district: string }[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const { data } = await db
    .collection(COLLECTION)
    .where({ _id: db.command.in(unique) })
    .field({ _id: true, name: true, district: true })
    .limit(MAX_PAGE)
    .get();
  const found = new Map((data as { _id: string; name: string; district?: string }[]).map((s) => [s._id, s]));
  return unique.flatMap((id) => {
    const station = found.get(id);
    return station ? [{ id, name: station.name, district: station.district ?? '' }] : [];
  });
}

/** id → name for any stations (a deputy's stations may lie in another district). */
export async function stationNames(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { data } = await db
    .collection(COLLECTION)
    .where({ _id: db.command.in(unique) })
    .field({ _id: true, name: true })
    .limit(MAX_PAGE)
    .get();
  return new Map((data as { _id: string; name: string }[]).map((s) => [s._id, s.name]));
}

export async function stationInTransaction(tx: Transaction, id: string): Promise<Station | undefined> {
  const doc = await getInTransaction<Record<string, unknown>>(tx, COLLECTION, id);
  return doc ? toStation(doc) : undefined;
}

/**
 * Creates or replaces a station. The location is written as a Geo.Point so CloudBase stores
 * GeoJSON the 2dsphere index reads; the unique code index refuses a taken code
 * (DATABASE_DUPLICATE_WRITE).
 */
export async function replaceStationInTransaction(tx: Transaction, db: Database, station: Station): Promise<void> {
  const { _id, location, ...fields } = station;
  await tx
    .collection(COLLECTION)
    .doc(_id)
    .set({ ...fields, location: new db.Geo.Point(location.coordinates[0], location.coordinates[1]) });
}

/** A station's liaison officers, rewritten whole when an officer's stations change. */
export async function setStationOfficersInTransaction(tx: Transaction, id: string, officerIds: string[]): Promise<void> {
  await tx.collection(COLLECTION).doc(id).update({ officerIds });
}
