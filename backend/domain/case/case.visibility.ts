/**
 * What each reader gets to see of a case. Projections drop fields rather than blank
 * them, so a forgotten field can only be missing, never leaked. Phone and ID numbers typed
 * into the free text are masked for everyone but the owner and the station's officers.
 */
import { maskNumbers } from '../privacy';
import type { Actor } from './actor';
import type { CaseEvent } from './case.events';
import { isHeld } from './case.hold';
import type { CaseHold } from './case.hold';
import { canRead, canSeeContact, canSeeNumbers, isOwner } from './case.policy';
import type { CaseContact, CaseState } from './case.state';

export interface CaseView extends Omit<CaseState, 'ownerOpenid' | 'contact' | 'requestId' | 'held'> {
  /** Present only for the owner and the case's handlers. */
  readonly contact?: CaseContact;
  /** True when the reader is not shown who the resident is (show 匿名群众 / 联系方式不可见). */
  readonly identityHidden: boolean;
  readonly isOwn: boolean;
  /** Officers and the district office, while the case is held back from the addressed deputy. */
  readonly held?: CaseHold;
}

/** The case as `actor` may see it, or null when they may not read it at all. */
export function visibleCase(state: CaseState, actor: Actor): CaseView | null {
  if (!canRead(actor, state)) return null;
  // The openid is an identity in itself; no reader needs it, the owner included.
  const { ownerOpenid: _ownerOpenid, contact, requestId: _requestId, held, ...rest } = state;
  const seesContact = canSeeContact(actor, state);
  // The resident is not told their case is held; the deputy cannot read it while it is.
  const seesHold = (actor.role === 'officer' || actor.role === 'admin') && isHeld(state);
  return {
    ...(canSeeNumbers(actor, state) ? rest : maskedText(rest)),
    ...(seesContact && contact ? { contact } : {}),
    ...(seesHold && held ? { held } : {}),
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
  const mask = !canSeeNumbers(actor, state);
  return events.map((event) => {
    const shown = event.actorRole === 'resident' && !keepResidentId ? { ...event, actorId: '' } : event;
    return mask ? maskedEvent(shown) : shown;
  });
}

type TextFields = Pick<CaseState, 'title' | 'content' | 'location' | 'rating' | 'transfer'>;

/**
 * Every field a person typed, with its phone and ID numbers masked: the resident's title,
 * content, address and rating comment; the officer's receiving body. What anyone who does not
 * call the resident back reads — the deputy, the district office, and the body a 代表函 goes to.
 */
export function maskedText<T extends TextFields>(fields: T): T {
  return {
    ...fields,
    title: maskNumbers(fields.title),
    content: maskNumbers(fields.content),
    ...(fields.location?.address ? { location: { ...fields.location, address: maskNumbers(fields.location.address) } } : {}),
    ...(fields.rating?.comment ? { rating: { ...fields.rating, comment: maskNumbers(fields.rating.comment) } } : {}),
    ...(fields.transfer ? { transfer: { ...fields.transfer, receivingBody: maskNumbers(fields.transfer.receivingBody) } } : {}),
  };
}

/** Event data that people type (a referral, a receiving body, who answered); the rest is ids, dates and flags. */
const TYPED_DATA = ['referral', 'receivingBody', 'from'] as const;

function maskedEvent(event: CaseEvent): CaseEvent {
  const data = event.data as Record<string, unknown> | undefined;
  const typed = data ? TYPED_DATA.filter((key) => typeof data[key] === 'string') : [];
  return {
    ...event,
    ...(event.note !== undefined ? { note: maskNumbers(event.note) } : {}),
    ...(data && typed.length ? { data: { ...data, ...Object.fromEntries(typed.map((key) => [key, maskNumbers(data[key] as string)])) } } : {}),
  } as CaseEvent;
}
