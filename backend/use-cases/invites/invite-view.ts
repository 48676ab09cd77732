import type { InviteView } from '../../../typings/workspace';
import { inviteStatus, type Invite } from '../../domain/invites';

export function inviteView(invite: Invite, now: Date): InviteView {
  return {
    code: invite.code,
    role: invite.role,
    person: { id: invite.personId, name: invite.personName },
    status: inviteStatus(invite, now),
    createdAt: invite.createdAt.toISOString(),
    expiresAt: invite.expiresAt.toISOString(),
    ...(invite.redeemedAt ? { redeemedAt: invite.redeemedAt.toISOString() } : {}),
  };
}
