/**
 * The bound account's copy of its record (`users.actingAs`), rewritten inside the transaction
 * that changes the record. The record names its account (`userId`, with `openid`), so the
 * transaction reads it by id; redeem and unbind write the record too, so a change racing with
 * either conflicts and runs again on what the other committed — the copy never lags.
 */
import type { Deputy, Staff } from '../../../typings/models';
import { userInTransaction, setActingAsInTransaction } from '../../data/people';
import type { PersonKind } from '../../data/people-by-id';
import type { Transaction } from '../../data/transaction';
import { actingAsOf, actsAs, type WorkRole } from '../../domain/identity';
import type { Database } from '../../platform/cloudbase';

/** `record` as it will be once the transaction commits. */
export async function keepAccountInStep(tx: Transaction, db: Database, kind: PersonKind, record: Deputy | Staff): Promise<void> {
  if (!record.userId || !record.openid) return;
  const account = await userInTransaction(tx, record.userId);
  // Only the account acting as this very record; another one (rebound elsewhere) is not ours to touch.
  if (!account || !actsAs(account, kind, record._id, record.openid)) return;
  await setActingAsInTransaction(tx, db, account._id, actingAsOf(account.role as WorkRole, record));
}
