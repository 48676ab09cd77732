/**
 * What deleting a resident's account does to a case, as pure rules. The case stays for the
 * station's figures and, when already in hand, for its handling; what tied it to the person
 * goes: the openid is replaced by a tombstone and the contact removed, and it becomes anonymous.
 * A case nobody has accepted yet is withdrawn instead of left for an officer to triage.
 */
import type { BookingDocument } from '../booking/booking.model';
import type { Actor, CaseEvent, CaseState, IdGenerator } from '../case';
import { decide } from '../case';

/** Tombstones start with this: WeChat openids never do, so a tombstone owns nothing a person can reach. */
export const TOMBSTONE_PREFIX = 'deleted:';

/** One per deletion, random: the cases of a deleted account cannot be linked back to the openid. */
export const tombstoneFrom = (randomHex: string): string => `${TOMBSTONE_PREFIX}${randomHex}`;

export const isTombstone = (openid: string): boolean => openid.startsWith(TOMBSTONE_PREFIX);

/** The note on the withdrawal event, so handlers see why the case went away. */
export const DELETION_REASON = '留言人已注销账号';

export interface CaseDeletion {
  readonly next: CaseState;
  /** The withdrawal event, when the case was still waiting for acceptance. */
  readonly events: readonly CaseEvent[];
  readonly withdrawn: boolean;
}

/**
 * The case after its owner deleted the account, or undefined when it no longer belongs to
 * `openid` (already done on an earlier try). `now` and `ids` as for any decision.
 */
export function caseAfterDeletion(state: CaseState, openid: string, tombstone: string, now: Date, ids: IdGenerator): CaseDeletion | undefined {
  if (state.ownerOpenid !== openid) return undefined;
  let current = state;
  let events: readonly CaseEvent[] = [];
  if (state.status === 'submitted') {
    const owner: Actor = { role: 'resident', id: openid, openid };
    const decision = decide(state, { kind: 'withdraw', reason: DELETION_REASON }, owner, now, ids);
    if (decision.ok) {
      current = decision.value.next;
      // The withdrawal is the deleted resident's last act: recorded under the tombstone, not the openid.
      events = decision.value.events.map((event) => (event.actorId === openid ? { ...event, actorId: tombstone } : event));
    }
  }
  return { next: anonymised(current, tombstone, ids()), events, withdrawn: events.length > 0 };
}

/**
 * No owner, no contact, anonymous: nobody can tell whose case it was. The client's request id
 * is replaced by a random one: the person's phone or the function logs may still hold the old
 * one next to the openid, and nothing needs it once no retry can come.
 */
export function anonymised(state: CaseState, tombstone: string, requestId: string): CaseState {
  const { contact: _contact, ...rest } = state;
  // Anonymous cases are never public: a case whose resident left is no longer shown to other residents.
  return { ...rest, ownerOpenid: tombstone, anonymous: true, publicConsent: false, requestId };
}

/** A booking after its resident deleted the account: what the booking no longer carries. */
export type AnonymousBooking = Omit<BookingDocument, 'contact' | 'requestId'>;

/**
 * The booking kept for the station and the deputy (a slot that has started, or the record of a
 * cancelled one) under a new random id: the old id was derived from the openid and the client's
 * request id, so anyone holding those could find it. Times, slot and topic stay as booked.
 */
export function anonymisedBooking(booking: BookingDocument, tombstone: string, newId: string): AnonymousBooking {
  const { contact: _contact, requestId: _requestId, ...rest } = booking;
  return { ...rest, _id: newId, openid: tombstone };
}
