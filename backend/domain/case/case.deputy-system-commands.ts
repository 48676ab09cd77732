/**
 * What deputies add to a case beyond replying, and what the scheduler does on its own:
 * close replies nobody rated, and chase overdue cases (督办).
 */
import { shanghaiDate } from '../calendar';
import { fail, ok } from '../result';
import { requireText } from './case.errors';
import type { Handlers } from './case.handler';
import { trimmed } from './case.handler';
import { CASE_TIME_LIMITS, hasElapsed, isOverdue } from './deadlines';

type DeputyOrSystemCommand = 'auto_close' | 'escalate' | 'request_transfer' | 'mark_suggestion';

export const deputyAndSystemHandlers: Handlers<DeputyOrSystemCommand> = {
  auto_close: (state, _command, { now }) => {
    // A rated (不满意) reply is the officer's call: close it or wait for 重办.
    if (state.rating) return fail('ILLEGAL_TRANSITION', '群众已评价，由联络员办结');
    const days = CASE_TIME_LIMITS.autoCloseDays;
    if (!state.repliedAt || !hasElapsed(state.repliedAt, days, now)) return fail('NOT_YET_DUE', `答复未满 ${days} 天`);
    return ok({
      changes: { closure: { at: now, how: 'auto' as const, withoutRating: true } },
      note: `答复后 ${days} 天未评价，系统自动办结`,
      data: { how: 'auto' as const, withoutRating: true },
    });
  },

  escalate: (state, _command, { now }) => {
    if (!isOverdue(state, now) || !state.dueAt) return fail('NOT_YET_DUE', '尚未超过办理期限');
    // The scheduler runs daily; repeating a 督办 every day would bury the timeline.
    const repeat = CASE_TIME_LIMITS.escalateRepeatDays;
    if (state.lastEscalatedAt && !hasElapsed(state.lastEscalatedAt, repeat, now)) {
      return fail('NOT_YET_DUE', `${repeat} 天内已督办过`);
    }
    return ok({
      changes: { lastEscalatedAt: now },
      note: `已超过办理期限（${shanghaiDate(state.dueAt)}），系统自动督办`,
      data: { escalated: true, dueAt: state.dueAt },
    });
  },

  request_transfer: (_state, command) =>
    requireText(command.note, 'note', '请说明建议转办的理由') ?? ok({ note: trimmed(command.note), data: command.route ? { route: command.route } : {} }),

  // Raised as a formal 代表建议 once; the duty record counts it (DOMAIN: ≥ 1 suggestion a year).
  mark_suggestion: (state, command, { now }) => {
    if (state.suggestionMarkedAt) return fail('ILLEGAL_TRANSITION', '这件留言已提为代表建议');
    return ok({ changes: { suggestionMarkedAt: now }, note: trimmed(command.note) });
  },
};
