/**
 * CloudBase transactions, for the writes that must change several documents together (a booking
 * and its reception's places, an invite and its account). A case change needs none: it is one
 * conditional update of the case document (data/cases.ts). Inside one, only single-document operations
 * addressed by `doc(id)` (and `add`) are allowed, reads come from the transaction's snapshot,
 * and a document written by someone else after the start makes the write or the commit fail
 * with DATABASE_TRANSACTION_CONFLICT — the SDK then runs the callback again on a fresh snapshot.
 */
import type { Database } from '../platform/cloudbase';

/** What `db.runTransaction` hands its callback. */
export type Transaction = Pick<Database, 'collection'>;

/** What a transaction still conflicting after every round throws (its `code`). */
export const TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
/** The SDK's own immediate retries per round. */
const SDK_ATTEMPTS = 4;
/** Rounds, with a growing random pause between them: two people booking the last place of a slot, one resident's parallel bookings. */
const ROUNDS = 4;

/**
 * Runs `work` in one transaction and answers what it returns. `work` must read and write only
 * through `tx` and decide from what it read, since it may run several times; when it returns a
 * refusal it must not have written anything (a commit of nothing is harmless).
 */
export async function inTransaction<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const run = db.runTransaction as (callback: (tx: Transaction) => Promise<T>, times?: number) => Promise<T>;
  for (let round = 1; ; round += 1) {
    try {
      return await run.call(db, work, SDK_ATTEMPTS - 1);
    } catch (error) {
      if (round >= ROUNDS || (error as { code?: unknown })?.code !== TRANSACTION_CONFLICT) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * round));
    }
  }
}

/** `doc(id).get()` in a transaction answers one document or null (outside, a list): accept both. */
export async function getInTransaction<T>(tx: Transaction, collection: string, id: string): Promise<T | undefined> {
  const { data } = (await tx.collection(collection).doc(id).get()) as { data: unknown };
  const doc = Array.isArray(data) ? data[0] : data;
  return (doc ?? undefined) as T | undefined;
}

/** Inserts with a chosen `_id`: fails (never overwrites) when that id exists — how duplicates are refused. */
export async function insertInTransaction<D extends { _id: string }>(tx: Transaction, collection: string, doc: D): Promise<void> {
  await tx.collection(collection).add(doc);
}

/** Replaces the whole document (or creates it): fields absent from `doc` are gone afterwards. */
export async function replaceInTransaction<D extends { _id: string }>(tx: Transaction, collection: string, doc: D): Promise<void> {
  const { _id, ...fields } = doc;
  await tx.collection(collection).doc(_id).set(fields);
}
