/** The district office's side of invites: make one for a person of its district, list, revoke. */
import type { CreateInviteInput, InviteView, ListInvitesOutput } from '../../../typings/workspace';
import { districtInvites, findInvite, insertInvite, revokeOpenInvite } from '../../data/invites';
import { inviteCodeFrom, inviteExpiry, inviteStatus, isInviteCode, normaliseInviteCode, type Invite } from '../../domain/invites';
import { fail, ok, type Result } from '../../domain/result';
import type { Database } from '../../platform/cloudbase';
import type { ResolvedActor } from '../actor';
import { districtOf, findDistrictPerson, loadDistrict } from '../admin/district';
import { inviteView } from './invite-view';

export const INVITES_PER_PAGE = 20;

export interface InviteContext {
  db: Database;
  now: Date;
  /** crypto.randomBytes in production. */
  randomBytes: (size: number) => Uint8Array;
}

export async function createInvite(ctx: InviteContext, who: ResolvedActor, input: CreateInviteInput): Promise<Result<InviteView>> {
  const district = await loadDistrict(ctx.db, who);
  if (!district.ok) return district;
  const person = await findDistrictPerson(ctx.db, district.value, input.personId, input.role);
  if (!person.ok) return { ...person, failure: { ...person.failure, field: 'personId' } };
  // A bound record would refuse every redeem: say so now, not to the person holding the code.
  if (person.value.record.openid) return fail('CONFLICT', '该人员已绑定微信账号；如需更换，请先解除绑定', 'personId');
  const createdAt = ctx.now;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const code = inviteCodeFrom(ctx.randomBytes);
    const invite: Invite = {
      _id: code,
      code,
      role: input.role,
      personId: person.value.record._id,
      personName: person.value.record.name,
      district: district.value.name,
      createdBy: who.actor.id,
      createdAt,
      expiresAt: inviteExpiry(createdAt),
      state: 'open',
    };
    if (await insertInvite(ctx.db, invite)) return ok(inviteView(invite, ctx.now));
  }
  throw new Error('five invite codes in a row were taken: the random source is broken');
}

export async function listInvites(ctx: Pick<InviteContext, 'db' | 'now'>, who: ResolvedActor, page = 0): Promise<Result<ListInvitesOutput>> {
  const district = districtOf(who);
  if (!district.ok) return district;
  // One extra row says whether another page exists.
  const found = await districtInvites(ctx.db, district.value, { skip: page * INVITES_PER_PAGE, limit: INVITES_PER_PAGE + 1 });
  return ok({ invites: found.slice(0, INVITES_PER_PAGE).map((invite) => inviteView(invite, ctx.now)), hasMore: found.length > INVITES_PER_PAGE });
}

export async function revokeInvite(ctx: Pick<InviteContext, 'db' | 'now'>, who: ResolvedActor, typed: string): Promise<Result<InviteView>> {
  const district = districtOf(who);
  if (!district.ok) return district;
  const code = normaliseInviteCode(typed);
  if (!isInviteCode(code)) return fail('INVALID_INPUT', '邀请码为 8 位字母或数字', 'code');
  if (!(await revokeOpenInvite(ctx.db, code, district.value, ctx.now))) {
    const invite = await findInvite(ctx.db, code);
    if (!invite || invite.district !== district.value) return fail('NOT_FOUND', '没有找到这个邀请码');
    const status = inviteStatus(invite, ctx.now);
    if (status !== 'revoked') return fail('CONFLICT', status === 'redeemed' ? '邀请码已被使用，不能作废；如需收回权限，请解除绑定' : '邀请码已过期，无需作废');
  }
  // Revoking twice answers the revoked invite: a retried tap is not an error.
  const invite = await findInvite(ctx.db, code);
  return ok(inviteView(invite!, ctx.now));
}
