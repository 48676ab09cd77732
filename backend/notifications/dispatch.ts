/**
 * Delivers the outbox. For each due message: claim it (pending → sending, conditional on the
 * attempt read, so no two dispatchers send it), take one of the user's grants (none → never
 * sent, `skipped_no_grant`), send through the WeChat gateway, and record the outcome:
 *   ok                  → sent
 *   43101 (no consent)  → skipped_no_grant, our grant count zeroed
 *   retryable           → pending again after a back-off, the grant given back; `failed` after 6
 *   no answer (timeout after the request went out) → failed, the grant spent: WeChat may have
 *                         delivered it, and a message is never sent twice
 *   47003 (bad data)    → failed and logged: our bug, retrying cannot help
 *   other refusals      → failed, the grant given back
 * A failed send never touches the case: the change it tells about is already committed.
 */
import type { NotificationDocument } from '../data/notifications';
import { abandonedSends, dueNotifications, dueNotificationsOfCase, moveNotification } from '../data/notifications';
import { clearGrants, returnGrant, takeGrant } from '../data/subscriptions';
import type { Database } from '../platform/cloudbase';
import type { WxGateway } from '../platform/wx-gateway';
import { ABANDONED_SEND_MS, nextAttemptAfter } from './retry-policy';

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

/**
 * For the scheduler (and opportunistically after each command): due messages, oldest first.
 * Past `stop`, the rest stay pending, unclaimed, for the next run.
 */
export async function dispatchDueNotifications(deps: DispatchDeps, now: Date, limit = 50, stop: StopSignal = NEVER): Promise<DeliveryOutcome[]> {
  await giveUpAbandoned(deps.db, now, limit);
  const due = await dueNotifications(deps.db, now, limit);
  return deliverAll(deps, due, now, stop);
}

/** Right after a change commits: that case's messages. */
export async function dispatchCaseNotifications(deps: DispatchDeps, caseId: string, now: Date, limit = 10): Promise<DeliveryOutcome[]> {
  return deliverAll(deps, await dueNotificationsOfCase(deps.db, caseId, now, limit), now);
}

async function deliverAll(deps: DispatchDeps, docs: NotificationDocument[], now: Date, stop: StopSignal = NEVER): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  // One at a time: a user's messages arrive in the order of the events.
  for (const doc of docs) {
    if (stop.expired()) break;
    outcomes.push(await deliver(deps, doc, now));
  }
  return outcomes;
}

export async function deliver({ db, wx }: DispatchDeps, doc: NotificationDocument, now: Date): Promise<DeliveryOutcome> {
  const attempts = doc.attempts + 1;
  const claimed = await moveNotification(db, doc._id, { state: 'pending', attempts: doc.attempts }, { state: 'sending', attempts, updatedAt: now });
  if (!claimed) return 'taken';
  const from = { state: 'sending' as const, attempts };

  if (!(await takeGrant(db, doc.openid, doc.templateId, now))) {
    await moveNotification(db, doc._id, from, { state: 'skipped_no_grant', updatedAt: now });
    return 'skipped_no_grant';
  }

  const sent = await wx.sendSubscribeMessage({ touser: doc.openid, templateId: doc.templateId, page: doc.page, data: doc.data });
  if (sent.ok) {
    await moveNotification(db, doc._id, from, { state: 'sent', sentAt: now, updatedAt: now });
    return 'sent';
  }

  const lastError = { errcode: sent.errcode, errmsg: sent.errmsg };
  if (sent.outcomeUnknown) {
    console.warn(`[notifications] ${doc._id}: WeChat did not answer; it may have delivered, so it is not sent again`);
    await moveNotification(db, doc._id, from, { state: 'failed', lastError, updatedAt: now });
    return 'failed';
  }
  if (sent.errcode === NO_CONSENT) {
    await clearGrants(db, doc.openid, doc.templateId, now);
    await moveNotification(db, doc._id, from, { state: 'skipped_no_grant', lastError, updatedAt: now });
    return 'skipped_no_grant';
  }
  await returnGrant(db, doc.openid, doc.templateId, now);
  const retryAt = sent.retryable ? nextAttemptAfter(attempts, now) : null;
  if (retryAt) {
    await moveNotification(db, doc._id, from, { state: 'pending', nextAttemptAt: retryAt, lastError, updatedAt: now });
    return 'retry';
  }
  if (sent.errcode === BAD_DATA) console.error(`[notifications] WeChat refused the data of ${doc._id} (${doc.kind}): ${sent.errmsg}`);
  else console.warn(`[notifications] ${doc._id} failed after ${attempts} attempt(s): ${sent.errcode} ${sent.errmsg}`);
  await moveNotification(db, doc._id, from, { state: 'failed', lastError, updatedAt: now });
  return 'failed';
}

/**
 * A claim left in `sending` means its dispatcher died between claiming and recording: WeChat
 * may or may not have delivered it, and a message is never sent twice, so it is given up.
 */
async function giveUpAbandoned(db: Database, now: Date, limit: number): Promise<void> {
  const stale = await abandonedSends(db, new Date(now.getTime() - ABANDONED_SEND_MS), limit);
  for (const doc of stale) {
    await moveNotification(db, doc._id, { state: 'sending', attempts: doc.attempts }, {
      state: 'failed',
      lastError: { errcode: -1, errmsg: 'dispatcher stopped mid-send; not retried so it is never sent twice' },
      updatedAt: now,
    });
  }
}
