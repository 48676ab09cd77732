/**
 * The lifecycle as a table: for each command, the statuses it may be issued from and
 * the status it leads to. `same` is a timeline-only event. Data-dependent refinements
 * (reopen limit, quiet periods, required fields) live in the command handlers; this
 * table is what the UI may offer at all.
 */
import type { Actor, ActorRole } from './actor';
import type { CaseCommand, CaseCommandKind } from './case.commands';
import { SATISFIED_RATINGS } from './case.state';
import type { CaseStatus } from './case.status';

/** `closed_if_satisfied`: a rating closes the case unless it says 不满意. */
export type NextStatus = CaseStatus | 'same' | 'closed_if_satisfied';

type Row = Readonly<Partial<Record<CaseStatus, NextStatus>>>;

const NOT_FINAL = { submitted: 'same', accepted: 'same', transferred: 'same', in_progress: 'same', replied: 'same' } as const;
const OPEN = { submitted: 'same', accepted: 'same', transferred: 'same', in_progress: 'same' } as const;
const HANDLED = { accepted: 'same', transferred: 'same', in_progress: 'same', replied: 'same', closed: 'same' } as const;

export const TRANSITIONS: Readonly<Record<CaseCommandKind, Row>> = {
  withdraw: { submitted: 'withdrawn' },
  supplement: NOT_FINAL,
  rate: { replied: 'closed_if_satisfied' },
  // From closed only when it was not closed as satisfied or merged, within a window (handler).
  request_reopen: { replied: 'in_progress', closed: 'in_progress' },
  accept: { submitted: 'accepted' },
  reject: { submitted: 'rejected' },
  assign: { accepted: 'same', transferred: 'same', in_progress: 'same' },
  transfer: { accepted: 'transferred', in_progress: 'transferred', transferred: 'same' },
  // From transferred: the station takes the matter back, e.g. the street office declined it.
  start: { accepted: 'in_progress', transferred: 'in_progress' },
  // Replying straight from accepted or transferred spares a pointless "start" on simple cases.
  reply: { accepted: 'replied', transferred: 'replied', in_progress: 'replied' },
  // A receiving body's answer may arrive after the station's interim reply.
  record_answer: { transferred: 'same', in_progress: 'same', replied: 'same' },
  supervise: NOT_FINAL,
  // 回访 goes back to residents after the matter is solved, so closed cases take it too.
  follow_up: HANDLED,
  close: { replied: 'closed' },
  // Duplicates are merged at triage, before any handling has been invested in them.
  merge: { submitted: 'closed', accepted: 'closed' },
  auto_close: { replied: 'closed' },
  escalate: OPEN,
  request_transfer: OPEN,
  mark_suggestion: HANDLED,
};

/** Which roles may issue each command at all; case-level scope is in case.policy.ts. */
export const COMMAND_ROLES: Readonly<Record<CaseCommandKind, readonly ActorRole[]>> = {
  withdraw: ['resident'],
  supplement: ['resident'],
  rate: ['resident'],
  request_reopen: ['resident'],
  accept: ['officer'],
  reject: ['officer'],
  assign: ['officer'],
  transfer: ['officer'],
  start: ['officer'],
  reply: ['officer', 'deputy'],
  record_answer: ['officer'],
  supervise: ['officer', 'admin'],
  follow_up: ['officer', 'deputy'],
  close: ['officer'],
  merge: ['officer'],
  auto_close: ['system'],
  escalate: ['system'],
  request_transfer: ['deputy'],
  mark_suggestion: ['deputy'],
};

/** Whether the table lets this role issue `command` from `from` (before case-specific checks). */
export function canTransition(from: CaseStatus, command: CaseCommandKind, actor: Pick<Actor, 'role'>): boolean {
  // Handling units (承办单位) act on suggestions only: no case command is theirs.
  return TRANSITIONS[command][from] !== undefined && actor.role !== 'unit' && COMMAND_ROLES[command].includes(actor.role);
}

/** The status `command` leads to from `from`, or undefined when the table forbids it. */
export function applyTransition(from: CaseStatus, command: CaseCommand): CaseStatus | undefined {
  const next = TRANSITIONS[command.kind][from];
  if (next === undefined) return undefined;
  if (next === 'same') return from;
  if (next === 'closed_if_satisfied') {
    return command.kind === 'rate' && SATISFIED_RATINGS.includes(command.rating) ? 'closed' : from;
  }
  return next;
}
