/**
 * A resident's open bookings, in the `counters` collection: the ids of the bookings they held
 * open when they last booked, read and rewritten inside every booking's transaction
 * (booking.limit.ts `admitOpenBooking`). Keyed by a hash of the openid, never the openid.
 * Two parallel bookings of one resident both write it, so one conflicts and runs again and
 * then sees the other's booking: the cap holds however many arrive at once. It holds ids only
 * (no times); the bookings themselves say whether they are still open.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../platform/cloudbase';
import type { Transaction } from './transaction';
import { getInTransaction, replaceInTransaction } from './transaction';

const COUNTERS = 'counters';

const holdId = (openid: string): string => `open-bookings-${createHash('sha256').update(openid).digest('hex')}`;

export async function openBookingIdsInTransaction(tx: Transaction, openid: string): Promise<string[]> {
  const doc = await getInTransaction<{ bookingIds?: unknown[] }>(tx, COUNTERS, holdId(openid));
  return (doc?.bookingIds ?? []).filter((id): id is string => typeof id === 'string');
}

export async function saveOpenBookingIdsInTransaction(tx: Transaction, openid: string, bookingIds: readonly string[]): Promise<void> {
  await replaceInTransaction(tx, COUNTERS, { _id: holdId(openid), bookingIds: [...bookingIds] });
}

/**
 * For account deletion: the key is a hash of the openid and the ids are the person's booking
 * ids, so keeping it would tie the anonymised bookings back to them. Missing: a no-op.
 */
export async function removeOpenBookingIds(db: Database, openid: string): Promise<void> {
  await db
    .collection(COUNTERS)
    .where({ _id: holdId(openid) })
    .remove();
}
