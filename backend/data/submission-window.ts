/**
 * A resident's submission window, in the `counters` collection: their submissions of the last
 * 30 days — request id, case id, receipt number, text fingerprint, time (case.submission-gate.ts).
 * What a submission checks (a retry, the rate limits, a duplicate) is read here in one request,
 * and admitting one is one conditional write: stored only if nobody wrote the window since it
 * was read (`rev`), else the caller reads it again and decides again. So parallel submissions
 * of one resident are admitted one at a time and the limits hold however many arrive at once.
 *
 * It is also the submission's idempotency record: an entry names the case (id and receipt
 * number) its request makes, written before the case is, so a retry — or a twin racing the
 * first call — finishes that same case instead of making another.
 *
 * Keyed by a hash of the openid, never the openid; it holds the exact submission times and the
 * client's request ids, so it is removed with the account (`removeSubmissionWindow`).
 */
import { createHash } from 'node:crypto';
import type { RecentSubmission } from '../domain/case';
import type { Database } from '../platform/cloudbase';

const COUNTERS = 'counters';
const DUPLICATE = 'DATABASE_DUPLICATE_WRITE';

const windowId = (openid: string): string => `submissions-${createHash('sha256').update(openid).digest('hex')}`;

export interface SubmissionWindow {
  /** How many times the window was written; undefined while it does not exist. */
  readonly rev: number | undefined;
  readonly recent: readonly RecentSubmission[];
}

interface StoredEntry {
  at: Date;
  requestId: string;
  caseId: string;
  receiptNo: string;
  contentHash: string;
}

export async function readSubmissionWindow(db: Database, openid: string): Promise<SubmissionWindow> {
  const { data } = await db
    .collection(COUNTERS)
    .where({ _id: windowId(openid) })
    .limit(1)
    .get();
  const doc = data[0] as { rev?: number; entries?: StoredEntry[] } | undefined;
  if (!doc) return { rev: undefined, recent: [] };
  const recent = (Array.isArray(doc.entries) ? doc.entries : []).map((e) => ({
    caseId: String(e.caseId),
    receiptNo: String(e.receiptNo),
    requestId: String(e.requestId),
    contentHash: String(e.contentHash),
    submittedAt: new Date(e.at),
  }));
  return { rev: Number(doc.rev ?? 0), recent: recent.filter((e) => !Number.isNaN(e.submittedAt.getTime())) };
}

/**
 * Stores `recent` as the window, only if it is still at `read.rev` (or still absent): true when
 * stored, false when another submission wrote it first.
 */
export async function saveSubmissionWindow(db: Database, openid: string, read: SubmissionWindow, recent: readonly RecentSubmission[], now: Date): Promise<boolean> {
  const _id = windowId(openid);
  const entries: StoredEntry[] = recent.map((e) => ({ at: e.submittedAt, requestId: e.requestId, caseId: e.caseId, receiptNo: e.receiptNo, contentHash: e.contentHash }));
  if (read.rev === undefined) {
    try {
      await db.collection(COUNTERS).add({ _id, rev: 1, entries, updatedAt: now });
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === DUPLICATE) return false;
      throw error;
    }
  }
  const _ = db.command;
  // A window written before it had a `rev` (only the times of the last 24 hours) reads as rev 0: null matches the missing field.
  const { updated } = await db
    .collection(COUNTERS)
    .where({ _id, rev: read.rev === 0 ? _.in([0, null]) : read.rev })
    .update({ rev: read.rev + 1, entries: _.set(entries), times: _.remove(), updatedAt: now });
  return updated === 1;
}

/**
 * Takes a request's entry back out: its submission was refused after it was admitted (a photo
 * another message claimed at the same moment), so it must count as nothing.
 */
export async function withdrawFromWindow(db: Database, openid: string, requestId: string): Promise<void> {
  const _ = db.command;
  await db
    .collection(COUNTERS)
    .where({ _id: windowId(openid) })
    .update({ entries: _.pull({ requestId }), rev: _.inc(1) });
}

/**
 * For account deletion: the window's key is a hash of the openid and its times equal the cases'
 * submission times, so keeping it would tie the anonymised cases back to the person. Missing: a no-op.
 */
export async function removeSubmissionWindow(db: Database, openid: string): Promise<void> {
  await db
    .collection(COUNTERS)
    .where({ _id: windowId(openid) })
    .remove();
}
