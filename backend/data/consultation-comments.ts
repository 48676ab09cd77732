/**
 * The `consultation_comments` collection, the only code that writes it. Every change that makes
 * a comment count or stop counting (a resident's comment, a claim, a withdrawal) and an adoption
 * is ONE transaction with the consultation's counters and the commenter's marker
 * (data/consultation-participants.ts): the comment's own state is the guard, so a retry or a
 * parallel twin finds it already changed and counts nothing twice. Reviews and edits change no
 * counter and are one conditional update. Account deletion moves a resident's comments to new
 * ids without owner or contact (`forgetCommentOwner`); retention removes old contacts. Indexes: consultation_station_created (the officers'
 * list), owner_created (我的意见), claim_code (a claim by the code's hash), consultation_created (the report),
 * closes_on (retention).
 */
import type { CommentStatus } from '../../typings/consultation';
import { articleKey, type CommentDocument } from '../domain/consultation/consultation.model';
import { COMMENT_STATUSES } from '../domain/consultation/consultation.rules';
import type { Database } from '../platform/cloudbase';
import { withoutUndefined } from './cases';
import { CONSULTATIONS } from './consultations';
import { moveParticipantInTransaction, rekeyParticipantInTransaction } from './consultation-participants';
import { CONSULTATION_REPORTS } from './consultation-reports';
import { MAX_PAGE } from './documents';
import type { NotificationDocument } from './notifications';
import { insertNotificationsInTransaction } from './notifications';
import { getInTransaction, inTransaction, insertInTransaction, type Transaction } from './transaction';

export const CONSULTATION_COMMENTS = 'consultation_comments';

const date = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));

export function commentFromDocument(raw: Record<string, unknown>): CommentDocument {
  const doc = raw as unknown as CommentDocument;
  return {
    ...doc,
    _id: String(raw._id),
    ownerOpenid: String(doc.ownerOpenid ?? ''),
    createdAt: date(doc.createdAt),
    updatedAt: date(doc.updatedAt),
    ...(doc.claim ? { claim: { ...doc.claim, expiresAt: date(doc.claim.expiresAt), ...(doc.claim.claimedAt ? { claimedAt: date(doc.claim.claimedAt) } : {}) } } : {}),
    ...(doc.adoption ? { adoption: { note: doc.adoption.note, at: date(doc.adoption.at) } } : {}),
  };
}

const many = (data: unknown): CommentDocument[] => (data as Record<string, unknown>[]).map(commentFromDocument);

export async function findComment(db: Database, id: string): Promise<CommentDocument | undefined> {
  const { data } = await db.collection(CONSULTATION_COMMENTS).where({ _id: id }).limit(1).get();
  return many(data)[0];
}

export async function commentByClaimHash(db: Database, codeHash: string): Promise<CommentDocument | undefined> {
  const { data } = await db.collection(CONSULTATION_COMMENTS).where({ 'claim.codeHash': codeHash }).limit(1).get();
  return many(data)[0];
}

/** 我的意见: latest first. */
export async function commentsOfOwner(db: Database, openid: string, limit: number): Promise<CommentDocument[]> {
  if (!openid) return [];
  const { data } = await db.collection(CONSULTATION_COMMENTS).where({ ownerOpenid: openid }).orderBy('createdAt', 'desc').limit(limit).get();
  return many(data);
}

/** One page of the person's comments, latest first (user.export). */
export async function commentsOfOwnerPage(db: Database, openid: string, skip: number, limit: number): Promise<CommentDocument[]> {
  if (!openid) return [];
  const { data } = await db.collection(CONSULTATION_COMMENTS).where({ ownerOpenid: openid }).orderBy('createdAt', 'desc').skip(skip).limit(limit).get();
  return many(data);
}

export interface CommentFilter {
  consultationId: string;
  /** Absent: every station (the office). */
  stationIds?: readonly string[];
  status?: CommentStatus;
  articleNo?: number;
}

function where(db: Database, filter: CommentFilter): Record<string, unknown> {
  return {
    consultationId: filter.consultationId,
    ...(filter.stationIds ? { stationId: db.command.in([...filter.stationIds]) } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.articleNo !== undefined ? { articleNo: filter.articleNo } : {}),
  };
}

/** One page, oldest first (the order they came in); one more is read to know whether there are more. */
export async function commentsPage(db: Database, filter: CommentFilter, page: number, size: number): Promise<{ comments: CommentDocument[]; hasMore: boolean }> {
  const { data } = await db
    .collection(CONSULTATION_COMMENTS)
    .where(where(db, filter))
    .orderBy('createdAt', 'asc')
    .skip(page * size)
    .limit(size + 1)
    .get();
  const comments = many(data);
  return { comments: comments.slice(0, size), hasMore: comments.length > size };
}

