/** Deputies and staff looked up by id, for acting and for showing who did what on a case. */
import type { Deputy, Staff } from '../../typings/models';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';
import { getInTransaction, replaceInTransaction, type Transaction } from './transaction';

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

/** Which collection holds a person of this kind. */
export type PersonKind = 'deputy' | 'staff';
const PERSON_COLLECTIONS: Record<PersonKind, string> = { deputy: 'deputies', staff: 'staff' };

/** The deputy or staff record, read in the transaction that binds or unbinds it. */
export async function personInTransaction(tx: Transaction, kind: PersonKind, id: string): Promise<(Deputy | Staff) | undefined> {
  return getInTransaction<Deputy | Staff>(tx, PERSON_COLLECTIONS[kind], id);
}

/**
 * Binds (the openid and the users document acting as this person) or unbinds (null): the
 * record names its account, so every change of the record can rewrite the account's copy.
 */
export async function setPersonBindingInTransaction(
  tx: Transaction,
  db: Database,
  kind: PersonKind,
  id: string,
  binding: { openid: string; userId: string } | null,
): Promise<void> {
  const _ = db.command;
  await tx
    .collection(PERSON_COLLECTIONS[kind])
    .doc(id)
    .update(binding ? { openid: binding.openid, userId: binding.userId } : { openid: _.remove(), userId: _.remove() });
}

/** A staff member's stations, rewritten whole when a station names or drops them. */
export async function setStaffStationsInTransaction(tx: Transaction, id: string, stationIds: string[]): Promise<void> {
  await tx.collection('staff').doc(id).update({ stationIds });
}

/** Creates or replaces a staff record in the transaction that also updates its stations. */
export async function replaceStaffInTransaction(tx: Transaction, staff: Staff): Promise<void> {
  await replaceInTransaction(tx, 'staff', staff);
}
