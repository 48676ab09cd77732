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
  /** The same title and content as one of the caller's cases of the last 30 days. */
  | 'DUPLICATE_CONTENT'
  /** The case's current status does not allow the command (the message says why). */
  | 'ILLEGAL_TRANSITION'
  /** A case may be reopened (重办) only so many times. */
  | 'REOPEN_LIMIT'
  /** A waiting period has not passed yet (quiet period before closing, escalation repeat). */
  | 'NOT_YET_DUE'
  /** The chosen reception slot has no place left. */
  | 'SLOT_FULL'
  /** The resident already holds as many open (upcoming) bookings as one may: cancel one first. */
  | 'BOOKING_LIMIT'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  /** Chinese, ready to show to a person. */
  message: string;
  /** For INVALID_INPUT: the field that failed, as the client named it, as a dotted path ('contact.phone', 'photoFileIds.0'). */
  field?: string;
}

/**
 * What every function answers. The mini-program's own steps (a device API, an upload) answer the
 * same shape with their own error (`Outcome`, miniprogram/services/outcome.ts), so a page handles both alike.
 */
export type ApiResult<T, E = ApiError> = { ok: true; data: T } | { ok: false; error: E };
