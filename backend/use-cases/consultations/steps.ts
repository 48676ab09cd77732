/**
 * What happens to a comment after it is given: its resident withdraws it while the consultation
 * is open; officers of its station review it until the report is compiled; the office edits it
 * lightly once closed and marks it adopted once reported. Which party may do what, from which
 * status, is the table's (domain/consultation/consultation.table.ts); anyone else is told the
 * comment does not exist. Round trips: the comment, the consultation, then one write (a
 * transaction where counters move: withdraw, adopt). An adoption's notice is queued in its
 * transaction and sent by the scheduler's next run, as every queued notice is.
 */
import type { AdoptCommentInput, CommentView, EditCommentInput, ReviewCommentInput } from '../../../typings/consultation';
import { commentStep, commentView, consultationStatus, type CommentCommand, type CommentDocument, type ConsultationDocument } from '../../domain/consultation';
import { fail, ok, type Result } from '../../domain/result';
import { adoptInTransaction, changeComment, findComment, updateComment } from '../../data/consultation-comments';
import { findConsultation } from '../../data/consultations';
import { partyOf, viewerOf, type ConsultationCaller } from './caller';
import { COMMENT_NOT_FOUND, type ConsultationContext } from './context';
import { adoptionNotice } from './adoption-notice';

const MOVED = '这条意见刚刚有了变化，请刷新后再试';

interface Loaded {
  comment: CommentDocument;
  doc: ConsultationDocument;
  view: (comment: CommentDocument) => CommentView;
}

/** The comment and its consultation, when `command` is the caller's to issue now. */
async function load(ctx: ConsultationContext, caller: ConsultationCaller, commentId: string, command: CommentCommand): Promise<Result<Loaded>> {
  const comment = await findComment(ctx.db, commentId);
  const doc = comment && (await findConsultation(ctx.db, comment.consultationId));
  if (!comment || !doc) return fail('NOT_FOUND', COMMENT_NOT_FOUND);
  const party = partyOf(caller, comment, doc);
  const status = consultationStatus(doc, ctx.now);
  const step = commentStep(command, comment.status, party, status);
  if (!step.ok) return party === 'other' ? fail('NOT_FOUND', COMMENT_NOT_FOUND) : step;
  return ok({ comment, doc, view: (next) => commentView(next, viewerOf(party), status) });
}

export async function withdrawComment(ctx: ConsultationContext, caller: ConsultationCaller, commentId: string): Promise<Result<CommentView>> {
  const loaded = await load(ctx, caller, commentId, 'withdraw');
  if (!loaded.ok) {
    // A retry of a withdrawal that went through answers the withdrawn comment.
    const again = loaded.failure.code === 'ILLEGAL_TRANSITION' ? await findComment(ctx.db, commentId) : undefined;
    if (again?.status === 'withdrawn' && again.ownerOpenid === caller.openid) return ok(commentView(again, 'owner', 'open'));
    return loaded;
  }
  const changed = await changeComment(ctx.db, commentId, 'submitted', () => ({ status: 'withdrawn' }), ctx.now, -1);
  if (!changed.ok) return changed.current?.status === 'withdrawn' ? ok(loaded.value.view(changed.current)) : fail('CONFLICT', MOVED);
  return ok(loaded.value.view(changed.comment));
}

export async function reviewComment(ctx: ConsultationContext, caller: ConsultationCaller, input: ReviewCommentInput): Promise<Result<CommentView>> {
  const loaded = await load(ctx, caller, input.commentId, input.review);
  if (!loaded.ok) return loaded;
  const { comment } = loaded.value;
  if (input.review === 'duplicate') {
    if (input.duplicateOf === comment._id) return fail('INVALID_INPUT', '不能标记为与自己重复', 'duplicateOf');
    const target = await findComment(ctx.db, input.duplicateOf!);
    if (!target || target.consultationId !== comment.consultationId) return fail('INVALID_INPUT', '重复的意见须是本次征集的另一条意见', 'duplicateOf');
    if (target.status === 'duplicate') return fail('INVALID_INPUT', '所选意见本身已标记为重复，请选择它所重复的那条意见', 'duplicateOf');
    if (!['submitted', 'forwarded', 'declined'].includes(target.status)) return fail('INVALID_INPUT', '所选意见已撤回或尚未确认，不能作为重复的对象', 'duplicateOf');
  }
  const fields = {
    status: input.review === 'forward' ? 'forwarded' : input.review === 'duplicate' ? 'duplicate' : 'declined',
    duplicateOf: input.review === 'duplicate' ? input.duplicateOf : undefined,
    declineReason: input.review === 'decline' ? input.reason : undefined,
  } as const;
  if (!(await updateComment(ctx.db, comment, fields, ctx.now))) return fail('CONFLICT', MOVED);
  const next: CommentDocument = { ...comment, ...fields, updatedAt: ctx.now };
  if (!fields.duplicateOf) delete next.duplicateOf;
  if (!fields.declineReason) delete next.declineReason;
  return ok(loaded.value.view(next));
}

export async function editComment(ctx: ConsultationContext, caller: ConsultationCaller, input: EditCommentInput): Promise<Result<CommentView>> {
  const loaded = await load(ctx, caller, input.commentId, 'edit');
  if (!loaded.ok) return loaded;
  const { comment } = loaded.value;
  // Empty, or the text as submitted: back to the original.
  const editedText = input.editedText && input.editedText !== comment.text ? input.editedText : undefined;
  if (!(await updateComment(ctx.db, comment, { editedText }, ctx.now))) return fail('CONFLICT', MOVED);
  const next: CommentDocument = { ...comment, editedText, updatedAt: ctx.now };
  if (editedText === undefined) delete next.editedText;
  return ok(loaded.value.view(next));
}

export async function adoptComment(ctx: ConsultationContext, caller: ConsultationCaller, input: AdoptCommentInput): Promise<Result<CommentView>> {
  const loaded = await load(ctx, caller, input.commentId, 'adopt');
  if (!loaded.ok) return loaded;
  const { comment, doc, view } = loaded.value;
  const same = (adopted: CommentDocument) => adopted.adoption?.note === input.note;
  if (comment.adoption) return same(comment) ? ok(view(comment)) : fail('CONFLICT', '这条意见已标记为采纳');
  const changed = await adoptInTransaction(ctx.db, comment._id, input.note, ctx.now, (next) => (next.ownerOpenid ? [adoptionNotice(doc, next, ctx.now)] : []));
  if (!changed.ok) {
    // Its twin adopted it first: the same note is the same adoption.
    if (changed.current && same(changed.current)) return ok(view(changed.current));
    return fail('CONFLICT', changed.current?.adoption ? '这条意见已标记为采纳' : MOVED);
  }
  // Queued with the adoption; the scheduler's next run sends it (the legislature's answer is not minutes-urgent).
  return ok(view(changed.comment));
}
