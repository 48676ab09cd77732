/** Why a step failed, ready to show: a sentence, and optionally what the person can do. */
export interface Failure {
  message: string;
  hint?: string;
  /** Stable code when the failure came from the API (typings/errors.ts) or a device API. */
  code?: string;
}

/** An expected failure is a value, not an exception; every ApiResult (typings/errors.ts) is an Outcome. */
export type Outcome<T> = { ok: true; data: T } | { ok: false; error: Failure };
