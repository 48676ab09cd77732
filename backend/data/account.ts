/**
 * Everything stored under one WeChat openid, for the person's export and account deletion:
 * reads by openid over cases, bookings, follows, grants, invites and the users document, and
 * the writes that remove or anonymise them. Each query goes through an index keyed on the
 * openid (database/collections.json); each write is idempotent, so a deletion can be retried.
 */
import type { AnonymousBooking } from '../domain/account';
import type { BookingDocument } from '../domain/booking/booking.model';
import type { Database } from '../platform/cloudbase';
import type { Transaction } from './transaction';
import { insertInTransaction } from './transaction';

export interface GrantRow {
  templateId: string;
  remaining: number;
}

export interface FollowRow {
  stationId: string;
  createdAt: Date;
}

/** The ids of cases still owned by `openid` (owner_submitted index), the oldest first, at most `limit`. */
export async function ownedCaseIds(db: Database, openid: string, limit: number): Promise<string[]> {
  const { data } = await db.collection('cases').where({ ownerOpenid: openid }).orderBy('submittedAt', 'asc').field({ _id: true }).limit(limit).get();
  return (data as { _id: string }[]).map((d) => d._id);
}

/** Bookings still carrying the openid (openid_startsAt index), at most `limit`. */
export async function bookingsStillOf(db: Database, openid: string, limit: number): Promise<BookingDocument[]> {
  const { data } = await db.collection('bookings').where({ openid }).orderBy('startsAt', 'asc').limit(limit).get();
  return data as BookingDocument[];
}

/** Stations followed (follows.openid index), the earliest first. */
export async function followsOf(db: Database, openid: string, limit: number): Promise<FollowRow[]> {
  const { data } = await db.collection('follows').where({ openid }).orderBy('createdAt', 'asc').limit(limit).get();
  return (data as { stationId: string; createdAt: Date }[]).map((d) => ({ stationId: d.stationId, createdAt: d.createdAt }));
}

/** Subscription-message grants (openid_template index): a handful of templates. */
export async function grantsOf(db: Database, openid: string): Promise<GrantRow[]> {
  const { data } = await db.collection('subscriptions').where({ openid }).limit(100).get();
  return (data as { templateId: string; remaining: number }[]).map((d) => ({ templateId: d.templateId, remaining: Math.max(0, Number(d.remaining)) }));
}

/**
 * Moves a booking to its new id (`kept._id`) inside the caller's transaction: the new document
 * written, the old one removed. The old id was derived from the openid; two deletions at once
 * both remove it, so one of them conflicts and finds nothing left to move.
 */
export async function rekeyBookingInTransaction(tx: Transaction, oldId: string, kept: AnonymousBooking): Promise<void> {
  await insertInTransaction(tx, 'bookings', kept);
  await tx.collection('bookings').doc(oldId).remove();
}

export async function removeFollowsOf(db: Database, openid: string): Promise<void> {
  await db.collection('follows').where({ openid }).remove();
}

export async function removeGrantsOf(db: Database, openid: string): Promise<void> {
  await db.collection('subscriptions').where({ openid }).remove();
}

/** Messages to the person, sent or waiting (notifications.openid index): nothing is sent to a deleted account. */
export async function removeNotificationsTo(db: Database, openid: string): Promise<void> {
  await db.collection('notifications').where({ openid }).remove();
}

/**
 * Invites the person redeemed while they held a work role (redeemedBy index): the invite stays
 * as the district office's record that it was used, without who used it. Not the tombstone:
 * the invite names a deputy or officer, and must not tie the anonymised cases to that name.
 */
export async function forgetRedemptionsBy(db: Database, openid: string): Promise<void> {
  await db.collection('invites').where({ redeemedBy: openid }).update({ redeemedBy: db.command.remove() });
}

/**
 * Photo upload paths issued to the person (owner_issued index): each names the case its photo
 * went into and when it was attached, the submission time. A path without a record is nobody's,
 * so its file can never be attached again; the photo itself stays with its case.
 */
export async function removeUploadsOf(db: Database, openid: string): Promise<void> {
  await db.collection('uploads').where({ ownerOpenid: openid }).remove();
}

export async function removeUser(db: Database, openid: string): Promise<void> {
  await db.collection('users').where({ openid }).remove();
}

// ───── retention: contacts of cases that ended long ago ─────

export interface ExpiredContactRow {
  caseId: string;
  status: string;
}

/**
 * Cases with a contact that ended (closed at, or rejected / withdrawn at) on or before
 * `cutoff`, through status_closure_at and status_updated, at most `limit` in all.
 */
export async function casesWithExpiredContact(db: Database, cutoff: Date, limit: number): Promise<ExpiredContactRow[]> {
  const _ = db.command;
  // One query: each branch carries its whole condition, so each is served by its own index.
  const { data } = await db
    .collection('cases')
    .where(
      _.or([
        { status: 'closed', 'closure.at': _.lte(cutoff), contact: _.exists(true) },
        { status: 'rejected', updatedAt: _.lte(cutoff), contact: _.exists(true) },
        { status: 'withdrawn', updatedAt: _.lte(cutoff), contact: _.exists(true) },
      ]),
    )
    .field({ _id: true, status: true })
    .limit(limit)
    .get();
  return (data as { _id: string; status: string }[]).map((d) => ({ caseId: d._id, status: d.status }));
}

/** Removes the contact, only while the case is still in the status it was found in. */
export async function removeContact(db: Database, row: ExpiredContactRow): Promise<boolean> {
  const { updated } = await db.collection('cases').where({ _id: row.caseId, status: row.status }).update({ contact: db.command.remove() });
  return updated === 1;
}
