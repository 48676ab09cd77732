/**
 * The `counters` collection: sequences such as the daily receipt counter `receipt-FT-20261121`.
 * A number is drawn by one atomic `_.inc(1)` that answers the new value (findAndModify), outside
 * any transaction: drawing inside the submission's transaction made every submission of a
 * district and day conflict on this one document and run again, so under load they queued
 * behind each other. The price: a number drawn for a submission that then fails or is refused
 * is never used — the day's sequence may have gaps, but never repeats.
 */
import type { Database } from '../platform/cloudbase';

const COUNTERS = 'counters';
const DUPLICATE = 'DATABASE_DUPLICATE_WRITE';

/** The next value of counter `id` (1 for a new counter); no two callers ever get the same one. */
export async function drawNext(db: Database, id: string, now: Date): Promise<number> {
  const counters = db.collection(COUNTERS);
  for (;;) {
    const { doc } = (await counters.where({ _id: id }).updateAndReturn({ seq: db.command.inc(1), updatedAt: now })) as { doc?: { seq?: unknown } | null };
    if (doc) return Number(doc.seq);
    // The day's first number: create the counter; when another caller created it a moment ago, increment theirs.
    try {
      await counters.add({ _id: id, seq: 1, updatedAt: now });
      return 1;
    } catch (error) {
      if ((error as { code?: string }).code !== DUPLICATE) throw error;
    }
  }
}
