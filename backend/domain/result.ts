import type { ErrorCode } from '../../typings/errors';

/** An expected failure, as a value. The Chinese message is looked up from `code` at the edge. */
export interface Failure {
  readonly code: ErrorCode;
  /** For INVALID_INPUT: the input field that failed. */
  readonly field?: string;
  /** A Chinese explanation specific to this failure, when the generic one is not enough. */
  readonly detail?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export type Failed = { ok: false; failure: Failure };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** Absent details stay absent (not `undefined`), so failures compare and serialise cleanly. */
export const fail = (code: ErrorCode, detail?: string, field?: string): Failed => ({
  ok: false,
  failure: { code, ...(detail !== undefined ? { detail } : {}), ...(field !== undefined ? { field } : {}) },
});
