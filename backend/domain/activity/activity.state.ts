/**
 * The life of a recorded activity, as a pure table: recorded → confirmed | disputed; a
 * disputed one is corrected and sent again once (→ recorded), or withdrawn. Confirmed and
 * withdrawn are final. Every step appends one event; events are never changed.
 */
import type { ActivityStatus } from '../../../typings/activity';
import { fail, ok, type Result } from '../result';
import { ACTIVITY_RULES } from './activity.rules';

export type ActivityCommand = 'confirm' | 'dispute' | 'resend' | 'withdraw';

export interface ActivityEvent {
  readonly seq: number;
  readonly kind: 'recorded' | 'confirmed' | 'disputed' | 'resent' | 'withdrawn';
  readonly at: Date;
  readonly actorRole: 'officer' | 'deputy';
  readonly actorId: string;
  /** The deputy's reason for a dispute. */
  readonly reason?: string;
}

/** Which command moves which status where; anything not listed is refused. */
export const ACTIVITY_TRANSITIONS: Readonly<Record<ActivityStatus, Partial<Record<ActivityCommand, ActivityStatus>>>> = {
  recorded: { confirm: 'confirmed', dispute: 'disputed' },
  disputed: { resend: 'recorded', withdraw: 'withdrawn' },
  confirmed: {},
  withdrawn: {},
};

const EVENT_OF: Readonly<Record<ActivityCommand, ActivityEvent['kind']>> = { confirm: 'confirmed', dispute: 'disputed', resend: 'resent', withdraw: 'withdrawn' };

const REFUSAL: Readonly<Record<ActivityStatus, string>> = {
  recorded: '这条履职活动正等待代表确认',
  confirmed: '这条履职活动已经确认，不能再修改',
  disputed: '这条履职活动代表有异议，请联络员更正或撤回',
  withdrawn: '这条履职活动已撤回',
};

export interface ActivityState {
  readonly status: ActivityStatus;
  readonly resends: number;
  readonly events: readonly ActivityEvent[];
}

/** The state after `command`, with its one new event; or why not. */
export function applyActivityCommand(
  state: ActivityState,
  command: ActivityCommand,
  by: { role: 'officer' | 'deputy'; id: string; at: Date; reason?: string },
): Result<ActivityState & { event: ActivityEvent }> {
  const next = ACTIVITY_TRANSITIONS[state.status][command];
  if (!next) return fail('ILLEGAL_TRANSITION', REFUSAL[state.status]);
  if (command === 'resend' && state.resends >= ACTIVITY_RULES.maxResends) return fail('ILLEGAL_TRANSITION', '这条履职活动已更正过一次，不能再次发送，请撤回后重新登记');
  const event: ActivityEvent = {
    seq: state.events.length + 1,
    kind: EVENT_OF[command],
    at: by.at,
    actorRole: by.role,
    actorId: by.id,
    ...(by.reason ? { reason: by.reason } : {}),
  };
  return ok({ status: next, resends: state.resends + (command === 'resend' ? 1 : 0), events: [...state.events, event], event });
}
