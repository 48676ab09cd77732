/**
 * A case made from a visit is owned by nobody (ownerOpenid '') until a resident claims it with
 * its code: one conditional update, so of two claims of the same case exactly one wins.
 */
import type { Database } from '../platform/cloudbase';

export async function claimUnownedCase(db: Database, caseId: string, openid: string, now: Date): Promise<boolean> {
  const { updated } = await db.collection('cases').where({ _id: caseId, ownerOpenid: '' }).update({ ownerOpenid: openid, updatedAt: now });
  return (updated ?? 0) > 0;
}
