/**
 * The `bookings` collection and its companion `booking_claims` (one document per resident and
 * reception holding an active booking). The only code that reads or writes either.
 */
import type { BookingClaimDocument, BookingDocument } from '../domain/booking/booking.model';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';
import type { Transaction } from './transaction';
import { getInTransaction, insertInTransaction, replaceInTransaction } from './transaction';

const BOOKINGS = 'bookings';
const CLAIMS = 'booking_claims';

export async function findBooking(db: Database, id: string): Promise<BookingDocument | undefined> {
  const { data } = await db.collection(BOOKINGS).doc(id).get();
  return (data as BookingDocument[])[0];
}

/** A resident's bookings, the latest slots first; the use case puts upcoming ones on top. */
export async function bookingsOf(db: Database, openid: string, limit: number): Promise<BookingDocument[]> {
  const { data } = await db.collection(BOOKINGS).where({ openid }).orderBy('startsAt', 'desc').limit(limit).get();
  return data as BookingDocument[];
}

/**
 * A resident's bookings still booked whose slot has not started, soonest first, at most `limit`
 * (openid_startsAt index): the open bookings the cap counts, as of this moment, outside any
 * transaction. The booking's transaction re-reads each of them by id.
 */
export async function upcomingBookingsOf(db: Database, openid: string, now: Date, limit: number): Promise<BookingDocument[]> {
  const _ = db.command;
  const { data } = await db
    .collection(BOOKINGS)
    .where({ openid, startsAt: _.gt(now), status: 'booked' })
    .orderBy('startsAt', 'asc')
    .limit(limit)
    .get();
  return data as BookingDocument[];
}

/** Bookings not cancelled, per reception (reception_status index): what the officer prepares for. */
export async function activeBookingCounts(db: Database, receptionIds: readonly string[]): Promise<Map<string, number>> {
  if (receptionIds.length === 0) return new Map();
  const _ = db.command;
  const { data } = await db
    .collection(BOOKINGS)
    .aggregate()
    .match({ receptionId: _.in([...receptionIds]), status: _.neq('cancelled') })
    .group({ _id: '$receptionId', count: _.aggregate.sum(1) })
    .end();
  return new Map((data as { _id: string; count: number }[]).map((row) => [row._id, row.count]));
}

/** A reception's bookings still open (booked: neither met nor cancelled), earliest slot first (reception_status index). */
export async function openBookingsOfReception(db: Database, receptionId: string): Promise<BookingDocument[]> {
  const { data } = await db.collection(BOOKINGS).where({ receptionId, status: 'booked' }).orderBy('startsAt', 'asc').limit(MAX_PAGE).get();
  return data as BookingDocument[];
}

/**
 * Inside a transaction (`inTransaction` in ./transaction): single documents by id, read from the
 * transaction's snapshot; a concurrent write to one of them makes the transaction run again.
 */
export function bookingInTransaction(tx: Transaction, id: string): Promise<BookingDocument | undefined> {
  return getInTransaction<BookingDocument>(tx, BOOKINGS, id);
}

/** A new booking: fails rather than overwrite, should its id exist after all. */
export function insertBookingInTransaction(tx: Transaction, booking: BookingDocument): Promise<void> {
  return insertInTransaction(tx, BOOKINGS, booking);
}

export function replaceBookingInTransaction(tx: Transaction, booking: BookingDocument): Promise<void> {
  return replaceInTransaction(tx, BOOKINGS, booking);
}

export function claimInTransaction(tx: Transaction, id: string): Promise<BookingClaimDocument | undefined> {
  return getInTransaction<BookingClaimDocument>(tx, CLAIMS, id);
}

export function insertClaimInTransaction(tx: Transaction, claim: BookingClaimDocument): Promise<void> {
  return insertInTransaction(tx, CLAIMS, claim);
}

export async function removeClaimInTransaction(tx: Transaction, id: string): Promise<void> {
  await tx.collection(CLAIMS).doc(id).remove();
}

/**
 * Takes a booking's pending reminder out of the outbox (`notifications`) when the booking is
 * cancelled. It belongs in ./notifications.ts, whose outbox has no way yet to withdraw a message;
 * it moves there as soon as it has one. Removing a missing document is a no-op.
 */

/** 已接待: the resident was met on the day (接待日登记); a cancelled booking stays cancelled. */
export async function markBookingAttended(db: Database, id: string, now: Date): Promise<void> {
  const _ = db.command;
  await db
    .collection(BOOKINGS)
    .where({ _id: id, status: _.in(['booked', 'missed']) })
    .update({ status: 'attended', updatedAt: now });
}
