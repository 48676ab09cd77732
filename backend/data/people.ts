import { createHash } from 'node:crypto';
import type { ActingAs, Deputy, Staff, User } from '../../typings/models';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';
import { getInTransaction, replaceInTransaction, type Transaction } from './transaction';

/** Deputies stationed at a station (`stationIds` holds it). */
export async function deputiesAtStation(db: Database, stationId: string): Promise<Deputy[]> {
  const { data } = await db.collection('deputies').where({ stationIds: stationId }).orderBy('name', 'asc').limit(MAX_PAGE).get();
  return data as Deputy[];
}

export async function staffByIds(db: Database, ids: string[]): Promise<Staff[]> {
  if (ids.length === 0) return [];
  const { data } = await db
    .collection('staff')
    .where({ _id: db.command.in(ids) })
    .limit(MAX_PAGE)
    .get();
  return data as Staff[];
}

/** The caller's users document (index `openid`): their role and, for work roles, the record's copy. */
export async function findUserByOpenid(db: Database, openid: string): Promise<User | undefined> {
  const { data } = await db.collection('users').where({ openid }).limit(1).get();
  return data[0] as User | undefined;
}

// ───── the district office's view: listing and saving deputies and staff ─────

/** A person's words as a name filter: a literal, never a pattern. */
function nameFilter(db: Database, text: string) {
  return db.RegExp({ regexp: text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' });
}

/** Deputies serving any of these stations (index stationIds), by name. */
export async function deputiesServing(db: Database, query: { stationIds: readonly string[]; name?: string; skip: number; limit: number }): Promise<Deputy[]> {
  if (query.stationIds.length === 0) return [];
  const filter = { stationIds: db.command.in([...query.stationIds]), ...(query.name ? { name: nameFilter(db, query.name) } : {}) };
  const { data } = await db.collection('deputies').where(filter).orderBy('name', 'asc').orderBy('_id', 'asc').skip(query.skip).limit(query.limit).get();
  return data as Deputy[];
}

/** Officers or admins of a district, by name; with `stationId`, only those staffing it. */
export async function districtStaff(
  db: Database,
  query: { district: string; role: Staff['role']; stationId?: string; name?: string; skip: number; limit: number },
): Promise<Staff[]> {
  const filter = {
    district: query.district,
    role: query.role,
    ...(query.stationId ? { stationIds: query.stationId } : {}),
    ...(query.name ? { name: nameFilter(db, query.name) } : {}),
  };
  const { data } = await db.collection('staff').where(filter).orderBy('name', 'asc').orderBy('_id', 'asc').skip(query.skip).limit(query.limit).get();
  return data as Staff[];
}

/** A new deputy record. */
export async function insertDeputy(db: Database, deputy: Deputy): Promise<void> {
  await db.collection('deputies').add(deputy);
}

/**
 * Only the fields an admin edits, in the transaction that also rewrites the bound account's
 * copy: the binding (openid, userId) is the redeem's, never replaced from here.
 */
export async function updateDeputyFieldsInTransaction(
  tx: Transaction,
  id: string,
  fields: Pick<Deputy, 'name' | 'level' | 'delegation' | 'occupation' | 'stationIds'>,
): Promise<void> {
  await tx.collection('deputies').doc(id).update(fields);
}

// ───── users: the role an openid acts in ─────

/**
 * The `_id` of a new users document, from the openid: two redeems by the same person at once
 * write the same document, so the transaction refuses the second instead of making two users.
 */
export function userIdFor(openid: string): string {
  return `us-${createHash('sha256').update(openid).digest('hex').slice(0, 24)}`;
}

export async function userInTransaction(tx: Transaction, id: string): Promise<User | undefined> {
  return getInTransaction<User>(tx, 'users', id);
}

/** The whole users document: a role's record id (or its copy) that no longer applies must not linger. */
export async function replaceUserInTransaction(tx: Transaction, user: User): Promise<void> {
  await replaceInTransaction(tx, 'users', user);
}

/**
 * Rewrites the account's copy of its record whole (`_.set`: an update merges nested objects
 * field by field, which would keep a district or station the record no longer has); none
 * removes it, so the record is read again.
 */
export async function setActingAsInTransaction(tx: Transaction, db: Database, userId: string, actingAs: ActingAs | undefined): Promise<void> {
  const _ = db.command;
  await tx
    .collection('users')
    .doc(userId)
    .update({ actingAs: actingAs ? _.set(actingAs) : _.remove() });
}

/** How many deputies serve each of these stations (absent: none), counted by the database. */
export async function deputyCountsAt(db: Database, stationIds: readonly string[]): Promise<Map<string, number>> {
  if (stationIds.length === 0) return new Map();
  const among = db.command.in([...stationIds]);
  const { data } = await db
    .collection('deputies')
    .aggregate()
    .match({ stationIds: among })
    .unwind('$stationIds')
    .match({ stationIds: among })
    .group({ _id: '$stationIds', count: db.command.aggregate.sum(1) })
    .end();
  return new Map((data as { _id: string; count: number }[]).map((row) => [row._id, Number(row.count)]));
}
