/**
 * `user.deleteAccount` (注销账号), residents only. Everything keyed by, or derived from, the
 * openid goes or gets a key nobody can compute from it, so the cases that stay cannot be linked
 * back to the person:
 * - cases: each in its own transaction — still waiting for acceptance (submitted) it is
 *   withdrawn (an event says why); either way the owner becomes a tombstone, the contact is
 *   removed, the case anonymous and its client request id replaced, and its submission record
 *   (`requests`, keyed by a hash of the openid, holding the submission time) removed with it.
 *   Cases in hand are kept and handled to the end, and every case stays in the station's
 *   figures. The person's timeline events carry the tombstone.
 * - bookings (./forget-bookings.ts): each in one transaction, an upcoming one cancelled (the
 *   place given back), then moved to a new random id (the old one was a hash of the openid)
 *   with the tombstone and without contact or request id; its claim and reminder removed.
 * - the submission window (rate limits: a hash of the openid and the exact submission times),
 *   the booking cap's list of open bookings (a hash of the openid naming the old booking ids),
 *   follows, subscription grants, messages to the person, photo upload paths issued to them,
 *   who redeemed an invite, and the users document are removed. Without its window the openid
 *   may submit again at once; the flood it limited is gone, its waiting cases withdrawn above.
 * Every step finds its work by the openid and skips what is done, so a retry (or a second
 * call after `done: false`) finishes the job and never undoes it. Afterwards the openid is a
 * new resident with nothing.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { DeleteAccountOutput } from '../../../typings/account';
import { caseAfterDeletion, tombstoneFrom, type CaseDeletion } from '../../domain/account';
import { ok, type Result } from '../../domain/result';
import {
  forgetRedemptionsBy,
  ownedCaseIds,
  relabelResidentEvents,
  removeFollowsOf,
  removeGrantsOf,
  removeNotificationsTo,
  removeUploadsOf,
  removeUser,
} from '../../data/account';
import { appendEventsInTransaction } from '../../data/case-events';
import { caseInTransaction, replaceCaseInTransaction } from '../../data/cases';
import { removeOpenBookingIds } from '../../data/open-bookings';
import { removeRequestInTransaction, requestKey } from '../../data/requests';
import { removeSubmissionWindow } from '../../data/submission-window';
import { inTransaction } from '../../data/transaction';
import type { Database } from '../../platform/cloudbase';
import { forgetBookings } from './forget-bookings';

/** Per call, so one call stays well inside the function's timeout; more answers `done: false`. */
export const DELETION_BATCH = 50;

export async function deleteAccount(db: Database, openid: string, now: Date): Promise<Result<DeleteAccountOutput>> {
  // One tombstone per call, random: nothing derived from the openid is left to match against.
  const tombstone = tombstoneFrom(randomBytes(12).toString('hex'));
  const ids = () => randomUUID().replace(/-/g, '');

  const caseIds = await ownedCaseIds(db, openid, DELETION_BATCH + 1);
  let casesWithdrawn = 0;
  let casesAnonymised = 0;
  for (const caseId of caseIds.slice(0, DELETION_BATCH)) {
    const deletion = await inTransaction(db, async (tx): Promise<CaseDeletion | undefined> => {
      const current = await caseInTransaction(tx, caseId);
      const decided = current && caseAfterDeletion(current.state, openid, tombstone, now, ids);
      if (!current || !decided) return undefined;
      await replaceCaseInTransaction(tx, decided.next, current.extras);
      await appendEventsInTransaction(tx, decided.events);
      // In the case's own transaction: once the case no longer carries the openid, nothing could find this record again.
      await removeRequestInTransaction(tx, requestKey(openid, current.state.requestId));
      return decided;
    });
    if (!deletion) continue;
    casesAnonymised += 1;
    if (deletion.withdrawn) casesWithdrawn += 1;
  }
  await relabelResidentEvents(db, openid, tombstone);

  const bookings = await forgetBookings(db, openid, tombstone, now, DELETION_BATCH);
  // The booking cap's record of the person's open bookings: a hash of the openid naming the bookings' old ids.
  await removeOpenBookingIds(db, openid);

  await removeSubmissionWindow(db, openid);
  await removeFollowsOf(db, openid);
  await removeGrantsOf(db, openid);
  await removeNotificationsTo(db, openid);
  await forgetRedemptionsBy(db, openid);
  await removeUploadsOf(db, openid);
  const done = caseIds.length <= DELETION_BATCH && !bookings.more;
  // The users document goes last: until then a half-done deletion still looks like the account.
  if (done) await removeUser(db, openid);
  return ok({ done, casesWithdrawn, casesAnonymised, bookingsCancelled: bookings.cancelled });
}
