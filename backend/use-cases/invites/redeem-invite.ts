/**
 * A person redeems their invite: in ONE transaction the invite is marked redeemed, the users
 * document takes the role and record, and the record takes the openid. Two people with the same
 * code both write the invite document, so the later commit conflicts, runs again, and finds it
 * redeemed: exactly one wins.
 */
import type { Profile } from '../../../typings/workspace';
import { inviteInTransaction, markRedeemedInTransaction } from '../../data/invites';
import { findUserByOpenid, replaceUserInTransaction, userIdFor, userInTransaction } from '../../data/people';
import { personInTransaction, setPersonOpenidInTransaction } from '../../data/people-by-id';
import { inTransaction } from '../../data/transaction';
import { decideRedeem, isInviteCode, normaliseInviteCode } from '../../domain/invites';
import { fail, ok, type Result } from '../../domain/result';
import type { Database } from '../../platform/cloudbase';
import { resolveActor } from '../actor';
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
    await markRedeemedInTransaction(tx, code, openid, now);
    await replaceUserInTransaction(tx, {
      _id: userId,
      openid,
      role,
      ...(role === 'deputy' ? { deputyId: personId } : { staffId: personId }),
      createdAt: user?.createdAt ? new Date(user.createdAt) : now,
    });
    await setPersonOpenidInTransaction(tx, db, kind, personId, openid);
    return ok(null);
  });
  if (!bound.ok) return bound;

  const who = await resolveActor(db, openid);
  if (!who.ok) return who;
  return ok(await profileOf(db, openid, who.value.actor));
}
