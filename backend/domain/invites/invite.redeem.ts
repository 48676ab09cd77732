/**
 * Whether a caller may redeem an invite, from what the redeeming transaction read. Pure, so
 * every refusal is a table row in the test; the transaction writes only after `ok`.
 */
import type { UserRole } from '../../../typings/models';
import { fail, ok, type Result } from '../result';
import type { Invite } from './invite.model';
import { inviteStatus } from './invite.status';

export const WORK_ROLE_LABELS = { deputy: '人大代表', officer: '联络员', admin: '区人大常委会', unit: '承办单位' } as const;

export interface RedeemFacts {
  invite: Invite | undefined;
  /** The caller's current role (resident when they have no users document). */
  callerRole: UserRole;
  callerOpenid: string;
  /** The record the invite names; `role` only for staff. */
  person: { openid?: string; role?: string } | undefined;
  now: Date;
}

export function decideRedeem(facts: RedeemFacts): Result<Invite> {
  const { invite, person } = facts;
  if (facts.callerRole !== 'resident') {
    return fail('CONFLICT', `您的微信已绑定为${WORK_ROLE_LABELS[facts.callerRole]}，不能再使用邀请码；如需更换身份，请联系区人大常委会解除绑定`);
  }
  if (!invite) return fail('NOT_FOUND', '邀请码不存在，请核对后重新输入');
  switch (inviteStatus(invite, facts.now)) {
    case 'redeemed':
      return fail('CONFLICT', '这个邀请码已经被使用');
    case 'revoked':
      return fail('CONFLICT', '这个邀请码已作废，请联系区人大常委会重新获取');
    case 'expired':
      return fail('CONFLICT', '这个邀请码已过期，请联系区人大常委会重新获取');
    case 'open':
      break;
  }
  // Deputies have no role field; a staff record must still be of the invited role.
  if (!person || (invite.role !== 'deputy' && person.role !== invite.role)) {
    return fail('NOT_FOUND', '邀请码对应的人员信息已不存在，请联系区人大常委会');
  }
  if (person.openid && person.openid !== facts.callerOpenid) {
    return fail('CONFLICT', '该人员已绑定其他微信账号，请联系区人大常委会先解除绑定');
  }
  return ok(invite);
}
