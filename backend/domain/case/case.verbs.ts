/**
 * typings' `CaseVerbs` as a value: each verb's command, action and event, for the code that needs
 * the spellings at run time. Its type admits exactly one value, so this is not a second table: a
 * spelling changed here alone fails to compile. Every list below is derived from it.
 */
import type { ApiContract } from '../../../typings/api';
import type { CaseCommandAction, CaseCommandKind, CaseEventKind, CaseVerbs, CommandOfAction } from '../../../typings/case';
import type { Assert } from '../exhaustive';

/** Key order is the order commands are offered in: the resident's first, then the handlers', the scheduler's, the deputy's. */
export const CASE_VERBS: { readonly [K in CaseCommandKind]: Readonly<CaseVerbs[K]> } = {
  // resident (owner)
  withdraw: { action: 'withdraw', event: 'withdrawn' },
  supplement: { action: 'supplement', event: 'supplemented' },
  rate: { action: 'rate', event: 'rated' },
  request_reopen: { action: 'reopen', event: 'reopened' },
  // liaison officer
  accept: { action: 'accept', event: 'accepted' },
  reject: { action: 'reject', event: 'rejected' },
  assign: { action: 'assign', event: 'assigned' },
  transfer: { action: 'transfer', event: 'transferred' },
  start: { action: 'start', event: 'started' },
  reply: { action: 'reply', event: 'replied' },
  record_answer: { action: 'recordAnswer', event: 'answer_recorded' },
  supervise: { action: 'supervise', event: 'supervised' },
  follow_up: { action: 'followUp', event: 'followed_up' },
  close: { action: 'close', event: 'closed' },
  merge: { action: 'merge', event: 'merged' },
  // scheduler
  auto_close: { action: null, event: 'closed' },
  escalate: { action: null, event: 'supervised' },
  // deputy
  request_transfer: { action: 'requestTransfer', event: 'transfer_requested' },
  mark_suggestion: { action: 'markSuggestion', event: 'suggestion_marked' },
};

type Verb = { [K in CaseCommandKind]: [K, Readonly<CaseVerbs[K]>] }[CaseCommandKind];
const VERBS = Object.entries(CASE_VERBS) as Verb[];

/** Every command, in the order they are offered. */
export const CASE_COMMANDS: readonly CaseCommandKind[] = VERBS.map(([command]) => command);

/** Every kind of timeline event, once each (`closed` and `supervised` are recorded by two commands). */
export const CASE_EVENT_KINDS: readonly CaseEventKind[] = ['submitted', ...new Set(VERBS.map(([, verb]) => verb.event))];

/** The event kind command `K` records. */
export type EventKindOf<K extends CaseCommandKind> = CaseVerbs[K]['event'];

/** The command each API action issues (auto_close and escalate have no action: the scheduler's alone). */
export const ACTION_COMMANDS = Object.fromEntries(VERBS.flatMap(([command, { action }]) => (action === null ? [] : [[action, command]]))) as {
  readonly [A in CaseCommandAction]: CommandOfAction<A>;
};

export type CommandAction = CaseCommandAction;

/** Commands a reader can actually issue through the API: only these become buttons. */
export const API_COMMANDS: readonly CaseCommandKind[] = VERBS.filter(([, verb]) => verb.action !== null).map(([command]) => command);

/** Compile-time: every action of the table is an action of the `case` function. */
export type VerbActionsInContract = Assert<[Exclude<CaseCommandAction, keyof ApiContract['case']>] extends [never] ? true : false>;
