/**
 * A person redeems their invite: in ONE transaction the invite is marked redeemed, the users
 * document takes the role, the record and the record's copy (name, stations, district: what
 * every later call reads in one go), and the record takes the openid and the users document's
 * id. Two people with the same code both write the invite document, so the later commit
 * conflicts, runs again, and finds it redeemed: exactly one wins.
 */
import type { Profile } from '../../../typings/workspace';
import { inviteInTransaction, markRedeemedInTransaction } from '../../data/invites';
import { findUserByOpenid, replaceUserInTransaction, userIdFor, userInTransaction } from '../../data/people';
import { personInTransaction, setPersonBindingInTransaction } from '../../data/people-by-id';
import { inTransaction } from '../../data/transaction';
import { actingAsOf, identityOf } from '../../domain/identity';
import { decideRedeem, isInviteCode, normaliseInviteCode } from '../../domain/invites';
import { fail, ok, type Result } from '../../domain/result';
import type { Database } from '../../platform/cloudbase';
import { profileOf } from '../users';

export async function redeemInvite(ctx: { db: Database; now: Date }, openid: string, typed: string): Promise<Result<Profile>> {
  const { db, now } = ctx;
  const code = normaliseInviteCode(typed);
  if (!isInviteCode(code)) return fail('INVALID_INPUT', '邀请码为 8 位字母或数字，请核对后重新输入', 'code');
  // Queries cannot run in a transaction: find the caller's users document first. Someone new
  // gets an id derived from the openid, so concurrent redeems by one person meet on one document.
  const userId = (await findUserByOpenid(db, openid))?._id ?? userIdFor(openid);

  const bound = await inTransaction(db, async (tx) => {
    const invite = await inviteInTransaction(tx, code);
    const user = await userInTransaction(tx, userId);
    const kind = invite?.role === 'deputy' ? 'deputy' : 'staff';
    const person = invite ? await personInTransaction(tx, kind, invite.personId) : undefined;
    const decision = decideRedeem({ invite, callerRole: user?.role ?? 'resident', callerOpenid: openid, person, now });
    if (!decision.ok) return decision;
    const { role, personId } = decision.value;
    const actingAs = actingAsOf(role, person!);
    await markRedeemedInTransaction(tx, code, openid, now);
    await replaceUserInTransaction(tx, {
      _id: userId,
      openid,
      role,
      ...(role === 'deputy' ? { deputyId: personId } : { staffId: personId }),
      ...(actingAs ? { actingAs } : {}),
      createdAt: user?.createdAt ? new Date(user.createdAt) : now,
    });
    await setPersonBindingInTransaction(tx, db, kind, personId, { openid, userId });
    return ok(identityOf(openid, role, personId, actingAs));
  });
  if (!bound.ok) return bound;
  // What the transaction wrote is what the next call will read: no need to read it back.
  return ok(await profileOf(db, openid, bound.value));
}
