/**
 * The shape of a command handler: given a case already allowed by policy and table,
 * check the command's own conditions and say what changes and what the event records.
 */
import type { CaseCommandKind, CommandOf } from './case.commands';
import type { Result } from '../result';
import type { CaseEventData } from './case.events';
import type { CaseState } from './case.state';
import type { EventKindOf } from './case.verbs';

/** Fields to change; a field set to undefined is removed from the document. */
export type Changes = { -readonly [K in keyof CaseState]?: CaseState[K] };

/** What a handler decides: the fields to change, and the note and data its event records. */
export interface Effect<K extends CaseCommandKind> {
  readonly changes?: Changes;
  readonly note?: string;
  readonly data?: CaseEventData[EventKindOf<K>];
}

export interface HandlerContext {
  readonly now: Date;
}

export type Handler<K extends CaseCommandKind> = (state: CaseState, command: CommandOf<K>, context: HandlerContext) => Result<Effect<K>>;

export type Handlers<K extends CaseCommandKind> = { readonly [P in K]: Handler<P> };

/** Trimmed text, or undefined when blank: optional notes never record whitespace. */
export function trimmed(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}
