import type { WhoAmIOutput } from '../../typings/api';
import type { Profile } from '../../typings/workspace';
import { ok, Result } from '../domain/result';
import { stationNames } from '../data/stations';
import { findUnit } from '../data/units';
import type { Database } from '../platform/cloudbase';
import type { ResolvedActor } from './actor';

/** Everyone who opens the mini-program is a resident until an invite binds another role: the role the function resolved. */
export function whoAmI(openid: string, who: ResolvedActor): Result<WhoAmIOutput> {
  return ok({ openid, role: who.actor.role as WhoAmIOutput['role'] });
}

/**
 * The caller's role and scope for the workspace pages, from the identity the function
 * resolved: a deputy's stations, an officer's stations, an admin's district, a unit's staff
 * member's unit (its name read here: renaming a unit changes no account). A role whose
 * record is missing answers the role alone, acting on nothing (as resolveActor decides).
 */
export async function profileOf(db: Database, openid: string, { actor, person }: ResolvedActor): Promise<Profile> {
  switch (actor.role) {
    case 'deputy':
      if (!person || !actor.deputyId) return { openid, role: 'deputy' };
      return { openid, role: 'deputy', name: person.name, deputyId: actor.deputyId, stations: await named(db, person.stationIds) };
    case 'officer':
      return { openid, role: 'officer', ...(person ? { name: person.name } : {}), stations: await named(db, actor.stationIds ?? []) };
    case 'admin':
      return { openid, role: 'admin', ...(person ? { name: person.name } : {}), ...(actor.district ? { district: actor.district } : {}) };
    case 'unit': {
      const unit = actor.unitId ? await findUnit(db, actor.unitId) : undefined;
      return { openid, role: 'unit', ...(person ? { name: person.name } : {}), ...(unit ? { unit: { id: unit._id, name: unit.name } } : {}) };
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
