/**
 * A resident comments on the whole draft or one article. In order, as a case submission: the
 * caller's submission window (shared with cases, so one rate limit covers both) answers a retried
 * request with the comment it made and refuses past the limits or a repeat of the same text;
 * the consultation must be open, the station taking part and the article in the draft; WeChat's
 * content check reads the text. Only then is anything written: the window (conditional on what
 * was read, so parallel comments pass the limits one at a time), then the comment and the
 * counters in one transaction under an id made from the resident and the request id.
 * Round trips: the window, the consultation, the window's write, the transaction (the comment,
 * the commenter's marker and the consultation's counters).
 */
import type { CommentInput, CommentView } from '../../../typings/consultation';
import { gateSubmission, windowAfter } from '../../domain/case';
import { commentView, consultationStatus, GENERAL_ARTICLE, GENERAL_LABEL, type CommentDocument, type ConsultationDocument } from '../../domain/consultation';
import { fail, ok, type Result } from '../../domain/result';
import { comparable } from '../../domain/text';
import { findComment, insertCountedComment } from '../../data/consultation-comments';
import { findConsultation } from '../../data/consultations';
import { readSubmissionWindow, saveSubmissionWindow } from '../../data/submission-window';
import { checkContent } from '../cases/content-check';
import type { ConsultationCaller } from './caller';
import { CONSULTATION_NOT_FOUND, type ConsultationContext } from './context';

/** One rate limit covers cases and comments: its refusals say so. */
const COUNTED = '件留言或意见';

export const RISKY_COMMENT = '意见含有不适宜发布的内容（如广告、违法信息），请修改后再提交';

/** Where a comment may be given, or why not: open, at a station taking part, on an article of the draft. */
export function commentPlace(
  doc: ConsultationDocument | undefined,
  input: Pick<CommentInput, 'stationId' | 'articleNo'>,
  now: Date,
): Result<{ stationName: string; articleLabel: string }> {
  if (!doc) return fail('NOT_FOUND', CONSULTATION_NOT_FOUND);
  const status = consultationStatus(doc, now);
  if (status !== 'open') return fail('ILLEGAL_TRANSITION', `意见征集已于 ${doc.closesOn} 截止，不再接收意见`);
  const station = doc.stations.find((s) => s.id === input.stationId);
  if (!station) return fail('INVALID_INPUT', '这个联络站没有参加本次意见征集', 'stationId');
  const no = input.articleNo ?? GENERAL_ARTICLE;
  const article = doc.articles.find((a) => a.no === no);
  if (no !== GENERAL_ARTICLE && !article) return fail('INVALID_INPUT', `草案没有第 ${no} 条`, 'articleNo');
  return ok({ stationName: station.name, articleLabel: article?.label ?? GENERAL_LABEL });
}

/** The comment as stored, before it is anyone's or anything has been decided about it. */
export function newComment(
  id: string,
  doc: ConsultationDocument,
  input: CommentInput,
  place: { stationName: string; articleLabel: string },
  by: Pick<CommentDocument, 'ownerOpenid' | 'recordedBy' | 'status'> & { recorderId?: string },
  now: Date,
): CommentDocument {
  return {
    _id: id,
    consultationId: doc._id,
    consultationTitle: doc.title,
    closesOn: doc.closesOn,
    stationId: input.stationId,
    stationName: place.stationName,
    articleNo: input.articleNo ?? GENERAL_ARTICLE,
    articleLabel: place.articleLabel,
    text: input.text,
    ...(input.printedName ? { printedName: input.printedName } : {}),
    ...(input.occupation ? { occupation: input.occupation } : {}),
    ...(input.contact ? { contact: { ...(input.contact.name ? { name: input.contact.name } : {}), phone: input.contact.phone } } : {}),
    ...by,
    requestId: input.requestId,
    createdAt: now,
    updatedAt: now,
  };
}

/** The duplicate's refusal in the words of a comment (the rate limits say it themselves: COUNTED). */
function gateRefusal<T>(refusal: Result<T> & { ok: false }): Result<never> {
  if (refusal.failure.code === 'DUPLICATE_CONTENT') return fail('DUPLICATE_CONTENT', '您已提交过相同内容的意见，请在“我的意见”中查看');
  return refusal;
}

export async function submitComment(ctx: ConsultationContext, caller: ConsultationCaller, input: CommentInput): Promise<Result<CommentView>> {
  const { db, now } = ctx;
  if (caller.role !== 'resident' || !caller.openid) return fail('FORBIDDEN', '请以群众身份提交意见');
  const openid = caller.openid;
  const contentHash = ctx.hash(`opinion\u0000${input.consultationId}\u0000${input.articleNo ?? 0}\u0000${comparable(input.text)}`);
  const attempt = { requestId: input.requestId, contentHash, now };
  let window = await readSubmissionWindow(db, openid);
  const gate = gateSubmission(window.recent, attempt, COUNTED);
  if (!gate.ok) return gateRefusal(gate);
  const replayed = gate.value.kind === 'replay' ? gate.value.caseId : undefined;
  const [doc, earlier] = await Promise.all([findConsultation(db, input.consultationId), replayed ? findComment(db, replayed) : undefined]);
  if (earlier) return ok(commentView(earlier, 'owner', doc ? consultationStatus(doc, now) : 'closed'));

  const place = commentPlace(doc, input, now);
  if (!place.ok) return place;
  const verdict = await checkContent(ctx.wx, openid, undefined, input.text);
  if (verdict === 'risky') return fail('CONTENT_RISKY', RISKY_COMMENT);

  let id = replayed;
  if (!id) {
    const mine = ctx.hash(`comment:${openid}:${input.requestId}`).slice(0, 32);
    const entry = { caseId: mine, receiptNo: '', requestId: input.requestId, contentHash, submittedAt: now };
    for (;;) {
      if (await saveSubmissionWindow(db, openid, window, windowAfter(window.recent, entry, now), now)) {
        id = mine;
        break;
      }
      // Another submission of this resident wrote the window first: decide again on what it holds now.
      window = await readSubmissionWindow(db, openid);
      const again = gateSubmission(window.recent, attempt, COUNTED);
      if (!again.ok) return gateRefusal(again);
      if (again.value.kind === 'replay') {
        id = again.value.caseId;
        break;
      }
    }
  }
  const comment = newComment(id, doc!, input, place.value, { ownerOpenid: openid, recordedBy: 'resident', status: 'submitted' }, now);
  const stored = await insertCountedComment(db, verdict === 'unchecked' ? { ...comment, contentCheck: 'pending' } : comment);
  return ok(commentView(stored, 'owner', 'open'));
}
