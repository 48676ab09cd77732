/**
 * For a deployment from before `users.actingAs`: gives every work account the copy of its
 * record and every bound record the id of its account, each pair in one transaction — what a
 * redeem writes today. Until then those accounts still work (the record is read as well, one
 * more round trip per call). Idempotent: an account that has its copy is left alone, so a
 * rerun, or a run while the app serves calls, changes nothing twice.
 */
import type { Deputy, Staff, User } from '../../../typings/models';
import { MAX_PAGE } from '../../data/documents';
import { setActingAsInTransaction, userInTransaction } from '../../data/people';
import { personInTransaction, setPersonBindingInTransaction } from '../../data/people-by-id';
import { inTransaction } from '../../data/transaction';
import { actingAsOf, type WorkRole } from '../../domain/identity';
import type { Database } from '../../platform/cloudbase';

export interface BackfillReport {
  /** Accounts given their copy. */
  copied: string[];
  /** Accounts left as they were, and why (each still reads its record, as before). */
  skipped: { userId: string; reason: string }[];
}

export async function backfillCopies(db: Database, options: { dryRun?: boolean } = {}): Promise<BackfillReport> {
  const report: BackfillReport = { copied: [], skipped: [] };
  for (const user of await accountsWithoutCopy(db)) {
    const outcome = await inTransaction(db, async (tx) => {
      const account = await userInTransaction(tx, user._id);
      if (!account || account.role === 'resident' || account.actingAs) return 'changed meanwhile';
      const kind = account.role === 'deputy' ? 'deputy' : 'staff';
      const personId = account.role === 'deputy' ? account.deputyId : account.staffId;
      const record = personId ? ((await personInTransaction(tx, kind, personId)) as Deputy | Staff | undefined) : undefined;
      if (!record) return 'its record is missing';
      // A record bound to someone else is not this account's to take: the district office unbinds one of them.
      if (record.openid && record.openid !== account.openid) return 'its record is bound to another account';
      const actingAs = actingAsOf(account.role as WorkRole, record);
      if (!actingAs) return 'its record is of another role';
      if (options.dryRun) return 'copied';
      await setActingAsInTransaction(tx, db, account._id, actingAs);
      await setPersonBindingInTransaction(tx, db, kind, record._id, { openid: account.openid, userId: account._id });
      return 'copied';
    });
    if (outcome === 'copied') report.copied.push(user._id);
    else report.skipped.push({ userId: user._id, reason: outcome });
  }
  return report;
}

/** Work accounts without the copy, a page of MAX_PAGE at a time (a district has hundreds at most). */
async function accountsWithoutCopy(db: Database): Promise<User[]> {
  const _ = db.command;
  const found: User[] = [];
  for (;;) {
    const { data } = await db
      .collection('users')
      .where({ role: _.in(['deputy', 'officer', 'admin']), actingAs: _.exists(false) })
      .orderBy('_id', 'asc')
      .skip(found.length)
      .limit(MAX_PAGE)
      .get();
    found.push(...(data as User[]));
    if (data.length < MAX_PAGE) return found;
  }
}
