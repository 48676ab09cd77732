/**
 * The `invites` collection: `_id` is the code, so a code exists once and the redeeming
 * transaction reads and writes it by `doc(code)`.
 */
import type { Invite } from '../domain/invites';
import type { Database } from '../platform/cloudbase';
import type { Transaction } from './transaction';
import { getInTransaction } from './transaction';

const INVITES = 'invites';

/** False when the code is taken (a 1-in-10^11 draw): the caller draws another. */
export async function insertInvite(db: Database, invite: Invite): Promise<boolean> {
  try {
    await db.collection(INVITES).add(invite);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'DATABASE_DUPLICATE_WRITE') return false;
    throw error;
  }
}

export async function findInvite(db: Database, code: string): Promise<Invite | undefined> {
  const { data } = await db.collection(INVITES).where({ _id: code }).limit(1).get();
  return data[0] ? fromStore(data[0]) : undefined;
}

/** A district's invites, newest first (index district_created). */
export async function districtInvites(db: Database, district: string, window: { skip: number; limit: number }): Promise<Invite[]> {
  const { data } = await db.collection(INVITES).where({ district }).orderBy('createdAt', 'desc').skip(window.skip).limit(window.limit).get();
  return data.map(fromStore);
}

/**
 * Revokes the invite only while it is open and unexpired, in one conditional write: a
 * redeem landing at the same moment either happened first (nothing revoked) or finds it revoked.
 */
export async function revokeOpenInvite(db: Database, code: string, district: string, now: Date): Promise<boolean> {
  const _ = db.command;
  const { updated } = await db
    .collection(INVITES)
    .where({ _id: code, district, state: 'open', expiresAt: _.gt(now) })
    .update({ state: 'revoked', revokedAt: now });
  return updated === 1;
}

export async function inviteInTransaction(tx: Transaction, code: string): Promise<Invite | undefined> {
  const doc = await getInTransaction<Record<string, unknown>>(tx, INVITES, code);
  return doc ? fromStore(doc) : undefined;
}

export async function markRedeemedInTransaction(tx: Transaction, code: string, openid: string, at: Date): Promise<void> {
  await tx.collection(INVITES).doc(code).update({ state: 'redeemed', redeemedBy: openid, redeemedAt: at });
}

/** Dates come back as Date from a query and possibly as strings elsewhere: one shape for the use cases. */
function fromStore(doc: Record<string, unknown>): Invite {
  const invite = doc as unknown as Invite;
  return {
    ...invite,
    createdAt: new Date(invite.createdAt),
    expiresAt: new Date(invite.expiresAt),
    ...(invite.redeemedAt ? { redeemedAt: new Date(invite.redeemedAt) } : {}),
    ...(invite.revokedAt ? { revokedAt: new Date(invite.revokedAt) } : {}),
  };
}
