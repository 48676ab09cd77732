/**
 * Who a caller is, from their `users` document: the role, the record it acts as and that
 * record's copy (`ActingAs`). Pure: the function entry reads the document (one read), this
 * decides. Deny by default — a role without its record acts on nothing, a staff record of
 * another role gives no scope, and an unknown openid is a resident.
 */
import type { ActingAs, UserRole } from '../../../typings/models';
import type { Actor, CallerRole } from '../case/actor';
import { ACTOR_ROLE_LABELS } from '../case/case.labels';

/** How a caller reads to others; a unit's staff act in their unit's name (承办单位). */
const CALLER_ROLE_LABELS: Readonly<Record<CallerRole, string>> = { ...ACTOR_ROLE_LABELS, unit: '承办单位' };

export type WorkRole = Exclude<UserRole, 'resident'>;

/** A caller as every action sees them. */
export interface Identity {
  readonly actor: Actor;
  /** How others read this actor on a timeline or a notice: "联络员 王芳", "人大代表 李明". */
  readonly displayName: string;
  /** The record's copy (name, stations); absent for residents and for a role whose record is gone. */
  readonly person?: ActingAs;
}

/** What the users document keeps of a deputy or staff record (`role` only for staff). */
export interface PersonRecord {
  readonly name: string;
  readonly stationIds: readonly string[];
  readonly role?: string;
  readonly district?: string;
  readonly unitId?: string;
}

/**
 * The copy of `record` a users document of `role` keeps; undefined when the record gives that
 * role nothing (a staff record of another role), so the account acts on nothing.
 */
export function actingAsOf(role: WorkRole, record: PersonRecord): ActingAs | undefined {
  if (role !== 'deputy' && record.role !== role) return undefined;
  return {
    name: record.name,
    stationIds: [...record.stationIds],
    ...(role !== 'deputy' && record.district ? { district: record.district } : {}),
    ...(role === 'unit' && record.unitId ? { unitId: record.unitId } : {}),
  };
}

/**
 * The caller, from the role, the id of the record it acts as and that record's copy. Without
 * the copy a work role acts as nobody (id ''), as it did when the record itself was missing.
 */
export function identityOf(openid: string, role: UserRole | undefined, personId: string | undefined, acting: ActingAs | undefined): Identity {
  const id = acting && personId ? personId : '';
  const person = id ? { person: acting } : {};
  switch (role) {
    case 'officer':
      return { actor: { role, id, stationIds: id ? [...acting!.stationIds] : [] }, displayName: named(role, acting?.name), ...person };
    case 'admin':
      return { actor: { role, id, district: id ? acting!.district : undefined }, displayName: named(role, acting?.name), ...person };
    case 'deputy':
      return { actor: { role, id, deputyId: id }, displayName: named(role, acting?.name), ...person };
    case 'unit': {
      // A unit's staff without their unit (a record edited by hand) act on nothing.
      const unitId = id ? acting!.unitId : undefined;
      return { actor: { role, id: unitId ? id : '', ...(unitId ? { unitId } : {}) }, displayName: named(role, acting?.name), ...(unitId ? person : {}) };
    }
    default:
      // Ownership is decided on the openid; it is also the resident's actor id (hidden from others by visibleEvents).
      return { actor: { role: 'resident', id: openid, openid }, displayName: ACTOR_ROLE_LABELS.resident };
  }
}

/** "联络员 王芳"; the role alone when the name is unknown. */
export function named(role: Actor['role'], name: string | undefined): string {
  return name ? `${CALLER_ROLE_LABELS[role]} ${name}` : CALLER_ROLE_LABELS[role];
}

/** Whether an account is the one acting as this record: the same openid, role kind and record id. */
export function actsAs(
  account: { readonly openid: string; readonly role: UserRole; readonly deputyId?: string; readonly staffId?: string },
  kind: 'deputy' | 'staff',
  personId: string,
  openid: string | undefined,
): boolean {
  if (!openid || account.openid !== openid) return false;
  return kind === 'deputy'
    ? account.role === 'deputy' && account.deputyId === personId
    : account.role !== 'resident' && account.role !== 'deputy' && account.staffId === personId;
}
