import type { Reception } from '../../typings/models';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';
import type { Transaction } from './transaction';
import { getInTransaction } from './transaction';

const COLLECTION = 'receptions';

/**
 * The first reception date on or after `fromDate` for each station that has one: sorted in the
 * station_date index's order, then the first of each station. Not `$min` of the dates: the local
 * emulator's `$min` (mingo's) skips strings and answers the first value it met, which is the
 * earliest only when the days were published in date order.
 */
export async function nextReceptionDates(db: Database, stationIds: string[], fromDate: string): Promise<Map<string, string>> {
  if (stationIds.length === 0) return new Map();
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTION)
    .aggregate()
    .match({ stationId: _.in(stationIds), date: _.gte(fromDate) })
    .sort({ stationId: 1, date: 1 })
    .group({ _id: '$stationId', next: db.command.aggregate.first('$date') })
    .end();
  return new Map((data as { _id: string; next: string }[]).map((row) => [row._id, row.next]));
}

export async function upcomingReceptions(db: Database, stationId: string, fromDate: string, toDate: string): Promise<Reception[]> {
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTION)
    .where({ stationId, date: _.gte(fromDate).and(_.lte(toDate)) })
    .orderBy('date', 'asc')
    .orderBy('start', 'asc')
    .limit(MAX_PAGE)
    .get();
  return data as Reception[];
}

/** A deputy's receptions at every station between two dates (both included), soonest first (deputies_date index). */
export async function upcomingReceptionsOfDeputy(db: Database, deputyId: string, fromDate: string, toDate: string): Promise<Reception[]> {
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTION)
    .where({ deputyIds: deputyId, date: _.gte(fromDate).and(_.lte(toDate)) })
    .orderBy('date', 'asc')
    .orderBy('start', 'asc')
    .limit(MAX_PAGE)
    .get();
  return data as Reception[];
}

export async function findReception(db: Database, id: string): Promise<Reception | undefined> {
  const { data } = await db.collection(COLLECTION).doc(id).get();
  return (data as Reception[])[0];
}

/**
 * Inside a transaction (`inTransaction` in ./transaction): read from the transaction's snapshot;
 * a concurrent write to the same reception makes the transaction run again, so `booked` is
 * always counted from what is really there and never passes `capacity`.
 */
export function receptionInTransaction(tx: Transaction, id: string): Promise<Reception | undefined> {
  return getInTransaction<Reception>(tx, COLLECTION, id);
}

export async function setSlotBookedInTransaction(tx: Transaction, id: string, slotIndex: number, booked: number): Promise<void> {
  await tx
    .collection(COLLECTION)
    .doc(id)
    .update({ [`slots.${slotIndex}.booked`]: booked });
}

/** The receptions of these stations between two dates (both included), by date (station_date index). */
export async function receptionsOfStations(db: Database, stationIds: readonly string[], fromDate: string, toDate: string): Promise<Reception[]> {
  if (stationIds.length === 0) return [];
  const _ = db.command;
  const { data } = await db
    .collection(COLLECTION)
    .where({ stationId: _.in([...stationIds]), date: _.gte(fromDate).and(_.lte(toDate)) })
    .orderBy('date', 'asc')
    .orderBy('start', 'asc')
    .limit(MAX_PAGE)
    .get();
  return data as Reception[];
}

/**
 * A new reception under its own id: 'inserted', or 'exists' when a reception with that id is
 * already there (another publish of the same station and day got in first). A single-document
 * insert, so of two racing publishes exactly one is inserted.
 */
export async function insertReception(db: Database, reception: Reception): Promise<'inserted' | 'exists'> {
  try {
    await db.collection(COLLECTION).add(reception);
    return 'inserted';
  } catch (error) {
    if ((error as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw error;
    return 'exists';
  }
}

/**
 * Set once a publish has queued its notices to the station's followers, so a retried publish
 * of a day whose followers were all told queues nothing again. Kept out of the shared Reception
 * type: only the publish use case reads it.
 */
export async function markFollowersTold(db: Database, id: string, at: Date): Promise<void> {
  await db.collection(COLLECTION).doc(id).update({ followersToldAt: at });
}

export function followersTold(reception: Reception): boolean {
  return (reception as Reception & { followersToldAt?: unknown }).followersToldAt != null;
}
