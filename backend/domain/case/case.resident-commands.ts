/**
 * What the resident who owns a case may do: withdraw it before acceptance, add to it,
 * rate the answer, and ask for it to be handled again (重办).
 */
import { fail, ok } from '../result';
import { requireText } from './case.errors';
import type { Handlers } from './case.handler';
import { trimmed } from './case.handler';
import type { CaseState } from './case.state';
import { SATISFIED_RATINGS } from './case.state';
import { MAX_REOPENS } from './case.status';
import { CASE_TIME_LIMITS, hasElapsed, replyDueAt } from './deadlines';

type ResidentCommand = 'withdraw' | 'supplement' | 'rate' | 'request_reopen';

export const residentHandlers: Handlers<ResidentCommand> = {
  withdraw: (_state, command) => ok({ changes: { dueAt: undefined }, note: trimmed(command.reason) }),

  supplement: (_state, command) =>
    requireText(command.note, 'note', '请填写补充说明') ??
    ok({
      note: trimmed(command.note),
      data: command.photoFileIds?.length ? { photoFileIds: [...command.photoFileIds] } : undefined,
    }),

  rate: (state, command, { now }) => {
    // One rating per reply: after 不满意 the way forward is 重办, not a second opinion.
    if (state.rating) return fail('ILLEGAL_TRANSITION', '您已评价过这次答复，如不满意可以申请重办');
    const comment = trimmed(command.comment);
    const closes = SATISFIED_RATINGS.includes(command.rating);
    return ok({
      changes: {
        rating: { value: command.rating, at: now, ...(comment ? { comment } : {}) },
        ...(closes ? { closure: { at: now, how: 'rating' as const, withoutRating: false } } : {}),
      },
      note: comment,
      data: { rating: command.rating },
    });
  },

  request_reopen: (state, command, { now }) => {
    const refused = closedCaseRefusal(state, now);
    if (refused) return fail('ILLEGAL_TRANSITION', refused);
    if (state.reopenCount >= MAX_REOPENS) {
      return fail('REOPEN_LIMIT', `这件留言已重办 ${MAX_REOPENS} 次，不能再申请重办；如仍有问题，请重新留言`);
    }
    const missing = requireText(command.reason, 'reason', '请说明需要重办的原因');
    if (missing) return missing;
    // The new round starts clean; the previous reply and rating stay in the timeline.
    return ok({
      changes: {
        reopenCount: state.reopenCount + 1,
        rating: undefined,
        closure: undefined,
        repliedAt: undefined,
        dueAt: replyDueAt(now),
      },
      note: trimmed(command.reason),
      data: { reopenCount: state.reopenCount + 1, ...(state.rating ? { previousRating: state.rating.value } : {}) },
    });
  },
};

/** Why a closed case may not be reopened, or undefined when it may (or is not closed). */
function closedCaseRefusal(state: CaseState, now: Date): string | undefined {
  const closure = state.closure;
  if (state.status !== 'closed' || !closure) return undefined;
  if (closure.how === 'merge') return `这件留言已合并到 ${closure.mergedInto?.receiptNo ?? '另一件留言'} 办理，请在那件留言中申请重办`;
  if (state.rating && SATISFIED_RATINGS.includes(state.rating.value)) return '您已评价满意，这件留言不能再申请重办';
  if (hasElapsed(closure.at, CASE_TIME_LIMITS.reopenWindowDays, now)) {
    return `办结已超过 ${CASE_TIME_LIMITS.reopenWindowDays} 天，不能再申请重办；如仍有问题，请重新留言`;
  }
  return undefined;
}
