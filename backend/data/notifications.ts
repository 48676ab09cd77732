/**
 * The `notifications` collection: the outbox of subscription messages that are not part of a
 * case change — booking reminders, followers' notices, the scheduler's deadline reminders. (A
 * case change carries its own messages in the case document: data/case-outbox.ts; both hold
 * documents of this shape.) A document is written with what it tells about, then delivered.
 * Every state change is conditional on the state and attempt it was read in, so two
 * dispatchers can never both send the same message.
 */
import type { SubscribeData } from '../platform/subscribe-fields';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';
import type { Transaction } from './transaction';
import { insertInTransaction } from './transaction';

const NOTIFICATIONS = 'notifications';

/**
 * pending → sending (claimed by one dispatcher) → sent | skipped_no_grant | failed, or back to
 * pending with a later `nextAttemptAt` after a transient failure.
 */
export type NotificationState = 'pending' | 'sending' | 'sent' | 'skipped_no_grant' | 'failed';

export interface NotificationDocument {
  /**
   * Deterministic per subject, so a second insert of the same message fails: `<caseId>:<eventSeq>:<kind>`
   * for a case event, `<bookingId>:receptionReminder`, `<receptionId>:<openid>:receptionPublished` …
   */
  _id: string;
  openid: string;
  /** Logical template kind (config/subscribe-templates.json), e.g. 'caseStatusChanged'. */
  kind: string;
  templateId: string;
  page: string;
  /** Already shaped by `fitData`: WeChat accepts it as it is. */
  data: SubscribeData;
  state: NotificationState;
  attempts: number;
  nextAttemptAt: Date;
  /** For messages about a case event: the case and the event (others have neither). */
  caseId?: string;
  eventSeq?: number;
  /** For a handler's deadline reminder: `<caseId>:due:<dueAt ms>`, one deadline of one case. */
  dueKey?: string;
  createdAt: Date;
  updatedAt: Date;
  sentAt?: Date;
  lastError?: { errcode: number; errmsg: string };
}

export async function insertNotificationsInTransaction(tx: Transaction, docs: readonly NotificationDocument[]): Promise<void> {
  for (const doc of docs) await insertInTransaction(tx, NOTIFICATIONS, doc);
}

/**
 * What the dispatcher must look at by `now`, longest waiting first, in one request: pending
 * messages that are due (state+nextAttemptAt index) and claims left in `sending` since before
 * `abandonedBefore` — their dispatcher died mid-send.
 */
export async function dueOrAbandonedNotifications(db: Database, now: Date, abandonedBefore: Date, limit: number): Promise<NotificationDocument[]> {
  const _ = db.command;
  const { data } = await db
    .collection(NOTIFICATIONS)
    .where(
      _.or([
        { state: 'pending', nextAttemptAt: _.lte(now) },
        { state: 'sending', updatedAt: _.lt(abandonedBefore) },
      ]),
    )
    .orderBy('nextAttemptAt', 'asc')
    .limit(limit)
    .get();
  return data as NotificationDocument[];
}

/**
 * Moves a message on only if it is still in the state and attempt the caller read: true when
 * this caller made the move, false when someone else got there first.
 */
export async function moveNotification(
  db: Database,
  id: string,
  from: { state: NotificationState; attempts: number },
  to: Partial<Omit<NotificationDocument, '_id'>>,
): Promise<boolean> {
  const { updated } = await db.collection(NOTIFICATIONS).where({ _id: id, state: from.state, attempts: from.attempts }).update(to);
  return updated === 1;
}

/** Takes back a message not yet sent (a cancelled booking's reminder), in the change's transaction. */
export async function withdrawNotificationInTransaction(tx: Transaction, notificationId: string): Promise<void> {
  await tx.collection(NOTIFICATIONS).doc(notificationId).remove();
}

/**
 * Inserts a message outside any transaction (the scheduler's own notices): false when one with
 * that deterministic `_id` is already queued, so a rerun or a second scheduler never queues it twice.
 */
export async function insertNotificationOnce(db: Database, doc: NotificationDocument): Promise<boolean> {
  try {
    await db.collection(NOTIFICATIONS).add(doc);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'DATABASE_DUPLICATE_WRITE') return false;
    throw error;
  }
}

/** Which of these deadline keys (`dueKey`) already have reminders queued, through the caseId+eventSeq index. */
export async function queuedDueKeys(db: Database, caseIds: readonly string[], dueKeys: readonly string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const _ = db.command;
  const { data } = await db
    .collection(NOTIFICATIONS)
    .where({ caseId: _.in([...caseIds]), dueKey: _.in([...dueKeys]) })
    .field({ dueKey: true })
    .limit(MAX_PAGE)
    .get();
  return new Set((data as { dueKey?: string }[]).map((doc) => String(doc.dueKey)));
}
