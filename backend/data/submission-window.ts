/**
 * A resident's submission window, in the `counters` collection: the times of their case
 * submissions of the last 24 hours, read and rewritten inside the submission's transaction
 * (case.submission-gate.ts `admitToWindow`). Keyed by a hash of the openid, never the openid,
 * and removed with the account.
 * Two parallel submissions of one resident both write it, so one conflicts and runs again
 * on the other's times: the rate limits hold however many arrive at once.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../platform/cloudbase';
import type { Transaction } from './transaction';
import { getInTransaction, replaceInTransaction } from './transaction';

const COUNTERS = 'counters';

const windowId = (openid: string): string => `submissions-${createHash('sha256').update(openid).digest('hex')}`;

export async function submissionWindowInTransaction(tx: Transaction, openid: string): Promise<Date[]> {
  const doc = await getInTransaction<{ times?: unknown[] }>(tx, COUNTERS, windowId(openid));
  return (doc?.times ?? []).map((at) => new Date(at as Date)).filter((at) => !Number.isNaN(at.getTime()));
}

export async function saveSubmissionWindowInTransaction(tx: Transaction, openid: string, times: readonly Date[], now: Date): Promise<void> {
  await replaceInTransaction(tx, COUNTERS, { _id: windowId(openid), times: [...times], updatedAt: now });
}

/**
 * For account deletion: the window's key is a hash of the openid and its times equal the cases'
 * submission times, so keeping it would tie the anonymised cases back to the person. Missing: a no-op.
 */
export async function removeSubmissionWindow(db: Database, openid: string): Promise<void> {
  await db.collection(COUNTERS).where({ _id: windowId(openid) }).remove();
}
