/** An invite as stored in `invites` (`_id` is the code itself, so a code exists once). */
import type { WorkRole } from '../../../typings/workspace';

/** What is stored; `expired` is never stored, it is read off `expiresAt` (invite.status.ts). */
export type StoredInviteState = 'open' | 'redeemed' | 'revoked';

export interface Invite {
  _id: string;
  code: string;
  role: WorkRole;
  /** deputies._id for a deputy, staff._id for an officer or admin. */
  personId: string;
  /** The name when the invite was made, so the list reads without a lookup. */
  personName: string;
  /** The district of the admin who made it: only that district's admins see or revoke it. */
  district: string;
  /** staff._id of the admin who made it. */
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  state: StoredInviteState;
  redeemedBy?: string;
  redeemedAt?: Date;
  revokedAt?: Date;
}
