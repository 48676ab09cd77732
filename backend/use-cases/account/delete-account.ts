/**
 * `user.deleteAccount` (注销账号), residents only. Everything keyed by, or derived from, the
 * openid goes or gets a key nobody can compute from it, so the cases that stay cannot be linked
 * back to the person:
 * - cases: each by one write conditional on the case as read — still waiting for acceptance
 *   (submitted) it is withdrawn (an event says why); either way the owner becomes a tombstone,
 *   the contact is removed, the case anonymous and its client request id replaced, the person's
 *   own timeline events carry the tombstone, and the messages to the person leave its outbox.
 *   Cases in hand are kept and handled to the end, and every case stays in the station's figures.
 * - bookings (./forget-bookings.ts): each in one transaction, an upcoming one cancelled (the
 *   place given back), then moved to a new random id (the old one was a hash of the openid)
 *   with the tombstone and without contact or request id; its claim and reminder removed.
 * - 述职报告 ratings: kept and counted on their reports, each moved to a random id (the old one
 *   was a hash of the openid) without the openid, so nobody can tell whose they were.
 * - the submission window (a hash of the openid; the exact submission times, request ids and
 *   the cases they made),
 *   the booking cap's list of open bookings (a hash of the openid naming the old booking ids),
 *   follows, subscription grants, messages to the person, photo upload paths issued to them,
 *   who redeemed an invite, the person's joins of others' cases (我也遇到: each case's 附议 goes
 *   down with it), 我会参加 and questions to 代表论坛 / 约见, and the users document are removed. Without its window the openid
 *   may submit again at once; the flood it limited is gone, its waiting cases withdrawn above.
 * - 立法意见 comments (./forget-comments.ts): those still withdrawable are withdrawn (the counts
 *   drop); every one moves to a random id under its own tombstone, without contact or request
 *   id; the commenter's per-consultation marker moves to a random id with its count.
 * Every step finds its work by the openid and skips what is done, so a retry (or a second
 * call after `done: false`) finishes the job and never undoes it. Afterwards the openid is a
 * new resident with nothing.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { DeleteAccountOutput } from '../../../typings/account';
import { caseAfterDeletion, tombstoneFrom, type CaseDeletion } from '../../domain/account';
import { ok, type Result } from '../../domain/result';
import { forgetRedemptionsBy, ownedCaseIds, removeFollowsOf, removeGrantsOf, removeNotificationsTo, removeUploadsOf, removeUser } from '../../data/account';
import { anonymiseCase, findCase, toStoredEvent } from '../../data/cases';
import { joinsOf, removeJoin } from '../../data/case-joins';
import { removeOpenBookingIds } from '../../data/open-bookings';
import { forgetRater } from '../../data/report-ratings';
import { removeAttendanceOf } from '../../data/event-attendance';
import { removeQuestionsOf } from '../../data/event-questions';
import { removeSubmissionWindow } from '../../data/submission-window';
import type { Database } from '../../platform/cloudbase';
import { forgetBookings } from './forget-bookings';
import { forgetComments } from './forget-comments';

/** Per call, so one call stays well inside the function's timeout; more answers `done: false`. */
export const DELETION_BATCH = 50;

export async function deleteAccount(db: Database, openid: string, now: Date): Promise<Result<DeleteAccountOutput>> {
  // One tombstone per call, random: nothing derived from the openid is left to match against.
  const tombstone = tombstoneFrom(randomBytes(12).toString('hex'));
  const ids = () => randomUUID().replace(/-/g, '');

  const caseIds = await ownedCaseIds(db, openid, DELETION_BATCH + 1);
  let casesWithdrawn = 0;
  let casesAnonymised = 0;
  let casesLeft = caseIds.length > DELETION_BATCH;
  for (const caseId of caseIds.slice(0, DELETION_BATCH)) {
    const deletion = await anonymiseOne(db, caseId, openid, tombstone, now, ids);
    if (deletion === 'busy') casesLeft = true;
    if (!deletion || deletion === 'busy') continue;
    casesAnonymised += 1;
    if (deletion.withdrawn) casesWithdrawn += 1;
  }

  const bookings = await forgetBookings(db, openid, tombstone, now, DELETION_BATCH);
  // 我也遇到: each join leaves with its case's count (data/case-joins.ts), as an unjoin would.
  const joins = await joinsOf(db, openid, DELETION_BATCH + 1);
  for (const join of joins.slice(0, DELETION_BATCH)) await removeJoin(db, join.caseId, openid);
  // 述职报告 ratings stay counted on their reports; each moves to a random id without the openid (data/report-ratings.ts).
  const ratings = await forgetRater(db, openid, DELETION_BATCH, ids);
  // 立法意见: withdrawn while they may be, then kept for the legislature without owner or contact.
  const comments = await forgetComments(db, openid, now, DELETION_BATCH);
  // The booking cap's record of the person's open bookings: a hash of the openid naming the bookings' old ids.
  await removeOpenBookingIds(db, openid);

  await removeSubmissionWindow(db, openid);
  await removeFollowsOf(db, openid);
  await removeGrantsOf(db, openid);
  await removeNotificationsTo(db, openid);
  await forgetRedemptionsBy(db, openid);
  await removeUploadsOf(db, openid);
  // 代表论坛 / 约见: the person's 我会参加 and questions in advance go.
  await removeAttendanceOf(db, openid);
  await removeQuestionsOf(db, openid);
  const done = !casesLeft && !bookings.more && joins.length <= DELETION_BATCH && !ratings.more && !comments.more;
  // The users document goes last: until then a half-done deletion still looks like the account.
  if (done) await removeUser(db, openid);
  return ok({ done, casesWithdrawn, casesAnonymised, bookingsCancelled: bookings.cancelled });
}

/** Tries per case: each loses only to a change of that very case at the same moment. */
const ATTEMPTS = 5;

/**
 * One case: read, decide (domain/account), write if the case is still as read. Undefined when it
 * is no longer the person's (done on an earlier try); 'busy' when it kept changing under us
 * (the call answers `done: false` and the next one finishes it).
 */
async function anonymiseOne(db: Database, caseId: string, openid: string, tombstone: string, now: Date, ids: () => string): Promise<CaseDeletion | undefined | 'busy'> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const record = await findCase(db, caseId);
    const decided = record && caseAfterDeletion(record.state, openid, tombstone, now, ids);
    if (!record || !decided) return undefined;
    const events = decided.events.map((event) => toStoredEvent(event));
    if (await anonymiseCase(db, record, decided.next, events, { from: openid, to: tombstone })) return decided;
  }
  return 'busy';
}
