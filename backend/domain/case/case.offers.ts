/**
 * The commands to offer a reader as buttons: what the policy and the transition table allow
 * (`availableCommands`) and what the case's own data does not rule out — no "重办" after a
 * satisfied rating, no "办结" during the quiet period. Asked of `decide` itself with a
 * placeholder command, so the buttons can never disagree with what the server accepts;
 * a refusal only of the placeholder's input (INVALID_INPUT) still offers the command.
 */
import type { Actor } from './actor';
import type { CaseCommand, CaseCommandKind } from './case.commands';
import { decide } from './case.decide';
import { availableCommands } from './case.policy';
import type { CaseState } from './case.state';

const DAY_MS = 24 * 60 * 60 * 1000;

function placeholder(kind: CaseCommandKind, state: CaseState, now: Date): CaseCommand {
  const text = '…';
  switch (kind) {
    case 'withdraw':
    case 'accept':
    case 'start':
    case 'close':
    case 'auto_close':
    case 'escalate':
    case 'mark_suggestion':
      return { kind } as CaseCommand;
    case 'supplement':
    case 'supervise':
    case 'follow_up':
    case 'request_transfer':
      return { kind, note: text };
    case 'rate':
      return { kind, rating: 'satisfied' };
    case 'request_reopen':
      return { kind, reason: text };
    case 'reject':
      return { kind, reason: text, referral: text };
    case 'assign':
      return { kind, deputyId: '\u0000', deputyStationIds: [state.stationId] };
    case 'transfer':
      return { kind, route: 'street_office', receivingBody: text, deadline: new Date(now.getTime() + DAY_MS) };
    case 'reply':
    case 'record_answer':
      return { kind, content: text, ...(kind === 'record_answer' ? { from: text } : {}) };
    case 'merge':
      return { kind, into: { id: '\u0000', receiptNo: text, stationId: state.stationId, submittedAt: new Date(0), status: 'accepted' } };
  }
}

/** Whether `decide` would take `kind` now, the placeholder's own input apart. */
function accepted(actor: Actor, state: CaseState, kind: CaseCommandKind, now: Date): boolean {
  const outcome = decide(state, placeholder(kind, state, now), actor, now, () => 'offer-probe');
  return outcome.ok || outcome.failure.code === 'INVALID_INPUT';
}

export function offeredCommands(actor: Actor, state: CaseState, now: Date): CaseCommandKind[] {
  return availableCommands(actor, state).filter((kind) => accepted(actor, state, kind, now));
}

/**
 * Whether this one command is offered now: 我的留言's 待评价 is `isOffered(owner, case, 'rate')`,
 * the very rule the case page's 评价 button and the server's refusal follow — a reply already
 * rated (不满意, not yet reopened) or a closed case is not waiting for a rating.
 */
export function isOffered(actor: Actor, state: CaseState, kind: CaseCommandKind, now: Date): boolean {
  return availableCommands(actor, state).includes(kind) && accepted(actor, state, kind, now);
}
