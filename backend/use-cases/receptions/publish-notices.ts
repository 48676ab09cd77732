/**
 * Telling a station's followers of a new reception day: one outbox message per follower
 * (kind receptionReminder; sent only against a grant, like every message), written after the
 * reception itself, then a few sent at once and the rest left to the scheduler.
 *
 * Not in the reception's write: CloudBase transactions hold single-document operations, and a
 * thousand of them would hold the publish hostage to the slowest. Instead every message has a
 * deterministic id, '<receptionId>:<openid>:receptionPublished', so a retried publish (whose
 * first attempt stored the reception and died before or while queueing) writes the missing
 * ones and never a second copy of any.
 */
import type { NotificationDocument } from '../../data/notifications';
import { insertNotificationsInTransaction } from '../../data/notifications';
import { followersOf } from '../../data/follows';
import { inTransaction } from '../../data/transaction';
import { shanghaiInstant } from '../../domain/booking';
import { RECEPTION_RULES } from '../../domain/reception';
import type { Reception } from '../../../typings/models';
import { dispatchDueNotifications } from '../../notifications/dispatch';
import { outboxDocument } from '../../notifications/outbox';
import { BOOKING_PAGE } from '../bookings/reminder';
import type { ReceptionContext } from './context';

/** Messages per insert transaction: few round trips, and a retry redoes little. */
const CHUNK = 50;
/** Sent within the publish call, as after a case change; the scheduler sends the rest. */
const OPPORTUNISTIC_LIMIT = 10;

export const publishedNoticeIdFor = (receptionId: string, openid: string): string => `${receptionId}:${openid}:receptionPublished`;

export function publishedNotice(reception: Reception, stationName: string, deputyNames: readonly string[], openid: string, now: Date): NotificationDocument {
  const values = {
    station: stationName,
    time: shanghaiInstant(reception.date, reception.start),
    deputy: deputyNames.join('、'),
    tip: '新的接待日已发布，可在小程序预约',
  };
  const page = `${BOOKING_PAGE}?stationId=${reception.stationId}`;
  return outboxDocument({ _id: publishedNoticeIdFor(reception._id, openid), openid, kind: 'receptionReminder', values, page }, now);
}

/**
 * Queues the notices (at most RECEPTION_RULES.followersNotifiedPerPublish), then sends a few.
 * True when every notice is queued. Never fails the publish: the reception is already stored,
 * and a retried publish queues whatever is missing.
 */
export async function tellFollowers(ctx: ReceptionContext, reception: Reception, stationName: string, deputyNames: readonly string[]): Promise<boolean> {
  try {
    const followers = await followersOf(ctx.db, reception.stationId, RECEPTION_RULES.followersNotifiedPerPublish);
    const notices = followers.map((openid) => publishedNotice(reception, stationName, deputyNames, openid, ctx.now));
    for (let i = 0; i < notices.length; i += CHUNK) await queue(ctx, notices.slice(i, i + CHUNK));
  } catch (error) {
    console.error('[receptions] queueing notices to followers failed; a retried publish queues the rest', error);
    return false;
  }
  try {
    await dispatchDueNotifications(ctx, ctx.now, OPPORTUNISTIC_LIMIT);
  } catch (error) {
    console.error('[receptions] dispatching notifications failed; the outbox keeps them', error);
  }
  return true;
}

/** A chunk in one transaction; when some are there already (a retry), one by one, skipping those. */
async function queue(ctx: ReceptionContext, chunk: NotificationDocument[]): Promise<void> {
  try {
    await inTransaction(ctx.db, (tx) => insertNotificationsInTransaction(tx, chunk));
  } catch {
    for (const notice of chunk) {
      try {
        await inTransaction(ctx.db, (tx) => insertNotificationsInTransaction(tx, [notice]));
      } catch (error) {
        if (!isDuplicate(error)) throw error;
      }
    }
  }
}

function isDuplicate(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return code === 'DATABASE_DUPLICATE_WRITE' || /duplicate/i.test(message ?? '');
}
