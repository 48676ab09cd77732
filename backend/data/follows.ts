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
  const { total } = await db.collection(FOLLOWS).where({ _id: followIdFor(stationId, openid) }).count();
  return total > 0;
}

/** Removing a follow that is not there is a no-op. */
export async function removeFollow(db: Database, stationId: string, openid: string): Promise<void> {
  await db.collection(FOLLOWS).where({ _id: followIdFor(stationId, openid) }).remove();
}

/** The station's followers' openids, the earliest first (stationId+createdAt index), at most `limit`. */
export async function followersOf(db: Database, stationId: string, limit: number): Promise<string[]> {
  const { data } = await db
    .collection(FOLLOWS)
    .where({ stationId })
    .orderBy('createdAt', 'asc')
    .field({ openid: true })
    .limit(limit)
    .get();
  return (data as { openid: string }[]).map((d) => d.openid);
}
