/** Deputies and staff looked up by id, for acting and for showing who did what on a case. */
import type { Deputy, Staff } from '../../typings/models';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';

export async function findDeputy(db: Database, id: string): Promise<Deputy | undefined> {
  const { data } = await db.collection('deputies').where({ _id: id }).limit(1).get();
  return data[0] as Deputy | undefined;
}

export async function findStaff(db: Database, id: string): Promise<Staff | undefined> {
  const { data } = await db.collection('staff').where({ _id: id }).limit(1).get();
  return data[0] as Staff | undefined;
}

/** id → name, for the ids that exist. */
export async function deputyNames(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  return namesIn(db, 'deputies', ids);
}

export async function staffNames(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  return namesIn(db, 'staff', ids);
}

async function namesIn(db: Database, collection: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const { data } = await db
    .collection(collection)
    .where({ _id: db.command.in(unique) })
    .field({ _id: true, name: true })
    .limit(MAX_PAGE)
    .get();
  return new Map((data as { _id: string; name: string }[]).map((d) => [d._id, d.name]));
}