/** Counts by status over the filter (its own status ignored), side by side. */
export async function statusCounts(db: Database, filter: CommentFilter): Promise<Record<CommentStatus, number>> {
  const totals = await Promise.all(
    COMMENT_STATUSES.map(async (status) => {
      const { total } = await db
        .collection(CONSULTATION_COMMENTS)
        .where(where(db, { ...filter, status }))
        .count();
      return [status, Number(total ?? 0)] as const;
    }),
  );
  return Object.fromEntries(totals) as Record<CommentStatus, number>;
}

/** Every comment of a consultation, oldest first, for the report. */
export async function allComments(db: Database, consultationId: string): Promise<CommentDocument[]> {
  const out: CommentDocument[] = [];
  for (;;) {
    const { data } = await db.collection(CONSULTATION_COMMENTS).where({ consultationId }).orderBy('createdAt', 'asc').skip(out.length).limit(MAX_PAGE).get();
    out.push(...many(data));
    if ((data as unknown[]).length < MAX_PAGE) return out;
  }
}

/** A recorded comment (pending, nobody's yet): counts nothing. */
export async function insertPendingComment(db: Database, doc: CommentDocument): Promise<'inserted' | 'exists'> {
  try {
    await db.collection(CONSULTATION_COMMENTS).add(withoutUndefined(doc));
    return 'inserted';
  } catch (error) {
    if ((error as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw error;
    return 'exists';
  }
}

/** A fresh code for a comment still waiting for its resident. */
export async function renewClaim(db: Database, id: string, claim: { codeHash: string; expiresAt: Date }, now: Date): Promise<boolean> {
  const { updated } = await db
    .collection(CONSULTATION_COMMENTS)
    .where({ _id: id, status: 'pending' })
    .update({ claim: db.command.set(claim), updatedAt: now });
  return updated === 1;
}

/** The consultation's counters moved by one comment starting (+1) or stopping (-1) to count. */
async function moveCounters(tx: Transaction, db: Database, doc: CommentDocument, openid: string, delta: 1 | -1, now: Date): Promise<void> {
  const participants = await moveParticipantInTransaction(tx, doc.consultationId, openid, delta);
  const _ = db.command;
  await tx
    .collection(CONSULTATIONS)
    .doc(doc.consultationId)
    .update({
      comments: _.inc(delta),
      [`articleCounts.${articleKey(doc.articleNo)}`]: _.inc(delta),
      ...(participants !== 0 ? { participants: _.inc(participants) } : {}),
      updatedAt: now,
    });
}

/** A resident's comment, counted with it: the one already there when this id exists (a retry). */
export async function insertCountedComment(db: Database, doc: CommentDocument): Promise<CommentDocument> {
  return inTransaction(db, async (tx) => {
    const there = await getInTransaction<Record<string, unknown>>(tx, CONSULTATION_COMMENTS, doc._id);
    if (there) return commentFromDocument(there);
    await insertInTransaction(tx, CONSULTATION_COMMENTS, withoutUndefined(doc));
    await moveCounters(tx, db, doc, doc.ownerOpenid, 1, doc.updatedAt);
    return doc;
  });
}

type Changed = { ok: true; comment: CommentDocument } | { ok: false; current: CommentDocument | undefined };

/**
 * Moves a comment from `expect` to what `change` makes of it, in one transaction with the
 * counters when it starts or stops counting (`count`). Not in `expect` any more (a twin did it
 * first, a review came between): nothing is written and the current comment is answered.
 */
export async function changeComment(
  db: Database,
  id: string,
  expect: CommentStatus,
  change: (doc: CommentDocument) => Partial<CommentDocument>,
  now: Date,
  count: 0 | 1 | -1 = 0,
  notices: (doc: CommentDocument) => NotificationDocument[] = () => [],
): Promise<Changed> {
  return inTransaction(db, async (tx) => {
    const raw = await getInTransaction<Record<string, unknown>>(tx, CONSULTATION_COMMENTS, id);
    const current = raw ? commentFromDocument(raw) : undefined;
    if (!current || current.status !== expect) return { ok: false as const, current };
    const fields = { ...change(current), updatedAt: now };
    const next = { ...current, ...fields };
    await tx.collection(CONSULTATION_COMMENTS).doc(id).update(withoutUndefined(fields));
    if (count !== 0) await moveCounters(tx, db, next, next.ownerOpenid, count, now);
    const queued = notices(next);
    if (queued.length) await insertNotificationsInTransaction(tx, queued);
    return { ok: true as const, comment: next };
  });
}

/** An adoption also moves the consultation's and the station's adopted counters. */
export async function adoptInTransaction(db: Database, id: string, note: string, now: Date, notices: (doc: CommentDocument) => NotificationDocument[]): Promise<Changed> {
  return inTransaction(db, async (tx) => {
    const raw = await getInTransaction<Record<string, unknown>>(tx, CONSULTATION_COMMENTS, id);
    const current = raw ? commentFromDocument(raw) : undefined;
    if (!current || current.status !== 'forwarded' || current.adoption) return { ok: false as const, current };
    const adoption = { note, at: now };
    await tx.collection(CONSULTATION_COMMENTS).doc(id).update({ adoption, updatedAt: now });
    const _ = db.command;
    await tx
      .collection(CONSULTATIONS)
      .doc(current.consultationId)
      .update({ adopted: _.inc(1), [`stationAdopted.${current.stationId}`]: _.inc(1), updatedAt: now });
    const next = { ...current, adoption, updatedAt: now };
    const queued = notices(next);
    if (queued.length) await insertNotificationsInTransaction(tx, queued);
    return { ok: true as const, comment: next };
  });
}

/** A review or an edit: one conditional update on the status it was decided on. Fields set to undefined are removed. */
export async function updateComment(db: Database, doc: CommentDocument, fields: Record<string, unknown>, now: Date): Promise<boolean> {
  const _ = db.command;
  const update = Object.fromEntries(Object.entries({ ...fields, updatedAt: now }).map(([key, value]) => [key, value === undefined ? _.remove() : value]));
  const { updated } = await db.collection(CONSULTATION_COMMENTS).where({ _id: doc._id, status: doc.status }).update(update);
  return updated === 1;
}

/** How the person's comment leaves them on account deletion (`forgetCommentOwner`). */
export interface CommentOwnerChange {
  /** The comment's new id: its old one was a hash of the openid and the client's request id. */
  newId: string;
  /** Random: who gave it, told apart from other commenters in a report without naming them. */
  tombstone: string;
  requestId: string;
  /** Set on the person's last comment of its consultation: where the participant marker moves. */
  markerId?: string;
}

/** Comments of the consultation marked duplicates of `id`: they follow it to its new id. */
export async function duplicatesOf(db: Database, consultationId: string, id: string): Promise<string[]> {
  const { data } = await db.collection(CONSULTATION_COMMENTS).where({ consultationId, duplicateOf: id }).field({ _id: true }).limit(MAX_PAGE).get();
  return (data as { _id: string }[]).map((doc) => String(doc._id));
}

/** How many comments of the consultation are still the person's. */
export async function ownedInConsultation(db: Database, openid: string, consultationId: string): Promise<number> {
  const { total } = await db.collection(CONSULTATION_COMMENTS).where({ ownerOpenid: openid, consultationId }).count();
  return Number(total ?? 0);
}

/**
 * Account deletion, ONE transaction: the comment moves to `change.newId` with a tombstone for
 * owner, a random request id and no contact or claim code (text, printed name, review and adoption stay: they
 * were given to the legislature); the duplicates pointing at it and its line in a compiled
 * report follow it; on the person's last comment there the participant marker moves too, so
 * no count changes. False when it is no longer the person's (an earlier try moved it).
 */
export async function forgetCommentOwner(db: Database, id: string, openid: string, change: CommentOwnerChange, duplicates: readonly string[], now: Date): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const raw = await getInTransaction<Record<string, unknown>>(tx, CONSULTATION_COMMENTS, id);
    const current = raw ? commentFromDocument(raw) : undefined;
    if (!current || current.ownerOpenid !== openid) return false;
    // The claim's code hash goes too: the person's phone scanned that code.
    const { contact: _contact, claim: _claim, ...kept } = current;
    await insertInTransaction(
      tx,
      CONSULTATION_COMMENTS,
      withoutUndefined({ ...kept, _id: change.newId, ownerOpenid: change.tombstone, requestId: change.requestId, updatedAt: now }),
    );
    await tx.collection(CONSULTATION_COMMENTS).doc(id).remove();
    for (const duplicate of duplicates) await tx.collection(CONSULTATION_COMMENTS).doc(duplicate).update({ duplicateOf: change.newId });
    const report = await getInTransaction<{ articles?: { comments: { id: string }[] }[] }>(tx, CONSULTATION_REPORTS, current.consultationId);
    if (report?.articles?.some((article) => article.comments.some((line) => line.id === id))) {
      const articles = report.articles.map((article) => ({ ...article, comments: article.comments.map((line) => (line.id === id ? { ...line, id: change.newId } : line)) }));
      await tx.collection(CONSULTATION_REPORTS).doc(current.consultationId).update({ articles });
    }
    if (change.markerId) await rekeyParticipantInTransaction(tx, current.consultationId, openid, change.markerId);
    return true;
  });
}

/**
 * Retention: the contact leaves every comment of a consultation that closed on a day before
 * `closedBefore` ('YYYY-MM-DD', Shanghai), in one update; answers how many lost one.
 */
export async function purgeCommentContacts(db: Database, closedBefore: string): Promise<number> {
  const _ = db.command;
  const { updated } = await db
    .collection(CONSULTATION_COMMENTS)
    .where({ closesOn: _.lt(closedBefore), contact: _.exists(true) })
    .update({ contact: _.remove() });
  return Number(updated ?? 0);
}
