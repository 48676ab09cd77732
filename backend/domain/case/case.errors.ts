/**
 * Helpers for the lifecycle's expected failures. The codes (ILLEGAL_TRANSITION, REOPEN_LIMIT,
 * NOT_YET_DUE …) are the shared ErrorCode of typings/errors.ts and the failures the shared
 * `Result`; the `detail` says in Chinese why this case refused.
 */
import { fail } from '../result';
import type { Failed } from '../result';
import type { CaseCommandKind } from './case.commands';
import { COMMAND_LABELS, STATUS_PHRASES } from './case.labels';
import type { CaseStatus } from './case.status';

/** Why `command` is impossible from `from`, e.g. "留言已受理，不能撤回". */
export function whyNot(from: CaseStatus, command: CaseCommandKind): string {
  return `留言${STATUS_PHRASES[from]}，不能${COMMAND_LABELS[command]}`;
}

/** A required free-text field that is missing or blank. */
export function requireText(value: string | undefined, field: string, detail: string): Failed | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? undefined : fail('INVALID_INPUT', detail, field);
}
