/**
 * Reading comments: a resident their own (我的意见); the officers of a station its comments, the
 * office any station's — with contacts. Residents get no list of anyone else's comments at all.
 * Round trips: mine — the comments, their consultations' states; comments — the consultation,
 * then the page and the counts by status side by side.
 */
import type { ListCommentsInput, ListCommentsOutput, MyCommentsOutput } from '../../../typings/consultation';
import { commentView, consultationStatus, CONSULTATION_RULES } from '../../domain/consultation';
import { fail, ok, type Result } from '../../domain/result';
import { commentsOfOwner, commentsPage, statusCounts } from '../../data/consultation-comments';
import { consultationStates, findConsultation } from '../../data/consultations';
import { isOffice, ownStations, type ConsultationCaller } from './caller';
import { CONSULTATION_NOT_FOUND, type ConsultationContext } from './context';

export async function myComments(ctx: ConsultationContext, caller: ConsultationCaller): Promise<Result<MyCommentsOutput>> {
  if (caller.role !== 'resident' || !caller.openid) return ok({ comments: [] });
  const comments = await commentsOfOwner(ctx.db, caller.openid, CONSULTATION_RULES.mineMax);
  const states = await consultationStates(ctx.db, [...new Set(comments.map((comment) => comment.consultationId))]);
  return ok({
    comments: comments.map((comment) => commentView(comment, 'owner', consultationStatus(states.get(comment.consultationId) ?? { closesOn: comment.closesOn }, ctx.now))),
  });
}

export async function listComments(ctx: ConsultationContext, caller: ConsultationCaller, input: ListCommentsInput): Promise<Result<ListCommentsOutput>> {
  const doc = await findConsultation(ctx.db, input.consultationId);
  if (!doc) return fail('NOT_FOUND', CONSULTATION_NOT_FOUND);
  let stationIds: string[] | undefined;
  if (caller.role === 'officer') {
    const own = ownStations(caller, doc);
    // A consultation none of their stations takes part in, or a station not theirs: nothing to them.
    if (own.length === 0 || (input.stationId && !own.includes(input.stationId))) return fail('NOT_FOUND', CONSULTATION_NOT_FOUND);
    if (!input.stationId && own.length > 1) return fail('INVALID_INPUT', '请选择联络站', 'stationId');
    stationIds = [input.stationId ?? own[0]!];
  } else if (isOffice(caller, doc)) {
    stationIds = input.stationId ? [input.stationId] : undefined;
  } else {
    return fail('NOT_FOUND', CONSULTATION_NOT_FOUND);
  }
  const page = input.page ?? 0;
  const filter = { consultationId: doc._id, ...(stationIds ? { stationIds } : {}), ...(input.articleNo !== undefined ? { articleNo: input.articleNo } : {}) };
  const [listed, counts] = await Promise.all([
    commentsPage(ctx.db, { ...filter, ...(input.status ? { status: input.status } : {}) }, page, CONSULTATION_RULES.pageSize),
    statusCounts(ctx.db, filter),
  ]);
  const status = consultationStatus(doc, ctx.now);
  const viewer = caller.role === 'officer' ? 'officer' : 'office';
  return ok({ comments: listed.comments.map((comment) => commentView(comment, viewer, status)), page, hasMore: listed.hasMore, counts });
}
