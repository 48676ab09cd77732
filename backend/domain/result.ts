import type { ErrorCode } from '../../typings/errors';

/** An expected failure, as a value. The Chinese message is looked up from `code` at the edge. */
export interface Failure {
  readonly code: ErrorCode;
  /** For INVALID_INPUT: the input field that failed. */
  readonly field?: string;
  /** A Chinese explanation specific to this failure, when the generic one is not enough. */
  readonly detail?: string;
}

/**
 * The back end's one result: a value, or an expected failure. `F` is the domain's `Failure` but
 * where a platform gateway answers in its own terms (WeChat's errcode and retryability).
 */
export type Result<T, F = Failure> = { ok: true; value: T } | Failed<F>;

export type Failed<F = Failure> = { ok: false; failure: F };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** Absent details stay absent (not `undefined`), so failures compare and serialise cleanly. */
export const fail = (code: ErrorCode, detail?: string, field?: string): Failed => ({
  ok: false,
  failure: { code, ...(detail !== undefined ? { detail } : {}), ...(field !== undefined ? { field } : {}) },
});
