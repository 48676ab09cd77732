import type { WhoAmIOutput } from '../../typings/api';
import type { Profile } from '../../typings/workspace';
import type { Actor } from '../domain/case';
import { fail, ok, Result } from '../domain/result';
import { findUserByOpenid } from '../data/people';
import { findDeputy, findStaff } from '../data/people-by-id';
import { stationNames } from '../data/stations';
import type { Database } from '../platform/cloudbase';

/** Everyone who opens the mini-program is a resident until an invite binds another role. */
export async function whoAmI(db: Database, openid: string): Promise<Result<WhoAmIOutput>> {
  if (!openid) return fail('UNAUTHENTICATED');
  const user = await findUserByOpenid(db, openid);
  return ok({ openid, role: user?.role ?? 'resident' });
}

/**
 * The caller's role and scope for the workspace pages, from the actor the function resolved:
 * a deputy's stations, an officer's stations, an admin's district. A role whose record is
 * missing answers the role alone, acting on nothing (as resolveActor decides).
 */
export async function profileOf(db: Database, openid: string, actor: Actor): Promise<Profile> {
  switch (actor.role) {
    case 'deputy': {
      const deputy = actor.deputyId ? await findDeputy(db, actor.deputyId) : undefined;
      if (!deputy) return { openid, role: 'deputy' };
      return { openid, role: 'deputy', name: deputy.name, deputyId: deputy._id, stations: await named(db, deputy.stationIds) };
    }
    case 'officer': {
      const staff = actor.id ? await findStaff(db, actor.id) : undefined;
      return { openid, role: 'officer', ...(staff ? { name: staff.name } : {}), stations: await named(db, actor.stationIds ?? []) };
    }
    case 'admin': {
      const staff = actor.id ? await findStaff(db, actor.id) : undefined;
      return { openid, role: 'admin', ...(staff ? { name: staff.name } : {}), ...(actor.district ? { district: actor.district } : {}) };
    }
    default:
      return { openid, role: 'resident' };
  }
}

/** In the record's own order, skipping stations that no longer exist. */
async function named(db: Database, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  const names = await stationNames(db, ids);
  return ids.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : []));
}
