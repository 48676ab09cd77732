/**
 * Before a case is opened: a retried request is answered with the case it already made,
 * and a resident may not flood a station — at most 3 new cases a minute and 10 in any
 * 24 hours, and never the same title and content twice within 30 days. The decision is pure.
 *
 * What it reads is the caller's submission window: one document holding their submissions of
 * the last 30 days (request id, case id, receipt number, text fingerprint, time). The use case
 * reads it, asks here, and stores `windowAfter` only if nobody wrote the window since it read
 * it; parallel submissions of one resident therefore go one after another through this gate,
 * and the limits hold exactly however many arrive at once.
 */
import { fail, ok } from '../result';
import { comparable } from '../text';
import type { Result } from '../result';

export const SUBMISSION_LIMITS = {
  perMinute: 3,
  perDay: 10,
  duplicateWindowDays: 30,
} as const;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** How far back the use case must read the caller's cases for `gateSubmission`. */
export const lookbackStart = (now: Date): Date => new Date(now.getTime() - SUBMISSION_LIMITS.duplicateWindowDays * DAY_MS);

export interface RecentSubmission {
  readonly caseId: string;
  readonly receiptNo: string;
  readonly requestId: string;
  /** Fingerprint of the normalised title and content (the use case hashes them). */
  readonly contentHash: string;
  readonly submittedAt: Date;
}

export type SubmissionGate =
  /** The same request was already accepted: answer its case, create nothing. */
  { readonly kind: 'replay'; readonly caseId: string; readonly receiptNo: string } | { readonly kind: 'open' };

export function gateSubmission(
  recent: readonly RecentSubmission[],
  attempt: { readonly requestId: string; readonly contentHash: string; readonly now: Date },
  /** What the window counts, as its refusals say it: cases alone, or cases and 立法意见 together. */
  counted = '件留言',
): Result<SubmissionGate> {
  const replayed = recent.find((c) => c.requestId === attempt.requestId);
  if (replayed) return ok({ kind: 'replay', caseId: replayed.caseId, receiptNo: replayed.receiptNo });

  const limited = rateRefusal(
    recent.map((c) => c.submittedAt),
    attempt.now,
    counted,
  );
  if (limited) return limited;
  const duplicate = recent.find(
    (c) => c.contentHash === attempt.contentHash && attempt.now.getTime() - c.submittedAt.getTime() < SUBMISSION_LIMITS.duplicateWindowDays * DAY_MS,
  );
  if (duplicate) {
    return fail('DUPLICATE_CONTENT', `您已提交过相同内容的留言（受理编号 ${duplicate.receiptNo}），请在“我的留言”中查看办理进度`);
  }
  return ok({ kind: 'open' });
}

/** The refusal when `times` (the caller's earlier submissions) already reach a limit at `now`. */
function rateRefusal(times: readonly Date[], now: Date, counted: string) {
  const since = (ms: number) => times.filter((at) => now.getTime() - at.getTime() < ms).length;
  if (since(MINUTE_MS) >= SUBMISSION_LIMITS.perMinute) {
    return fail('RATE_LIMITED', `一分钟内最多提交 ${SUBMISSION_LIMITS.perMinute} ${counted}，请稍后再试`);
  }
  if (since(DAY_MS) >= SUBMISSION_LIMITS.perDay) {
    return fail('RATE_LIMITED', `24 小时内最多提交 ${SUBMISSION_LIMITS.perDay} ${counted}，请明天再试`);
  }
  return undefined;
}

/**
 * The window to store once `entry` is admitted: the submissions of the duplicate window (30
 * days, which covers the 24 hours of the rate limits), then the new one.
 */
export function windowAfter(recent: readonly RecentSubmission[], entry: RecentSubmission, now: Date): RecentSubmission[] {
  const since = lookbackStart(now).getTime();
  return [...recent.filter((c) => c.submittedAt.getTime() >= since), entry];
}

/**
 * What is compared for duplicates: the texts as the one normaliser compares them (`comparable`:
 * invisible characters, spacing and character width ignored), so neither re-typed spacing nor
 * a zero-width space makes the same message new.
 */
export function fingerprintText(title: string, content: string): string {
  return `${comparable(title)}\u0000${comparable(content)}`;
}

/**
 * The fingerprint of a submission: its title as stored (case.title.ts) and its text, and a
 * voice message's file when it has one — a recording is new each time (a file goes into one
 * message only), so two voice messages are never "the same content", whatever title they share.
 */
export function submissionFingerprint(submission: { readonly title: string; readonly content: string; readonly voiceFileId?: string }): string {
  const text = fingerprintText(submission.title, submission.content);
  return submission.voiceFileId ? `${text}\u0000${submission.voiceFileId}` : text;
}
