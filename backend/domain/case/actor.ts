/**
 * Who is acting, as the function entry resolved it from the WeChat context and the
 * users/staff/deputies collections. The domain trusts it and checks nothing else.
 */
import type { CaseActorRole } from '../../../typings/case';
import type { Assert, ListsEvery } from '../exhaustive';

export type ActorRole = CaseActorRole;
export const ACTOR_ROLES = ['resident', 'deputy', 'officer', 'admin', 'system'] as const satisfies readonly ActorRole[];
export type AllActorRolesListed = Assert<ListsEvery<typeof ACTOR_ROLES, ActorRole>>;

/**
 * Who may be calling: a case's actor roles, plus 'unit' — a handling unit's staff (承办单位), who
 * act on suggestions only. No case command lists 'unit', so the case tables refuse it by default.
 */
export type CallerRole = ActorRole | 'unit';

export interface Actor {
  readonly role: CallerRole;
  /** users._id / staff._id / deputies._id, or the scheduler's name for `system`. */
  readonly id: string;
  /** A resident's WeChat openid: ownership is decided on it, never on a client-sent id. */
  readonly openid?: string;
  /** Officers: the stations they staff. */
  readonly stationIds?: readonly string[];
  /** Deputies: their deputies._id. */
  readonly deputyId?: string;
  /** Admins (the district office): the district they supervise, e.g. 福田区. */
  readonly district?: string;
  /** Unit staff: their handling unit (`units._id`); its suggestions are their whole scope. */
  readonly unitId?: string;
}

/** Generates ids for new cases and events; injected so decisions stay reproducible. */
export type IdGenerator = () => string;
