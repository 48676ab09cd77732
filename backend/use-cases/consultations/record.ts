/**
 * At the station an officer records a comment heard in person: stored `pending`, nobody's and
 * counted nowhere, with a one-time code the resident scans to confirm it (the same code, hashing,
 * validity and wrong-code counter as a visit's claim code, use-cases/visits). Confirming makes it
 * theirs and `submitted`, and counts it, in one transaction. A retried record (same request id)
 * answers the same comment with a fresh code.
 * Round trips: record — the consultation, the content check, the insert (or the code's renewal);
 * claim — the comment by the code's hash, the consultation, the transaction.
 */
import type { ClaimCommentInput, CommentView, RecordCommentInput, RecordCommentOutput } from '../../../typings/consultation';
import { commentStep, commentView, consultationStatus, normaliseOpinionCode, opinionPayload } from '../../domain/consultation';
import { fail, ok, type Result } from '../../domain/result';
import { changeComment, commentByClaimHash, findComment, insertPendingComment, renewClaim } from '../../data/consultation-comments';
import { findConsultation } from '../../data/consultations';
import { newClaim as newCaseClaim } from '../visits/claim-code';
import { checkContent } from '../cases/content-check';
import { WRONG_CLAIM_CODES } from '../visits/context';
import type { ConsultationCaller } from './caller';
import { commentPlace, newComment, RISKY_COMMENT } from './comment';
import { COMMENT_NOT_FOUND, CONSULTATION_NOT_FOUND, type ConsultationContext } from './context';

const newClaim = (ctx: ConsultationContext) => newCaseClaim(ctx, opinionPayload);

export async function recordComment(ctx: ConsultationContext, caller: ConsultationCaller, input: RecordCommentInput): Promise<Result<RecordCommentOutput>> {
  const { db, now } = ctx;
  if (caller.role !== 'officer' || !caller.id) return fail('FORBIDDEN', '只有联络员可以代为登记意见');
  const doc = await findConsultation(db, input.consultationId);
  // Another station's consultation, or a station not theirs, is nothing to them.
  if (!doc || !caller.stationIds.includes(input.stationId)) return fail('NOT_FOUND', CONSULTATION_NOT_FOUND);
  const place = commentPlace(doc, input, now);
  if (!place.ok) return place;
  const id = ctx.hash(`record:${caller.id}:${input.requestId}`).slice(0, 32);
  const claim = await newClaim(ctx);
  const earlier = await findComment(db, id);
  if (earlier) {
    if (earlier.status !== 'pending' || !(await renewClaim(db, id, claim.stored, now))) return fail('CONFLICT', '这条意见已由群众本人确认');
    return ok({ comment: commentView(earlier, 'officer', consultationStatus(doc, now)), claim: claim.shown });
  }
  if ((await checkContent(ctx.wx, caller.openid, undefined, input.text)) === 'risky') return fail('CONTENT_RISKY', RISKY_COMMENT);
  const comment = {
    ...newComment(id, doc, input, place.value, { ownerOpenid: '', recordedBy: 'officer', status: 'pending', recorderId: caller.id }, now),
    claim: claim.stored,
  };
  if ((await insertPendingComment(db, comment)) === 'exists') {
    // Its twin stored it a moment ago: this code replaces that one's.
    if (!(await renewClaim(db, id, claim.stored, now))) return fail('CONFLICT', '这条意见已由群众本人确认');
  }
  return ok({ comment: commentView(comment, 'officer', 'open'), claim: claim.shown });
}

export async function renewCommentCode(ctx: ConsultationContext, caller: ConsultationCaller, commentId: string): Promise<Result<RecordCommentOutput>> {
  const { db, now } = ctx;
  const comment = await findComment(db, commentId);
  // Only the recorder holds the slip; anyone else is told nothing.
  if (!comment || caller.role !== 'officer' || !caller.id || comment.recorderId !== caller.id || !caller.stationIds.includes(comment.stationId))
    return fail('NOT_FOUND', COMMENT_NOT_FOUND);
  if (comment.status !== 'pending') return fail('ILLEGAL_TRANSITION', '这条意见已由群众本人确认，不需要确认码了');
  const claim = await newClaim(ctx);
  if (!(await renewClaim(db, commentId, claim.stored, now))) return fail('ILLEGAL_TRANSITION', '这条意见已由群众本人确认，不需要确认码了');
  const doc = await findConsultation(db, comment.consultationId);
  return ok({ comment: commentView(comment, 'officer', doc ? consultationStatus(doc, now) : 'closed'), claim: claim.shown });
}

export async function claimComment(ctx: ConsultationContext, caller: ConsultationCaller, input: ClaimCommentInput): Promise<Result<CommentView>> {
  const { db, now } = ctx;
  const openid = caller.openid;
  if (caller.role !== 'resident' || !openid) return fail('FORBIDDEN', '请以群众身份确认意见');
  if (WRONG_CLAIM_CODES.exhausted(openid, now)) return fail('RATE_LIMITED', '确认码输错次数过多，请一分钟后再试');
  const comment = await commentByClaimHash(db, ctx.hash(normaliseOpinionCode(input.code)));
  if (!comment?.claim) {
    WRONG_CLAIM_CODES.record(openid, now);
    return fail('INVALID_INPUT', '确认码不正确，请核对后重新输入', 'code');
  }
  if (comment.status !== 'pending' || comment.claim.claimedAt) return fail('CONFLICT', '这条意见已被确认过了，确认码只能用一次');
  if (comment.claim.expiresAt.getTime() <= now.getTime()) return fail('INVALID_INPUT', '确认码已过期，请联络员重新出示确认码', 'code');
  const doc = await findConsultation(db, comment.consultationId);
  if (!doc) return fail('NOT_FOUND', COMMENT_NOT_FOUND);
  const step = commentStep('claim', comment.status, 'claimant', consultationStatus(doc, now));
  if (!step.ok) return step;
  const changed = await changeComment(
    db,
    comment._id,
    'pending',
    (current) => ({ status: 'submitted', ownerOpenid: openid, claim: { ...current.claim!, claimedAt: now } }),
    now,
    1,
  );
  if (!changed.ok) return fail('CONFLICT', '这条意见已被确认过了，确认码只能用一次');
  return ok(commentView(changed.comment, 'owner', consultationStatus(doc, now)));
}
