/**
 * Who acts on an activity, as pure rules over the caller (deny by default): an officer records
 * and revises for a deputy of one of their stations; only the deputy confirms or disputes; the
 * district office reads its district's.
 */
import type { Actor } from '../case/actor';

/** An officer of one of the deputy's stations. */
export function mayRecordFor(actor: Actor, deputyStationIds: readonly string[]): boolean {
  return actor.role === 'officer' && deputyStationIds.some((id) => (actor.stationIds ?? []).includes(id));
}

export function mayConfirm(actor: Actor, activity: { deputyId: string }): boolean {
  return actor.role === 'deputy' && !!actor.deputyId && actor.deputyId === activity.deputyId;
}

/** Reading one: the deputy, officers of any of the deputy's stations (when recorded), the office of their district. */
export function mayReadActivity(actor: Actor, activity: { deputyId: string; stationIds: readonly string[]; districts: readonly string[] }): boolean {
  switch (actor.role) {
    case 'deputy':
      return mayConfirm(actor, activity);
    case 'officer':
      return mayRecordFor(actor, activity.stationIds);
    case 'admin':
      return !!actor.district && activity.districts.includes(actor.district);
    default:
      return false;
  }
}
