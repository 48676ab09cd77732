import type { Deputy, Staff, User } from '../../typings/models';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';

/** Deputies stationed at a station (`stationIds` holds it). */
export async function deputiesAtStation(db: Database, stationId: string): Promise<Deputy[]> {
  const { data } = await db.collection('deputies').where({ stationIds: stationId }).orderBy('name', 'asc').limit(MAX_PAGE).get();
  return data as Deputy[];
}

export async function staffByIds(db: Database, ids: string[]): Promise<Staff[]> {
  if (ids.length === 0) return [];
  const { data } = await db.collection('staff').where({ _id: db.command.in(ids) }).limit(MAX_PAGE).get();
  return data as Staff[];
}

export async function findUserByOpenid(db: Database, openid: string): Promise<User | undefined> {
  const { data } = await db.collection('users').where({ openid }).limit(1).get();
  return data[0] as User | undefined;
}
