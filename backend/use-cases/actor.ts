/**
 * Who is calling, for the case and subscription functions: the openid WeChat vouched for
 * (never the request body) → `users` (role, deputyId/staffId) → the staff record's stations
 * or the deputy record. Deny by default: an officer whose staff record is missing acts on no
 * station, a role without its record acts as nobody; an unknown openid is a resident.
 */
import { ACTOR_ROLE_LABELS } from '../domain/case';
import type { Actor } from '../domain/case';
import { fail, ok } from '../domain/result';
import type { Result } from '../domain/result';
import { findUserByOpenid } from '../data/people';
import { findDeputy, findStaff } from '../data/people-by-id';
import type { Database } from '../platform/cloudbase';

export interface ResolvedActor {
  readonly actor: Actor;
  /** How others read this actor on a timeline or a notice: "联络员 王芳", "人大代表 李明". */
  readonly displayName: string;
}

export async function resolveActor(db: Database, openid: string): Promise<Result<ResolvedActor>> {
  if (!openid) return fail('UNAUTHENTICATED');
  const user = await findUserByOpenid(db, openid);
  switch (user?.role) {
    case 'officer':
    case 'admin': {
      const staff = user.staffId ? await findStaff(db, user.staffId) : undefined;
      // A staff record of another role (or none) gives no powers.
      const valid = staff !== undefined && staff.role === user.role;
      const actor: Actor =
        user.role === 'officer'
          ? { role: 'officer', id: valid ? staff._id : '', stationIds: valid ? staff.stationIds : [] }
          : { role: 'admin', id: valid ? staff._id : '', district: valid ? staff.district : undefined };
      return ok({ actor, displayName: named(user.role, staff?.name) });
    }
    case 'deputy': {
      const deputy = user.deputyId ? await findDeputy(db, user.deputyId) : undefined;
      const id = deputy?._id ?? '';
      return ok({ actor: { role: 'deputy', id, deputyId: id }, displayName: named('deputy', deputy?.name) });
    }
    default:
      // Ownership is decided on the openid; it is also the resident's actor id (hidden from others by visibleEvents).
      return ok({ actor: { role: 'resident', id: openid, openid }, displayName: ACTOR_ROLE_LABELS.resident });
  }
}

/** "联络员 王芳"; the role alone when the name is unknown. */
export function named(role: Actor['role'], name: string | undefined): string {
  return name ? `${ACTOR_ROLE_LABELS[role]} ${name}` : ACTOR_ROLE_LABELS[role];
}
