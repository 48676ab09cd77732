/**
 * The `requests` collection: one document per accepted client request, `_id` =
 * sha256(openid + requestId). Created in the same transaction as what the request made, so a
 * retried request finds it and answers the same result instead of doing the work twice.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../platform/cloudbase';
import type { Transaction } from './transaction';
import { getInTransaction, insertInTransaction } from './transaction';

const REQUESTS = 'requests';

export interface RequestDocument {
  _id: string;
  /** What the request was, e.g. 'case.submit'. */
  action: string;
  caseId: string;
  receiptNo: string;
  at: Date;
}

/** Scoped to the caller: another user's requestId can never collide with, or reveal, yours. */
export function requestKey(openid: string, requestId: string): string {
  return createHash('sha256').update(`${openid}\u0000${requestId}`).digest('hex');
}

export async function findRequest(db: Database, key: string): Promise<RequestDocument | undefined> {
  const { data } = await db.collection(REQUESTS).where({ _id: key }).limit(1).get();
  return data[0] as RequestDocument | undefined;
}

export async function requestInTransaction(tx: Transaction, key: string): Promise<RequestDocument | undefined> {
  return getInTransaction<RequestDocument>(tx, REQUESTS, key);
}

export async function recordRequestInTransaction(tx: Transaction, request: RequestDocument): Promise<void> {
  await insertInTransaction(tx, REQUESTS, request);
}

/**
 * For account deletion, in the transaction that anonymises the request's case: the key is
 * derived from the openid and the record holds the exact submission time. A missing one is a no-op.
 */
export async function removeRequestInTransaction(tx: Transaction, key: string): Promise<void> {
  await tx.collection(REQUESTS).doc(key).remove();
}
