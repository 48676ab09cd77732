/**
 * The one entry point for changing a case: policy, then the transition table, then the
 * command's own rules. Pure: the caller passes the time and the id source, and persists
 * `next` (if the stored version still equals `state.version`) and appends `events`.
 */
import { fail, ok } from '../result';
import type { Result } from '../result';
import type { Actor, IdGenerator } from './actor';
import type { CaseCommand, CaseCommandKind } from './case.commands';
import { whyNot } from './case.errors';
import type { CaseEvent } from './case.events';
import type { Handler, Handlers } from './case.handler';
import { deputyAndSystemHandlers } from './case.deputy-system-commands';
import { applyTransition } from './case.lifecycle';
import { officerHandlers } from './case.officer-commands';
import { mayIssue } from './case.policy';
import { residentHandlers } from './case.resident-commands';
import type { CaseState } from './case.state';
import { CASE_VERBS } from './case.verbs';
import { deepFreeze, patch } from './freeze';

export interface Decision {
  readonly next: CaseState;
  readonly events: readonly CaseEvent[];
}

const COMMAND_HANDLERS: Handlers<CaseCommandKind> = { ...residentHandlers, ...officerHandlers, ...deputyAndSystemHandlers };

export function decide(state: CaseState, command: CaseCommand, actor: Actor, now: Date, ids: IdGenerator): Result<Decision> {
  // Permission first: a stranger learns nothing about the case's status from the refusal.
  if (!mayIssue(actor, state, command.kind)) return fail('FORBIDDEN');
  const to = applyTransition(state.status, command);
  if (to === undefined) return fail('ILLEGAL_TRANSITION', whyNot(state.status, command.kind));

  // TypeScript cannot tie COMMAND_HANDLERS[kind] to the narrowed command; the mapped type guarantees it.
  const handler = COMMAND_HANDLERS[command.kind] as Handler<CaseCommandKind>;
  const effect = handler(state, command, { now });
  if (!effect.ok) return effect;

  const { changes, note, data } = effect.value;
  const seq = state.lastSeq + 1;
  const next = patch(state, { ...changes, status: to, version: state.version + 1, lastSeq: seq, updatedAt: now });
  const event = {
    id: ids(),
    caseId: state.id,
    seq,
    kind: CASE_VERBS[command.kind].event,
    actorRole: actor.role,
    actorId: actor.id,
    at: now,
    fromStatus: state.status,
    toStatus: to,
    ...(note !== undefined ? { note } : {}),
    ...(data !== undefined ? { data } : {}),
  } as CaseEvent;
  // A clone, so freezing the decision never freezes arrays and objects the caller still holds.
  return ok(deepFreeze(structuredClone({ next, events: [event] })));
}
