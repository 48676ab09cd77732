import type { ErrorCode } from '../../typings/errors';

/** An expected failure, as a value. The Chinese message is looked up from `code` at the edge. */
export interface Failure {
  code: ErrorCode;
  /** For INVALID_INPUT: the input field that failed. */
  field?: string;
  /** A Chinese explanation specific to this failure, when the generic one is not enough. */
  detail?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, detail?: string, field?: string): { ok: false; failure: Failure } => ({
  ok: false,
  failure: { code, detail, field },
});
