/**
 * Expected failures of case commands, as values. The codes extend the shared ErrorCode
 * with the lifecycle's own; the `detail` says in Chinese why this case refused.
 */
import type { ErrorCode } from '../../../typings/errors';
import type { CaseCommandKind } from './case.commands';
import { COMMAND_LABELS, STATUS_PHRASES } from './case.labels';
import type { CaseStatus } from './case.status';
import { MAX_REOPENS } from './case.status';

/** Codes this folder adds; they belong in typings/errors.ts once the contract exposes cases. */
export type CaseOnlyErrorCode =
  /** The command is not possible in the case's current status (or state). */
  | 'ILLEGAL_TRANSITION'
  /** The case has been reopened MAX_REOPENS times already. */
  | 'REOPEN_LIMIT'
  /** A waiting period has not passed yet (quiet period before closing, escalation repeat). */
  | 'NOT_YET_DUE';

export type CaseErrorCode = ErrorCode | CaseOnlyErrorCode;

export interface CaseFailure {
  readonly code: CaseErrorCode;
  /** For INVALID_INPUT: the command field that failed. */
  readonly field?: string;
  /** A Chinese explanation specific to this refusal. */
  readonly detail?: string;
}

export type CaseResult<T> = { ok: true; value: T } | { ok: false; failure: CaseFailure };

export const caseFail = (code: CaseErrorCode, detail?: string, field?: string): { ok: false; failure: CaseFailure } => ({
  ok: false,
  failure: field === undefined ? { code, detail } : { code, detail, field },
});

/** Generic Chinese messages for the new codes, to merge into error-messages.ts with them. */
export const CASE_ERROR_MESSAGES: Readonly<Record<CaseOnlyErrorCode, string>> = {
  ILLEGAL_TRANSITION: '留言当前的状态不能进行这个操作，请刷新后再试',
  REOPEN_LIMIT: `每件留言最多申请重办 ${MAX_REOPENS} 次`,
  NOT_YET_DUE: '还没到可以进行这个操作的时间',
};

/** Why `command` is impossible from `from`, e.g. "留言已受理，不能撤回". */
export function whyNot(from: CaseStatus, command: CaseCommandKind): string {
  return `留言${STATUS_PHRASES[from]}，不能${COMMAND_LABELS[command]}`;
}

/** A required free-text field that is missing or blank. */
export function requireText(value: string | undefined, field: string, detail: string): { ok: false; failure: CaseFailure } | undefined {
  return typeof value === 'string' && value.trim().length > 0 ? undefined : caseFail('INVALID_INPUT', detail, field);
}
