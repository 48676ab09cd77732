import type { ApiResult } from '../../typings/errors';

/** Why a step failed, ready to show: a sentence, and optionally what the person can do. */
export interface Failure {
  message: string;
  hint?: string;
  /** Stable code when the failure came from the API (typings/errors.ts) or a device API. */
  code?: string;
}

/**
 * An expected failure is a value, not an exception: an ApiResult (typings/errors.ts) whose failure may
 * also come from the phone (a device API, an upload), with a hint. Every ApiResult is an Outcome.
 */
export type Outcome<T> = ApiResult<T, Failure>;
