/**
 * `user.deleteAccount` (注销账号), residents only. What ties anything to the openid goes:
 * - cases: each in its own transaction — still waiting for acceptance (submitted) it is
 *   withdrawn (an event says why); either way the owner becomes a tombstone, the contact is
 *   removed and the case anonymous. Cases in hand are kept and handled to the end, and every
 *   case stays in the station's figures. The person's timeline events carry the tombstone.
 * - bookings: upcoming ones cancelled (the place given back, in the booking's transaction),
 *   every one re-labelled with the tombstone and stripped of its contact;
 * - follows, subscription grants, messages to the person, submission records and the users
 *   document are removed.
 * Every step finds its work by the openid and skips what is done, so a retry (or a second
 * call after `done: false`) finishes the job and never undoes it. Afterwards the openid is a
 * new resident with nothing.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { DeleteAccountOutput } from '../../../typings/account';
import { caseAfterDeletion, tombstoneFrom, type CaseDeletion } from '../../domain/account';
import { ok, type Result } from '../../domain/result';
import {
  anonymiseBooking,
  bookingsStillOf,
  ownedCaseIds,
  relabelResidentEvents,
  removeFollowsOf,
  removeGrantsOf,
  removeNotificationsTo,
  removeRequests,
  removeUser,
} from '../../data/account';
import { appendEventsInTransaction } from '../../data/case-events';
import { caseInTransaction, replaceCaseInTransaction } from '../../data/cases';
import { requestKey } from '../../data/requests';
import { inTransaction } from '../../data/transaction';
import type { Database } from '../../platform/cloudbase';
import { cancelBooking } from '../bookings/cancel-booking';

/** Per call, so one call stays well inside the function's timeout; more answers `done: false`. */
export const DELETION_BATCH = 50;

export async function deleteAccount(db: Database, openid: string, now: Date): Promise<Result<DeleteAccountOutput>> {
  // One tombstone per call, random: nothing derived from the openid is left to match against.
  const tombstone = tombstoneFrom(randomBytes(12).toString('hex'));
  const ids = () => randomUUID().replace(/-/g, '');

  const caseIds = await ownedCaseIds(db, openid, DELETION_BATCH + 1);
  let casesWithdrawn = 0;
  let casesAnonymised = 0;
  const requestKeys: string[] = [];
  for (const caseId of caseIds.slice(0, DELETION_BATCH)) {
    const deletion = await inTransaction(db, async (tx): Promise<CaseDeletion | undefined> => {
      const current = await caseInTransaction(tx, caseId);
      const decided = current && caseAfterDeletion(current.state, openid, tombstone, now, ids);
      if (!current || !decided) return undefined;
      await replaceCaseInTransaction(tx, decided.next, current.extras);
      await appendEventsInTransaction(tx, decided.events);
      return decided;
    });
    if (!deletion) continue;
    casesAnonymised += 1;
    if (deletion.withdrawn) casesWithdrawn += 1;
    requestKeys.push(requestKey(openid, deletion.next.requestId));
  }
  await removeRequests(db, requestKeys);
  await relabelResidentEvents(db, openid, tombstone);

  const bookings = await bookingsStillOf(db, openid, DELETION_BATCH + 1);
  let bookingsCancelled = 0;
  for (const booking of bookings.slice(0, DELETION_BATCH)) {
    if (booking.status === 'booked') {
      // A slot that has already started cannot be cancelled: it is only anonymised.
      const cancelled = await cancelBooking(db, openid, { bookingId: booking._id }, now);
      if (cancelled.ok && cancelled.value.status === 'cancelled') bookingsCancelled += 1;
    }
    await anonymiseBooking(db, booking._id, tombstone);
  }

  await removeFollowsOf(db, openid);
  await removeGrantsOf(db, openid);
  await removeNotificationsTo(db, openid);
  const done = caseIds.length <= DELETION_BATCH && bookings.length <= DELETION_BATCH;
  // The users document goes last: until then a half-done deletion still looks like the account.
  if (done) await removeUser(db, openid);
  return ok({ done, casesWithdrawn, casesAnonymised, bookingsCancelled });
}
