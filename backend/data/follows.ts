/**
 * The `follows` collection: a resident following a station to hear of its new reception days.
 * `_id` = '<stationId>:<openid>', so following twice is one document and unfollowing removes it.
 */
import type { Database } from '../platform/cloudbase';

const FOLLOWS = 'follows';

export interface FollowDocument {
  _id: string;
  stationId: string;
  openid: string;
  createdAt: Date;
}

export const followIdFor = (stationId: string, openid: string): string => `${stationId}:${openid}`;

/** Idempotent: a second follow keeps the first one's date. */
export async function addFollow(db: Database, stationId: string, openid: string, now: Date): Promise<void> {
  try {
    await db.collection(FOLLOWS).add({ _id: followIdFor(stationId, openid), stationId, openid, createdAt: now });
  } catch (error) {
    if ((error as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw error;
  }
}

export async function isFollowing(db: Database, stationId: string, openid: string): Promise<boolean> {
  const { total } = await db
    .collection(FOLLOWS)
    .where({ _id: followIdFor(stationId, openid) })
    .count();
  return total > 0;
}

/** Removing a follow that is not there is a no-op. */
export async function removeFollow(db: Database, stationId: string, openid: string): Promise<void> {
  await db
    .collection(FOLLOWS)
    .where({ _id: followIdFor(stationId, openid) })
    .remove();
}

/**
 * Where a walk over a station's followers stopped: every follower who followed before `at` is
 * behind it, and so are the first `skip` of those who followed at exactly `at` (in `_id` order).
 * Holds a time and a count, nothing of anyone's openid, so a publication still running when a
 * follower deletes their account keeps nothing that leads back to them. The price: if one of
 * several follows made in the very same millisecond as the cursor's, already behind it, is removed
 * before the next page, the count overshoots by one and one follower of that instant is passed
 * over — follows are made one tap at a time, so such ties are rare, and removals inside them rarer.
 */
export interface FollowerCursor {
  at: Date;
  skip: number;
}

export interface FollowerPage {
  openids: string[];
  /** Where the next page starts; the same cursor when the page was empty. */
  next: FollowerCursor | null;
}

/**
 * The next `limit` followers of the station who followed by `until`, after `cursor` (null: from
 * the first), in (createdAt, _id) order — the station_created index, `_id` breaking ties.
 */
export async function followersPage(db: Database, stationId: string, until: Date, cursor: FollowerCursor | null, limit: number): Promise<FollowerPage> {
  const _ = db.command;
  const createdAt = cursor ? _.gte(cursor.at).and(_.lte(until)) : _.lte(until);
  const { data } = await db
    .collection(FOLLOWS)
    .where({ stationId, createdAt })
    .orderBy('createdAt', 'asc')
    .orderBy('_id', 'asc')
    .skip(cursor?.skip ?? 0)
    .limit(limit)
    .field({ openid: true, createdAt: true })
    .get();
  const rows = data as { openid: string; createdAt: Date }[];
  if (rows.length === 0) return { openids: [], next: cursor };
  const last = new Date(rows[rows.length - 1].createdAt).getTime();
  const atLast = rows.filter((row) => new Date(row.createdAt).getTime() === last).length;
  // A page entirely at the cursor's own instant moves on within it; otherwise the count restarts at the last instant.
  const skip = cursor && cursor.at.getTime() === last ? cursor.skip + atLast : atLast;
  return { openids: rows.map((row) => row.openid), next: { at: new Date(last), skip } };
}

/** A followed station as 我的 names it: nothing of the follower, nothing else of the station. */
export interface FollowedStationRow {
  id: string;
  name: string;
  address: string;
}

/**
 * The stations `openid` follows, the latest followed first, at most `limit`, in ONE aggregate:
 * the follows by the openid_created index, each joined to its station (`$lookup` on `_id`) and cut
 * to its name and address in the database. A station that no longer exists is left out.
 */
export async function followedStationRows(db: Database, openid: string, limit: number): Promise<FollowedStationRow[]> {
  const $ = db.command.aggregate;
  const { data } = await db
    .collection(FOLLOWS)
    .aggregate()
    .match({ openid })
    .sort({ createdAt: -1, _id: -1 })
    .limit(limit)
    .lookup({ from: 'stations', localField: 'stationId', foreignField: '_id', as: 'followedStation' })
    .project({
      _id: 0,
      id: '$stationId',
      name: $.arrayElemAt(['$followedStation.name', 0]),
      address: $.arrayElemAt(['$followedStation.address', 0]),
    })
    .end();
  return (data as Partial<FollowedStationRow>[])
    .filter((row): row is FollowedStationRow => typeof row.id === 'string' && typeof row.name === 'string')
    .map((row) => ({ id: row.id, name: row.name, address: typeof row.address === 'string' ? row.address : '' }));
}
