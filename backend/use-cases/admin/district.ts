/**
 * The district office acts only on its own district: stations by `district`, staff by
 * `district`, deputies by the stations they serve. Anything outside answers NOT_FOUND, the
 * same as something that does not exist, so another district's records are not even confirmed.
 */
import type { Deputy, Staff } from '../../../typings/models';
import type { WorkRole } from '../../../typings/workspace';
import { findDeputy, findStaff } from '../../data/people-by-id';
import { districtStationNames } from '../../data/stations';
import { fail, ok, type Result } from '../../domain/result';
import type { Database } from '../../platform/cloudbase';
import type { ResolvedActor } from '../actor';

export interface District {
  name: string;
  /** The district's stations, id → name. */
  stations: Map<string, string>;
}

/** An admin whose staff record is missing or has no district acts on nothing. */
export function districtOf(who: ResolvedActor): Result<string> {
  return who.actor.district ? ok(who.actor.district) : fail('FORBIDDEN', '您的账号没有关联行政区，请联系系统管理员');
}

export async function loadDistrict(db: Database, who: ResolvedActor): Promise<Result<District>> {
  const name = districtOf(who);
  if (!name.ok) return name;
  return ok({ name: name.value, stations: await districtStationNames(db, name.value) });
}

export function deputyInDistrict(deputy: Deputy, district: District): boolean {
  return deputy.stationIds.some((id) => district.stations.has(id));
}

export type DistrictPerson = { kind: 'deputy'; record: Deputy } | { kind: 'staff'; record: Staff };

/**
 * A deputy or staff record of this district by id; with `role`, only of that role (an invite
 * for an officer must name an officer's record).
 */
export async function findDistrictPerson(db: Database, district: District, personId: string, role?: WorkRole): Promise<Result<DistrictPerson>> {
  const missing = fail('NOT_FOUND', '没有找到这位人员，或不属于本行政区');
  if (role === undefined || role === 'deputy') {
    const deputy = await findDeputy(db, personId);
    if (deputy) return deputyInDistrict(deputy, district) ? ok({ kind: 'deputy', record: deputy }) : missing;
    if (role === 'deputy') return missing;
  }
  const staff = await findStaff(db, personId);
  if (!staff || staff.district !== district.name || (role !== undefined && staff.role !== role)) return missing;
  return ok({ kind: 'staff', record: staff });
}

/** Where in `ids` the first station outside the district is (-1: none), for the field that refuses it. */
export function firstOutside(ids: readonly string[], district: District): number {
  return ids.findIndex((id) => !district.stations.has(id));
}
