/**
 * The `report_ratings` collection: one document per rating of a 述职报告, `_id` = ratingIdFor(the
 * report, the rater's openid), so a second rating by one WeChat account is the same id. The
 * rating and the report's counter are written in ONE transaction: of two ratings by the same
 * account at once, one commits and the other conflicts, runs again and finds the first; the
 * counters are incremented inside the same transaction, so they never miss or double a rating.
 *
 * Anonymity: the rater's openid is kept only for their own export and `myRating`, and is
 * read back by nothing else — comments leave with rating, text and time only. When the account
 * is deleted the rating moves to a random id without the openid (`forgetRater`): still counted,
 * no longer anyone's. Indexes: report_at (the comments of a report), rater (the person's own).
 */
import type { RatingRecord } from '../domain/report';
import { RATING_COUNTER } from '../domain/report';
import type { Database } from '../platform/cloudbase';
import { REPORTS } from './reports';
import { getInTransaction, inTransaction, insertInTransaction } from './transaction';

const RATINGS = 'report_ratings';

function ratingFromDocument(doc: Record<string, unknown>): RatingRecord {
  return {
    _id: String(doc._id),
    reportId: String(doc.reportId ?? ''),
    ...(typeof doc.raterOpenid === 'string' ? { raterOpenid: doc.raterOpenid } : {}),
    rating: doc.rating as RatingRecord['rating'],
    ...(typeof doc.comment === 'string' ? { comment: doc.comment } : {}),
    ...(doc.commentCheck === 'pending' ? { commentCheck: 'pending' as const } : {}),
    at: doc.at instanceof Date ? doc.at : new Date(doc.at as string),
  };
}

/**
 * Writes the rating and counts it on its report, unless that id is rated already: then the
 * stored rating is answered and nothing is written. Four round trips: the rating read in the
 * transaction, its insert, the counter, the commit.
 */
export async function rateOnce(db: Database, rating: RatingRecord): Promise<{ rated: true } | { rated: false; existing: RatingRecord }> {
  const _ = db.command;
  return inTransaction(db, async (tx) => {
    const stored = await getInTransaction<Record<string, unknown>>(tx, RATINGS, rating._id);
    if (stored) return { rated: false as const, existing: ratingFromDocument(stored) };
    await insertInTransaction(tx, RATINGS, { ...rating });
    await tx
      .collection(REPORTS)
      .doc(rating.reportId)
      .update({ [`ratings.${RATING_COUNTER[rating.rating]}`]: _.inc(1) });
    return { rated: true as const };
  });
}

/** The rating of this id (the caller's own, by ratingIdFor), if any. */
export async function findRating(db: Database, id: string): Promise<RatingRecord | undefined> {
  const { data } = await db.collection(RATINGS).where({ _id: id }).limit(1).get();
  const doc = (data as Record<string, unknown>[])[0];
  return doc ? ratingFromDocument(doc) : undefined;
}

/** The report's ratings that carry a comment, newest first: rating, comment and time only — never an id or an openid. */
export async function commentsOf(db: Database, reportId: string, limit: number): Promise<Pick<RatingRecord, 'rating' | 'comment' | 'at'>[]> {
  const _ = db.command;
  const { data } = await db
    .collection(RATINGS)
    .where({ reportId, comment: _.exists(true) })
    .field({ _id: false, rating: true, comment: true, at: true })
    .orderBy('at', 'desc')
    .limit(limit)
    .get();
  return (data as Record<string, unknown>[]).map((doc) => ({
    rating: doc.rating as RatingRecord['rating'],
    comment: String(doc.comment ?? ''),
    at: doc.at instanceof Date ? doc.at : new Date(doc.at as string),
  }));
}

/** The person's own ratings, newest first (rater index): their export. */
export async function ratingsBy(db: Database, openid: string, limit: number): Promise<RatingRecord[]> {
  const { data } = await db.collection(RATINGS).where({ raterOpenid: openid }).orderBy('at', 'desc').limit(limit).get();
  return (data as Record<string, unknown>[]).map(ratingFromDocument);
}

/**
 * Account deletion: each rating still carrying the openid moves, in one transaction, to a random
 * id without it (the old id was a hash of the openid). The report's counters are not touched: the
 * rating stays counted. Answers whether more remain than `limit` (another call goes on).
 */
export async function forgetRater(db: Database, openid: string, limit: number, newId: () => string): Promise<{ more: boolean }> {
  const { data } = await db
    .collection(RATINGS)
    .where({ raterOpenid: openid })
    .limit(limit + 1)
    .get();
  const ids = (data as { _id: string }[]).map((doc) => String(doc._id));
  for (const id of ids.slice(0, limit)) {
    await inTransaction(db, async (tx) => {
      const stored = await getInTransaction<Record<string, unknown>>(tx, RATINGS, id);
      if (!stored || stored.raterOpenid !== openid) return;
      const { raterOpenid: _openid, ...kept } = ratingFromDocument(stored);
      await insertInTransaction(tx, RATINGS, { ...kept, _id: `rr-${newId()}` });
      await tx.collection(RATINGS).doc(id).remove();
    });
  }
  return { more: ids.length > limit };
}
