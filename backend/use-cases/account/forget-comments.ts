/**
 * The 立法意见 part of `user.deleteAccount`. First each comment still withdrawable (submitted, its
 * consultation open) is withdrawn exactly as `consultation.withdraw` does it — the same table
 * decision and the same counted write — so the published figures drop. Then every comment of the
 * person moves to a new random id (its old one was a hash of the openid and the request id) under
 * a tombstone of its own, without contact or request id: the text, printed name, review and
 * adoption stay, since they were given to the legislature. The commenter's marker of each
 * consultation (a hash of the openid) moves with their last comment there, so no count changes.
 * Withdrawals come first: they move the marker while it is still under the openid. A person's
 * comments moved in one call share its tombstone, so a report compiled again counts them once
 * (beyond 50 comments, moved over several calls, once per call: the live counters stay exact).
 */
import { randomBytes } from 'node:crypto';
import { tombstoneFrom } from '../../domain/account';
import { commentStep, consultationStatus } from '../../domain/consultation';
import { changeComment, commentsOfOwner, duplicatesOf, forgetCommentOwner, ownedInConsultation } from '../../data/consultation-comments';
import { rekeyParticipant } from '../../data/consultation-participants';
import { consultationStates } from '../../data/consultations';
import type { Database } from '../../platform/cloudbase';

export interface ForgottenComments {
  withdrawn: number;
  /** More than `limit` comments still carried the openid: another call continues. */
  more: boolean;
}

const randomHex = (bytes: number): string => randomBytes(bytes).toString('hex');

export async function forgetComments(db: Database, openid: string, now: Date, limit: number): Promise<ForgottenComments> {
  const owned = await commentsOfOwner(db, openid, limit + 1);
  const batch = owned.slice(0, limit);
  const states = await consultationStates(db, [...new Set(batch.map((comment) => comment.consultationId))]);
  let withdrawn = 0;
  for (const comment of batch) {
    const status = consultationStatus(states.get(comment.consultationId) ?? { closesOn: comment.closesOn }, now);
    if (!commentStep('withdraw', comment.status, 'owner', status).ok) continue;
    const changed = await changeComment(db, comment._id, 'submitted', () => ({ status: 'withdrawn' }), now, -1);
    if (changed.ok) withdrawn += 1;
  }
  // Not the cases' tombstone: a printed name on a comment must not name the anonymous cases.
  const tombstone = tombstoneFrom(randomHex(12));
  for (const comment of batch) {
    const [duplicates, left] = await Promise.all([duplicatesOf(db, comment.consultationId, comment._id), ownedInConsultation(db, openid, comment.consultationId)]);
    const change = { newId: randomHex(16), tombstone, requestId: `deleted-${randomHex(12)}`, ...(left <= 1 ? { markerId: randomHex(16) } : {}) };
    await forgetCommentOwner(db, comment._id, openid, change, duplicates, now);
  }
  // Two deletions at once may each have seen the other's comment still there: whoever ends last moves the marker.
  for (const consultationId of new Set(batch.map((comment) => comment.consultationId))) {
    if ((await ownedInConsultation(db, openid, consultationId)) === 0) await rekeyParticipant(db, consultationId, openid, randomHex(16));
  }
  return { withdrawn, more: owned.length > limit };
}
