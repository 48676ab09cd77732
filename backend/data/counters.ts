/**
 * The `counters` collection: sequences drawn inside a transaction, e.g. the daily receipt
 * counter `receipt-FT-20261121`. Two transactions drawing at once conflict on the document and
 * one runs again, so no number is handed out twice.
 */
import type { Transaction } from './transaction';
import { getInTransaction, replaceInTransaction } from './transaction';

const COUNTERS = 'counters';

/** The next value of counter `id` (1 for a new counter). */
export async function nextInTransaction(tx: Transaction, id: string, now: Date): Promise<number> {
  const current = await getInTransaction<{ seq?: number }>(tx, COUNTERS, id);
  const seq = Number(current?.seq ?? 0) + 1;
  await replaceInTransaction(tx, COUNTERS, { _id: id, seq, updatedAt: now });
  return seq;
}
