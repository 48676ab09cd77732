/**
 * What every answer must be, whatever was sent: HTTP 200 and a well-formed ApiResult whose
 * error code is one of typings/errors.ts, never INTERNAL, with a Chinese message.
 */
import type { ErrorCode } from '../../../typings/errors';

/** Every ErrorCode; `satisfies` breaks the build if typings/errors.ts gains or loses one. */
const CODES = {
  INVALID_INPUT: true,
  UNKNOWN_ACTION: true,
  NOT_FOUND: true,
  FORBIDDEN: true,
  UNAUTHENTICATED: true,
  CONFLICT: true,
  RATE_LIMITED: true,
  CONTENT_RISKY: true,
  DUPLICATE_CONTENT: true,
  ILLEGAL_TRANSITION: true,
  REOPEN_LIMIT: true,
  NOT_YET_DUE: true,
  SLOT_FULL: true,
  BOOKING_LIMIT: true,
  INTERNAL: true,
} satisfies Record<ErrorCode, true>;

export const ERROR_CODES = Object.keys(CODES) as ErrorCode[];

const CHINESE = /[\u4e00-\u9fff]/;

/** `ok` or the error code; a problem description when the answer breaks the contract. */
export function judgeAnswer(status: number, body: unknown): { outcome: string; problem?: string } {
  if (status !== 200) return { outcome: `HTTP ${status}`, problem: `HTTP ${status}: ${JSON.stringify(body).slice(0, 300)}` };
  if (typeof body !== 'object' || body === null) return { outcome: 'malformed', problem: `not an object: ${JSON.stringify(body)}` };
  const answer = body as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (answer.ok === true) return 'data' in answer ? { outcome: 'ok' } : { outcome: 'malformed', problem: 'ok:true without data' };
  if (answer.ok !== false || typeof answer.error !== 'object' || answer.error === null) {
    return { outcome: 'malformed', problem: `not an ApiResult: ${JSON.stringify(body).slice(0, 300)}` };
  }
  const { code, message } = answer.error;
  if (typeof code !== 'string' || !(ERROR_CODES as string[]).includes(code)) return { outcome: String(code), problem: `undocumented code ${String(code)}` };
  if (code === 'INTERNAL') return { outcome: code, problem: 'INTERNAL' };
  if (typeof message !== 'string' || !CHINESE.test(message)) return { outcome: code, problem: `message not Chinese: ${JSON.stringify(message)}` };
  return { outcome: code };
}
