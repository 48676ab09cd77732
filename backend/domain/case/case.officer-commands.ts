/**
 * What a liaison officer of the case's station may do: triage (accept, reject, merge),
 * route (assign, transfer), handle (start, reply, record answers) and close.
 */
import { fail, ok } from '../result';
import { requireText } from './case.errors';
import type { Handlers } from './case.handler';
import { trimmed } from './case.handler';
import { CASE_TIME_LIMITS, hasElapsed, replyDueAt } from './deadlines';

type OfficerCommand = 'accept' | 'reject' | 'assign' | 'transfer' | 'start' | 'reply' | 'record_answer' | 'supervise' | 'follow_up' | 'close' | 'merge';

export const officerHandlers: Handlers<OfficerCommand> = {
  // A 不确定 case accepted without a category stays 不确定: choosing one must never hold up acceptance.
  accept: (state, command, { now }) => {
    const dueAt = replyDueAt(now);
    const category = command.category && command.category !== state.category ? command.category : undefined;
    return ok({
      changes: { acceptedAt: now, dueAt, ...(category ? { category } : {}) },
      note: trimmed(command.note),
      data: { dueAt, ...(category ? { category, previousCategory: state.category } : {}) },
    });
  },

  // A refusal must tell the resident why and where to go instead (DOMAIN: 不予受理).
  reject: (_state, command, { now }) =>
    requireText(command.reason, 'reason', '不予受理必须说明理由') ??
    requireText(command.referral, 'referral', '不予受理必须告知群众可以向哪里反映') ??
    ok({ changes: { dueAt: undefined, rejectedAt: now }, note: trimmed(command.reason), data: { referral: command.referral.trim() } }),

  assign: (state, command) => {
    if (!command.deputyStationIds.includes(state.stationId)) {
      return fail('INVALID_INPUT', '只能指派本联络站的人大代表', 'deputyId');
    }
    if (command.deputyId === state.assignedDeputyId) return fail('INVALID_INPUT', '已经指派给这位代表', 'deputyId');
    return ok({
      changes: { assignedDeputyId: command.deputyId },
      note: trimmed(command.note),
      data: { deputyId: command.deputyId, ...(state.assignedDeputyId ? { previousDeputyId: state.assignedDeputyId } : {}) },
    });
  },

  transfer: (_state, command, { now }) => {
    const missing = requireText(command.receivingBody, 'receivingBody', '转办必须写明承办单位');
    if (missing) return missing;
    if (!(command.deadline instanceof Date) || !(command.deadline.getTime() > now.getTime())) {
      return fail('INVALID_INPUT', '转办的办理期限必须晚于现在', 'deadline');
    }
    const receivingBody = command.receivingBody.trim();
    return ok({
      changes: { transfer: { route: command.route, receivingBody, deadline: command.deadline, at: now }, dueAt: command.deadline },
      note: trimmed(command.note),
      // District-wide matters go as a formal 代表函 to the standing committee (seed `003`).
      data: { route: command.route, receivingBody, deadline: command.deadline, viaDeputyLetter: command.route === 'district_committee' },
    });
  },

  start: (_state, command) => ok({ note: trimmed(command.note) }),

  reply: (_state, command, { now }) =>
    requireText(command.content, 'content', '请填写答复内容') ??
    ok({
      changes: { repliedAt: now, dueAt: undefined },
      note: trimmed(command.content),
      data: command.photoFileIds?.length ? { photoFileIds: [...command.photoFileIds] } : undefined,
    }),

  record_answer: (state, command) => {
    const missing = requireText(command.content, 'content', '请填写承办单位的答复');
    if (missing) return missing;
    const from = trimmed(command.from) ?? state.transfer?.receivingBody;
    if (!from) return fail('INVALID_INPUT', '请写明答复的单位', 'from');
    return ok({ note: trimmed(command.content), data: { from } });
  },

  supervise: (_state, command) => requireText(command.note, 'note', '请填写督办意见') ?? ok({ note: trimmed(command.note), data: { escalated: false } }),

  follow_up: (_state, command) =>
    requireText(command.note, 'note', '请填写回访情况') ??
    ok({ note: trimmed(command.note), data: command.photoFileIds?.length ? { photoFileIds: [...command.photoFileIds] } : undefined }),

  close: (state, command, { now }) => {
    // Without a rating, wait out the quiet period so the resident has had a chance to rate.
    const quiet = CASE_TIME_LIMITS.closeQuietDays;
    if (!state.rating && (!state.repliedAt || !hasElapsed(state.repliedAt, quiet, now))) {
      return fail('NOT_YET_DUE', `答复未满 ${quiet} 天，群众可能还没有评价，请稍后再办结`);
    }
    const withoutRating = !state.rating;
    return ok({
      changes: { closure: { at: now, how: 'officer' as const, withoutRating } },
      note: trimmed(command.note),
      data: { how: 'officer' as const, withoutRating },
    });
  },

  merge: (state, command, { now }) => {
    const into = command.into;
    const refusal =
      into.id === state.id
        ? '不能合并到这件留言本身'
        : into.stationId !== state.stationId
          ? '只能合并到本联络站的留言'
          : !(into.submittedAt.getTime() < state.submittedAt.getTime())
            ? '只能合并到更早提交的留言'
            : into.status === 'withdrawn' || into.status === 'rejected' || into.closure?.how === 'merge'
              ? '目标留言已撤回、不予受理或已被合并，请合并到仍在办理的那一件'
              : undefined;
    // The client names the earlier case by its receipt number.
    if (refusal) return fail('INVALID_INPUT', refusal, 'intoReceiptNo');
    const mergedInto = { id: into.id, receiptNo: into.receiptNo };
    return ok({
      // A merged duplicate was never rated: it must not count towards 满意率.
      changes: { closure: { at: now, how: 'merge' as const, withoutRating: true, mergedInto }, dueAt: undefined },
      note: `与 ${into.receiptNo} 反映的是同一问题，合并办理`,
      data: { intoCaseId: into.id, intoReceiptNo: into.receiptNo },
    });
  },
};
