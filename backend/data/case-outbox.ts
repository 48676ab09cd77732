/**
 * A case's outbox: its subscription messages live in the case document (`outbox`), pushed by
 * the same conditional update as the change they tell of (data/cases.ts), so a change and its
 * messages are written together or not at all — without a transaction.
 *
 * Each message moves pending → sending → sent | skipped_no_grant | failed (or back to pending
 * after a transient failure), as in the `notifications` collection. A move is ONE conditional
 * update of the case document:
 * - guarded by `outboxRev` when the mover holds the outbox as it is now (it read it, or its own
 *   write answered it): then it also sets `outboxDueAt` exactly — cleared once every message is
 *   settled, so the dispatcher's index forgets the case;
 * - else conditional on the message's own `_id`, state and attempt at its position: the move
 *   still happens exactly once, and `outboxDueAt` only ever moves earlier (`_.min`).
 * Every move adds one to `outboxRev`, so a stale holder can never clear the hint of a message
 * it did not see. Positions are stable: messages are only pushed (account deletion, which drops
 * a person's messages, changes `outboxRev` too).
 */
import { ABANDONED_SEND_MS } from '../domain/notifications/retry-policy';
import type { Database } from '../platform/cloudbase';
import type { NotificationDocument, NotificationState } from './notifications';

const CASES = 'cases';

/** One case's outbox as a mover holds it: `rev` is known while the holder's copy is exact. */
export interface CaseOutbox {
  readonly caseId: string;
  rev: number | undefined;
  notices: NotificationDocument[];
}

const isOpen = (state: NotificationState) => state === 'pending' || state === 'sending';

/** When the dispatcher must look at a message again: a pending one when due, a claim when it would count as abandoned. */
export function noticeDueAt(notice: Pick<NotificationDocument, 'state' | 'nextAttemptAt' | 'updatedAt'>): Date | undefined {
  if (notice.state === 'pending') return new Date(notice.nextAttemptAt);
  if (notice.state === 'sending') return new Date(new Date(notice.updatedAt).getTime() + ABANDONED_SEND_MS);
  return undefined;
}

/** The earliest due time of the open messages, or undefined when every message is settled. */
export function outboxDueAt(notices: readonly NotificationDocument[]): Date | undefined {
  const times = notices.filter((n) => isOpen(n.state)).map((n) => noticeDueAt(n)!.getTime());
  return times.length ? new Date(Math.min(...times)) : undefined;
}

/** Cases with a message the dispatcher must look at by `now`, longest waiting first (index outbox_due). */
export async function casesWithDueNotices(db: Database, now: Date, limit: number): Promise<CaseOutbox[]> {
  const { data } = await db
    .collection(CASES)
    .where({ outboxDueAt: db.command.lte(now) })
    .orderBy('outboxDueAt', 'asc')
    .field({ _id: true, outbox: true, outboxRev: true })
    .limit(limit)
    .get();
  return (data as { _id: string; outbox?: NotificationDocument[]; outboxRev?: number }[]).map((doc) => ({
    caseId: String(doc._id),
    rev: Number(doc.outboxRev ?? 0),
    notices: Array.isArray(doc.outbox) ? doc.outbox.map((n) => ({ ...n })) : [],
  }));
}

/**
 * Moves message `noticeId` of `box` from `from` to `to` (fields of the message), only if it is
 * still there in that state and attempt: true when this caller made the move, false when
 * someone else got there first. Keeps `box` in step with what it wrote.
 */
export async function moveCaseNotice(
  db: Database,
  box: CaseOutbox,
  noticeId: string,
  from: { state: NotificationState; attempts: number },
  to: Partial<Omit<NotificationDocument, '_id'>>,
): Promise<boolean> {
  const _ = db.command;
  const index = box.notices.findIndex((n) => n._id === noticeId);
  if (index < 0) return false;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(to))
    if (value !== undefined) fields[`outbox.${index}.${key}`] = value && typeof value === 'object' && !(value instanceof Date) ? _.set(value) : value;
  const moved = { ...box.notices[index], ...to } as NotificationDocument;
  const after = box.notices.map((n, i) => (i === index ? moved : n));

  if (box.rev !== undefined && box.notices[index].state === from.state && box.notices[index].attempts === from.attempts) {
    const due = outboxDueAt(after);
    const { updated } = await db
      .collection(CASES)
      .where({ _id: box.caseId, outboxRev: box.rev })
      .update({ ...fields, outboxRev: _.inc(1), outboxDueAt: due ?? _.remove() });
    if (updated === 1) {
      box.rev += 1;
      box.notices = after;
      return true;
    }
  }
  // Someone else moved something of this outbox meanwhile: the message's own state decides, and the hint only moves earlier.
  box.rev = undefined;
  const due = noticeDueAt(moved);
  const { updated } = await db
    .collection(CASES)
    .where({ _id: box.caseId, [`outbox.${index}._id`]: noticeId, [`outbox.${index}.state`]: from.state, [`outbox.${index}.attempts`]: from.attempts })
    .update({ ...fields, outboxRev: _.inc(1), ...(due ? { outboxDueAt: _.min(due) } : {}) });
  if (updated === 1) box.notices = after;
  return updated === 1;
}

/**
 * The dispatcher looked at a case whose hint is due and found nothing it could move (every
 * message settled, or claims still fresh): set the hint to what the outbox says, if nothing
 * moved since it was read. A hint left behind only costs a later look, never a message.
 */
export async function refreshOutboxHint(db: Database, box: CaseOutbox): Promise<void> {
  if (box.rev === undefined) return;
  const due = outboxDueAt(box.notices);
  const { updated } = await db
    .collection(CASES)
    .where({ _id: box.caseId, outboxRev: box.rev })
    .update({ outboxRev: db.command.inc(1), outboxDueAt: due ?? db.command.remove() });
  box.rev = updated === 1 ? box.rev + 1 : undefined;
}
