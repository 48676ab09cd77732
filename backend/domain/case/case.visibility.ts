/**
 * What each reader gets to see of a case. Projections drop fields rather than blank
 * them, so a forgotten field can only be missing, never leaked.
 */
import type { Actor } from './actor';
import type { CaseEvent } from './case.events';
import { canRead, canSeeContact, isOwner } from './case.policy';
import type { CaseContact, CaseState } from './case.state';

export interface CaseView extends Omit<CaseState, 'ownerOpenid' | 'contact' | 'requestId'> {
  /** Present only for the owner and the case's handlers. */
  readonly contact?: CaseContact;
  /** True when the reader is not shown who the resident is (show 匿名群众 / 联系方式不可见). */
  readonly identityHidden: boolean;
  readonly isOwn: boolean;
}

/** The case as `actor` may see it, or null when they may not read it at all. */
export function visibleCase(state: CaseState, actor: Actor): CaseView | null {
  if (!canRead(actor, state)) return null;
  // The openid is an identity in itself; no reader needs it, the owner included.
  const { ownerOpenid: _ownerOpenid, contact, requestId: _requestId, ...rest } = state;
  const seesContact = canSeeContact(actor, state);
  return {
    ...rest,
    ...(seesContact && contact ? { contact } : {}),
    identityHidden: !seesContact,
    isOwn: isOwner(actor, state),
  };
}

/**
 * The timeline as `actor` may see it. A resident's actor id is their openid or user id:
 * only the owner (and the system) get it back, so an anonymous case stays anonymous.
 */
export function visibleEvents(events: readonly CaseEvent[], state: CaseState, actor: Actor): CaseEvent[] {
  if (!canRead(actor, state)) return [];
  const keepResidentId = isOwner(actor, state) || actor.role === 'system';
  return events.map((event) => (event.actorRole === 'resident' && !keepResidentId ? { ...event, actorId: '' } : event));
}
