/**
 * Which WeChat open-API failures are worth another try. Retry only what is known to be
 * transient (busy, rate-limited, timed out, 5xx); anything else — refused consent, bad
 * data, unknown user — fails the same way every time, so retrying only burns quota.
 */
import type { Failed } from '../domain/result';

export interface WxFailure {
  /** WeChat's errcode; CloudBase's cloud-call codes are negative (-604101: not in config.json). */
  errcode: number;
  errmsg: string;
  retryable: boolean;
  /**
   * The request reached WeChat but no answer came back (a read timeout): WeChat may have
   * carried it out. Harmless to repeat for a check; for a send it may mean a second message.
   */
  outcomeUnknown?: boolean;
}

/** Our own code for a failure before WeChat answered (timeout, CloudBase error, HTTP 5xx). */
export const TRANSPORT_ERRCODE = -1;

const RETRYABLE_ERRCODES = new Set([
  -1, // system busy / transport failure
  45009, // API call quota (per minute or per day) reached
  45011, // API minute quota reached
  45047, // too many messages to this user in a short time
  40001, // access token expired under us: CloudBase refreshes it
  42001, // access token expired
]);

/** Cloud-call system codes that are about configuration, not load. */
const PERMANENT_SYSTEM_ERRCODES = new Set([-604101, -604100]);

export function isRetryableErrcode(errcode: number): boolean {
  if (RETRYABLE_ERRCODES.has(errcode)) return true;
  return errcode < 0 && !PERMANENT_SYSTEM_ERRCODES.has(errcode);
}

export function wxFailure(errcode: number, errmsg: string, retryable = isRetryableErrcode(errcode)): Failed<WxFailure> {
  return { ok: false, failure: { errcode, errmsg, retryable } };
}

// CloudBase errors that mean our request is wrong; the rest (SYS_ERR, timeouts) are load.
const PERMANENT_CLOUDBASE_CODES = new Set(['INVALID_PARAM', 'PERMISSION_DENIED', 'OPERATION_NOT_SUPPORTED', 'INVALID_ENV', 'SIGN_PARAM_INVALID']);

/** The SDK threw: a CloudBase error (`code`, `message`), a socket error or an HTTP status. */
export function transportFailure(error: unknown): Failed<WxFailure> {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const label = code === undefined ? 'ERROR' : String(code);
  const retryable = !PERMANENT_CLOUDBASE_CODES.has(label) && !(typeof code === 'number' && code >= 400 && code < 500 && code !== 429);
  const failure = wxFailure(TRANSPORT_ERRCODE, `${label}: ${String(message ?? error)}`, retryable);
  // The SDK's request-core tells a read timeout (connected, no answer: ESOCKETTIMEDOUT) from a
  // connect timeout (ETIMEDOUT, nothing sent); only the first leaves the outcome unknown.
  return label === 'ESOCKETTIMEDOUT' ? { ok: false, failure: { ...failure.failure, outcomeUnknown: true } } : failure;
}
