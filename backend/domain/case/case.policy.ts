/**
 * Who may do what to which case. Every check denies unless a rule explicitly allows;
 * a new role or command is therefore locked out until someone writes its rule.
 */
import type { Actor } from './actor';
import type { CaseCommandKind } from './case.commands';
import { CASE_COMMANDS } from './case.verbs';
import { isHeld } from './case.hold';
import { canTransition, COMMAND_ROLES } from './case.lifecycle';
import type { CaseState } from './case.state';

/** What the rules look at; `status` and `held` only matter for a held case (case.hold.ts). */
type Scoped = Pick<CaseState, 'ownerOpenid' | 'stationId' | 'assignedDeputyId' | 'targetDeputyId'> & Partial<Pick<CaseState, 'status' | 'held'>>;

/** The resident who submitted the case, identified by the openid WeChat vouched for. */
export function isOwner(actor: Actor, state: Scoped): boolean {
  return actor.role === 'resident' && !!actor.openid && actor.openid === state.ownerOpenid;
}

/** A liaison officer of the case's station. */
export function isStationOfficer(actor: Actor, state: Pick<CaseState, 'stationId'>): boolean {
  return actor.role === 'officer' && (actor.stationIds ?? []).includes(state.stationId);
}

/** The deputy the officer assigned: the one who handles and answers. */
export function isAssignedDeputy(actor: Actor, state: Scoped): boolean {
  return actor.role === 'deputy' && !!actor.deputyId && actor.deputyId === state.assignedDeputyId;
}

/**
 * The deputy the resident wrote to; may read, but handles only once assigned. A case held
 * for a flood of messages (case.hold.ts) reaches them only once an officer has triaged it.
 */
export function isAddressedDeputy(actor: Actor, state: Scoped): boolean {
  return actor.role === 'deputy' && !!actor.deputyId && actor.deputyId === state.targetDeputyId && !isHeld(state);
}

export function canRead(actor: Actor, state: Scoped): boolean {
  if (!actor.id) return false;
  switch (actor.role) {
    case 'resident':
      return isOwner(actor, state);
    case 'officer':
      return isStationOfficer(actor, state);
    case 'deputy':
      return isAssignedDeputy(actor, state) || isAddressedDeputy(actor, state);
    case 'admin': // the district standing committee supervises every station
    case 'system':
      return true;
    default:
      return false;
  }
}

/** Handlers see the resident's contact: the station's officers and, unless anonymous, the assigned deputy. */
export function canSeeContact(actor: Actor, state: Scoped & Pick<CaseState, 'anonymous'>): boolean {
  if (!actor.id) return false;
  if (isOwner(actor, state) || isStationOfficer(actor, state) || actor.role === 'system') return true;
  return !state.anonymous && isAssignedDeputy(actor, state);
}

/**
 * Who reads phone and ID numbers written into the free text as typed: the owner, and the
 * station's officers who call the resident back. Everyone else gets them masked (domain/privacy).
 */
export function canSeeNumbers(actor: Actor, state: Pick<CaseState, 'stationId'> & Partial<Pick<CaseState, 'ownerOpenid'>>): boolean {
  if (!actor.id) return false;
  if (actor.role === 'system' || isStationOfficer(actor, state)) return true;
  return actor.role === 'resident' && !!actor.openid && actor.openid === state.ownerOpenid;
}

/** Whether this actor may issue `command` on this case, whatever its status. */
export function mayIssue(actor: Actor, state: Scoped, command: CaseCommandKind): boolean {
  // Handling units (承办单位) act on suggestions only: no case command is theirs.
  if (!actor.id || actor.role === 'unit' || !COMMAND_ROLES[command].includes(actor.role)) return false;
  switch (actor.role) {
    case 'resident':
      return isOwner(actor, state);
    case 'officer':
      return isStationOfficer(actor, state);
    case 'deputy':
      // A deputy the resident wrote to may ask the officer to route the case elsewhere.
      if (command === 'request_transfer') return isAssignedDeputy(actor, state) || isAddressedDeputy(actor, state);
      return isAssignedDeputy(actor, state);
    case 'admin':
      return command === 'supervise';
    case 'system':
      return true;
    default:
      return false;
  }
}

/** The commands to offer this actor now, for buttons; handlers may still refuse on data. */
export function availableCommands(actor: Actor, state: Scoped & Pick<CaseState, 'status'>): CaseCommandKind[] {
  return CASE_COMMANDS.filter((command) => mayIssue(actor, state, command) && canTransition(state.status, command, actor));
}
