/**
 * Telling a station's followers of a new reception day: one outbox message per follower (kind
 * receptionReminder; sent only against a grant, like every message), however many follow.
 *
 * Not in the reception's write: CloudBase transactions hold single-document operations, and a
 * station's followers may be thousands. Instead a publication record (data/publications.ts)
 * walks the followers with a cursor, a batch of notices at a time — one `add` of an array per
 * batch — within a time budget: the publish call goes as far as its budget allows, and every
 * scheduler run after it goes on from the cursor until the last follower is reached. Most
 * followers allow no message at a given moment (each grant allows one): their notices are
 * written settled, skipped_no_grant, after one read of the batch's grants, so the dispatcher
 * only ever handles the ones it may send (and still takes the grant when it sends). Each
 * message has a deterministic id, '<receptionId>:<openid>:receptionPublished', so a batch written
 * twice (a publisher that died before moving the cursor, a publish call and a scheduler run on
 * the same batch) adds only what is missing, and nobody is told twice.
 */
import type { NotificationDocument } from '../../data/notifications';
import { followersPage } from '../../data/follows';
import {
  advancePublication,
  endPublication,
  findPublication,
  queueNoticeBatch,
  startPublication,
  type PublicationDocument,
  type PublicationNotice,
} from '../../data/publications';
import { markFollowersTold } from '../../data/receptions';
import { withGrantsLeft } from '../../data/subscriptions';
import type { Database } from '../../platform/cloudbase';
import { shanghaiInstant } from '../../domain/calendar';
import { budgetOf, type Budget } from '../../domain/scheduler';
import type { Reception } from '../../../typings/models';
import { dispatchDueNotifications } from '../../notifications/dispatch';
import { outboxDocument } from '../../notifications/outbox';
import { templateIdOf } from '../../notifications/templates';
import { receptionKindOf } from '../../domain/reception';
import { EVENT_PAGE, eventNoticeTip, isEventKind } from '../../domain/event';
import { STATION_PAGE } from '../admin/station-files';
import { BOOKING_PAGE } from '../bookings/reminder';
import type { ReceptionContext } from './context';

/** Followers per batch: one read of the follows and one insert of their notices (CloudBase answers at most 1000 a read). */
export const PUBLICATION_BATCH = 500;
/**
 * What the publish call spends queueing before it answers, well inside the function's 20 s
 * timeout even with a batch and a 3 s WeChat call in flight at the end of each budget: several
 * thousand followers locally; the rest of a bigger station goes with the next scheduler run.
 */
const QUEUE_IN_CALL_MS = 4_000;
/** Then a few due messages are sent at once, as after a case change, within this; the scheduler sends the rest. */
const SEND_IN_CALL_MS = 3_000;
const OPPORTUNISTIC_LIMIT = 10;

export const publishedNoticeIdFor = (receptionId: string, openid: string): string => `${receptionId}:${openid}:receptionPublished`;

/**
 * The message every follower of this reception is sent. A 述职会 says so (the tip is a thing
 * field: at most 20 characters) and opens the station page, since it has no places to book.
 */
export function publicationNotice(reception: Reception, stationName: string, deputyNames: readonly string[]): PublicationNotice {
  const meeting = receptionKindOf(reception) === 'report_meeting';
  const kind = receptionKindOf(reception);
  // A 代表论坛 / 约见 says so with its topic, and opens its own page (我会参加, 提问).
  if (isEventKind(kind) && reception.event) {
    return {
      kind: 'receptionReminder',
      values: {
        station: stationName,
        time: shanghaiInstant(reception.date, reception.start),
        deputy: deputyNames.join('、'),
        tip: eventNoticeTip(kind, reception.event.topic),
      },
      page: `${EVENT_PAGE}?id=${reception._id}`,
    };
  }
  return {
    kind: 'receptionReminder',
    values: {
      station: stationName,
      time: shanghaiInstant(reception.date, reception.start),
      deputy: deputyNames.join('、'),
      tip: meeting ? '代表述职会已发布，欢迎到站参加' : '新的接待日已发布，可在小程序预约',
    },
    page: meeting ? `${STATION_PAGE}?id=${reception.stationId}` : `${BOOKING_PAGE}?stationId=${reception.stationId}`,
  };
}

/** A follower's notice: pending for the dispatcher when they allow a message, else settled at once. */
function noticeTo(publication: PublicationDocument, openid: string, allowed: boolean, now: Date): NotificationDocument {
  const { kind, values, page } = publication.notice;
  const doc = outboxDocument({ _id: publishedNoticeIdFor(publication._id, openid), openid, kind, values, page }, now);
  return allowed ? doc : { ...doc, state: 'skipped_no_grant' };
}

/**
 * Starts telling the followers (or picks up a publication a failed call left), queues as many
 * notices as the call's budget allows, then sends a few. Never fails the publish: the reception
 * is already stored, and the scheduler (or a retried publish) goes on with the rest.
 */
export async function tellFollowers(ctx: ReceptionContext, reception: Reception, stationName: string, deputyNames: readonly string[]): Promise<void> {
  const { db, now } = ctx;
  try {
    const publication = await startPublication(db, {
      _id: reception._id,
      stationId: reception.stationId,
      followedBy: now,
      cursor: null,
      queued: 0,
      version: 0,
      notice: publicationNotice(reception, stationName, deputyNames),
      createdAt: now,
      updatedAt: now,
    });
    await continuePublication(db, publication, now, budgetOf(QUEUE_IN_CALL_MS));
  } catch (error) {
    console.error('[receptions] queueing notices to followers stopped; the scheduler goes on from where it stands', error);
  }
  try {
    await dispatchDueNotifications(ctx, now, OPPORTUNISTIC_LIMIT, budgetOf(SEND_IN_CALL_MS));
  } catch (error) {
    console.error('[receptions] dispatching notifications failed; the outbox keeps them', error);
  }
}

export interface PublicationProgress {
  /** Every follower's notice is queued and the publication ended. */
  finished: boolean;
  /** Notices this call wrote. */
  queued: number;
}

/**
 * Moves one publication on, batch after batch, until its last follower or the budget's end.
 * Four round trips a batch (the followers, their grants, their notices, the cursor), two at
 * the end (the reception marked told, the publication removed). Losing the cursor to another
 * publisher is not an error: read where they left it and go on from there.
 */
export async function continuePublication(db: Database, start: PublicationDocument, now: Date, budget: Budget): Promise<PublicationProgress> {
  let publication = start;
  let queued = 0;
  for (;;) {
    if (budget.expired()) return { finished: false, queued };
    const page = await followersPage(db, publication.stationId, publication.followedBy, publication.cursor, PUBLICATION_BATCH);
    if (page.openids.length > 0) {
      const allowed = await withGrantsLeft(db, page.openids, templateIdOf(publication.notice.kind));
      const notices = page.openids.map((openid) => noticeTo(publication, openid, allowed.has(openid), now));
      const written = await queueNoticeBatch(db, notices);
      queued += written;
      const moved = { cursor: page.next, queued: publication.queued + written, updatedAt: now };
      if (!(await advancePublication(db, publication, moved))) {
        const current = await findPublication(db, publication._id);
        if (!current) return { finished: true, queued };
        publication = current;
        continue;
      }
      publication = { ...publication, ...moved, version: publication.version + 1 };
    }
    // A short page is the last one: no need to read an empty one to know it.
    if (page.openids.length < PUBLICATION_BATCH) {
      await markFollowersTold(db, publication._id, now);
      await endPublication(db, publication._id);
      return { finished: true, queued };
    }
  }
}
