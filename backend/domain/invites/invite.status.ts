import type { InviteStatus } from '../../../typings/workspace';
import type { Invite } from './invite.model';

/** An invite is good for a week: long enough to reach someone, short enough not to linger on paper. */
export const INVITE_VALID_DAYS = 7;

export function inviteExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + INVITE_VALID_DAYS * 24 * 60 * 60 * 1000);
}

/** The status a person sees: an open invite past its expiry is expired, whatever is stored. */
export function inviteStatus(invite: Pick<Invite, 'state' | 'expiresAt'>, now: Date): InviteStatus {
  if (invite.state !== 'open') return invite.state;
  return now.getTime() >= new Date(invite.expiresAt).getTime() ? 'expired' : 'open';
}
