/**
 * Stable error codes every function may answer. The code is for programs; the Chinese
 * message shown to a person is looked up from it (backend/domain/error-messages.ts).
 */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_ACTION'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'CONTENT_RISKY'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  /** Chinese, ready to show to a person. */
  message: string;
  /** For INVALID_INPUT: the field that failed, as the client named it. */
  field?: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };
