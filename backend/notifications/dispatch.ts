/**
 * Delivers the outboxes: the `notifications` collection (booking reminders, followers' notices,
 * deadline reminders) and each case's own outbox (data/case-outbox.ts). For each due message:
 * claim it (pending → sending, conditional on the attempt read, so no two dispatchers send it),
 * take one of the user's grants (none → never sent, `skipped_no_grant`), send through the WeChat
 * gateway, and record the outcome:
 *   ok                  → sent
 *   43101 (no consent)  → skipped_no_grant, our grant count zeroed
 *   retryable           → pending again after a back-off, the grant given back; `failed` after 6
 *   no answer (timeout after the request went out) → failed, the grant spent: WeChat may have
 *                         delivered it, and a message is never sent twice
 *   47003 (bad data)    → failed and logged: our bug, retrying cannot help
 *   other refusals      → failed, the grant given back
 * A claim left in `sending` longer than ABANDONED_SEND_MS is failed, never sent again: its
 * dispatcher died between claiming and recording, and WeChat may have delivered it.
 * A failed send never touches the case: the change it tells about is already committed.
 */
import type { CaseOutbox } from '../data/case-outbox';
import { casesWithDueNotices, moveCaseNotice, noticeDueAt, refreshOutboxHint } from '../data/case-outbox';
import type { NotificationDocument, NotificationState } from '../data/notifications';
import { dueOrAbandonedNotifications, moveNotification } from '../data/notifications';
import { clearGrants, returnGrant, takeGrant } from '../data/subscriptions';
import type { Database } from '../platform/cloudbase';
import type { WxGateway } from '../platform/wx-gateway';
import { ABANDONED_SEND_MS, nextAttemptAfter } from '../domain/notifications/retry-policy';

export type DeliveryOutcome = 'sent' | 'skipped_no_grant' | 'retry' | 'failed' | 'taken';

const NO_CONSENT = 43101;
const BAD_DATA = 47003;

export interface DispatchDeps {
  db: Database;
  wx: Pick<WxGateway, 'sendSubscribeMessage'>;
}

/** Something that says when to stop starting new sends (the scheduler's time budget). */
export interface StopSignal {
  expired(): boolean;
}

const NEVER: StopSignal = { expired: () => false };

/** One message where it is stored, and the one way to move it on. */
export interface NoticeSlot {
  readonly doc: NotificationDocument;
  /** Moves the message only if it is still in `from`: true when this caller made the move. */
  move(from: { state: NotificationState; attempts: number }, to: Partial<Omit<NotificationDocument, '_id'>>): Promise<boolean>;
}

const collectionSlot = (db: Database, doc: NotificationDocument): NoticeSlot => ({ doc, move: (from, to) => moveNotification(db, doc._id, from, to) });

/** A message of a case's outbox; `box` is shared by the case's messages, so each move knows the last. */
export const caseSlot = (db: Database, box: CaseOutbox, doc: NotificationDocument): NoticeSlot => ({ doc, move: (from, to) => moveCaseNotice(db, box, doc._id, from, to) });

/**
 * Everything due: the `notifications` collection first, then the cases' outboxes (the
 * scheduler runs the two as separate jobs). Past `stop`, the rest stay as they are for the
 * next run. Answers one outcome per message looked at.
 */
export async function dispatchDueNotifications(deps: DispatchDeps, now: Date, limit = 50, stop: StopSignal = NEVER): Promise<DeliveryOutcome[]> {
  const outcomes = await dispatchDueCollection(deps, now, limit, stop);
  const room = limit - outcomes.length;
  if (room <= 0 || stop.expired()) return outcomes;
  return [...outcomes, ...(await dispatchDueCaseNotices(deps, now, room, stop))];
}

/** Due messages of the `notifications` collection, longest waiting first, and abandoned claims given up. */
export async function dispatchDueCollection(deps: DispatchDeps, now: Date, limit = 50, stop: StopSignal = NEVER): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  const abandonedBefore = new Date(now.getTime() - ABANDONED_SEND_MS);
  for (const doc of await dueOrAbandonedNotifications(deps.db, now, abandonedBefore, limit)) {
    if (stop.expired()) return outcomes;
    outcomes.push(await settle(deps, collectionSlot(deps.db, doc), now));
  }
  return outcomes;
}

/** The cases whose outbox has something due (index outbox_due), longest waiting first, each case's messages in order. */
export async function dispatchDueCaseNotices(deps: DispatchDeps, now: Date, limit = 50, stop: StopSignal = NEVER): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  for (const box of await casesWithDueNotices(deps.db, now, limit)) {
    if (stop.expired()) return outcomes;
    outcomes.push(...(await dispatchCaseOutbox(deps, box, now, stop)));
  }
  return outcomes;
}

/** The due messages of one case, in the order of its events (a user's messages arrive in order). */
export async function dispatchCaseOutbox(deps: DispatchDeps, box: CaseOutbox, now: Date, stop: StopSignal = NEVER): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  for (const doc of [...box.notices]) {
    if (stop.expired()) return outcomes;
    const due = noticeDueAt(doc);
    if (!due || due.getTime() > now.getTime()) continue;
    outcomes.push(await settle(deps, caseSlot(deps.db, box, doc), now));
  }
  // Whatever is left open is not due yet: point the hint at it (or clear it) so the case is not looked at before then.
  const hint = box.notices.filter((n) => n.state === 'pending' || n.state === 'sending').map((n) => noticeDueAt(n)!.getTime());
  if (!hint.length || Math.min(...hint) > now.getTime()) await refreshOutboxHint(deps.db, box);
  return outcomes;
}

/** A due message: delivered if pending, given up if its claim was abandoned. */
function settle(deps: DispatchDeps, slot: NoticeSlot, now: Date): Promise<DeliveryOutcome> {
  return slot.doc.state === 'sending' ? giveUpAbandoned(slot, now) : deliver(deps, slot, now);
}

export async function deliver(deps: DispatchDeps, slot: NoticeSlot, now: Date): Promise<DeliveryOutcome> {
  const { doc } = slot;
  const attempts = doc.attempts + 1;
  const claimed = await slot.move({ state: 'pending', attempts: doc.attempts }, { state: 'sending', attempts, updatedAt: now });
  if (!claimed) return 'taken';
  const from = { state: 'sending' as const, attempts };

  if (!(await takeGrant(deps.db, doc.openid, doc.templateId, now))) {
    await slot.move(from, { state: 'skipped_no_grant', updatedAt: now });
    return 'skipped_no_grant';
  }
  return sendClaimed(deps, slot, attempts, now);
}

/**
 * A message already claimed (`sending`, at attempt `attempts`) with one of the user's grants
 * taken for it: send it and record what happened. The case write path claims its messages and
 * takes their grants before the change is written, so right after it only this is left.
 */
export async function sendClaimed({ db, wx }: DispatchDeps, slot: NoticeSlot, attempts: number, now: Date): Promise<DeliveryOutcome> {
  const { doc } = slot;
  const from = { state: 'sending' as const, attempts };
  const sent = await wx.sendSubscribeMessage({ touser: doc.openid, templateId: doc.templateId, page: doc.page, data: doc.data });
  if (sent.ok) {
    await slot.move(from, { state: 'sent', sentAt: now, updatedAt: now });
    return 'sent';
  }

  const { failure } = sent;
  const lastError = { errcode: failure.errcode, errmsg: failure.errmsg };
  if (failure.outcomeUnknown) {
    console.warn(`[notifications] ${doc._id}: WeChat did not answer; it may have delivered, so it is not sent again`);
    await slot.move(from, { state: 'failed', lastError, updatedAt: now });
    return 'failed';
  }
  if (failure.errcode === NO_CONSENT) {
    await clearGrants(db, doc.openid, doc.templateId, now);
    await slot.move(from, { state: 'skipped_no_grant', lastError, updatedAt: now });
    return 'skipped_no_grant';
  }
  await returnGrant(db, doc.openid, doc.templateId, now);
  const retryAt = failure.retryable ? nextAttemptAfter(attempts, now) : null;
  if (retryAt) {
    await slot.move(from, { state: 'pending', nextAttemptAt: retryAt, lastError, updatedAt: now });
    return 'retry';
  }
  if (failure.errcode === BAD_DATA) console.error(`[notifications] WeChat refused the data of ${doc._id} (${doc.kind}): ${failure.errmsg}`);
  else console.warn(`[notifications] ${doc._id} failed after ${attempts} attempt(s): ${failure.errcode} ${failure.errmsg}`);
  await slot.move(from, { state: 'failed', lastError, updatedAt: now });
  return 'failed';
}

/**
 * A claim left in `sending` means its dispatcher died between claiming and recording: WeChat
 * may or may not have delivered it, and a message is never sent twice, so it is given up.
 */
async function giveUpAbandoned(slot: NoticeSlot, now: Date): Promise<DeliveryOutcome> {
  const moved = await slot.move(
    { state: 'sending', attempts: slot.doc.attempts },
    { state: 'failed', lastError: { errcode: -1, errmsg: 'dispatcher stopped mid-send; not retried so it is never sent twice' }, updatedAt: now },
  );
  return moved ? 'failed' : 'taken';
}
