/**
 * Telling the followers of every station taking part that a consultation opened: the same
 * batched publication as a new reception day (use-cases/receptions/publish-notices.ts,
 * data/publications.ts) — one publication per station (`<consultationId>:<stationId>`), walked
 * a batch at a time within the call's budget and finished by the scheduler, each notice under a
 * deterministic id so nobody is told twice by one station. The receptionReminder template:
 * the station, the closing date as the time, the body asking, and 立法意见征集：<title>.
 */
import { shanghaiInstant } from '../../domain/calendar';
import type { ConsultationDocument } from '../../domain/consultation/consultation.model';
import { budgetOf } from '../../domain/scheduler';
import { startPublication, type PublicationNotice } from '../../data/publications';
import { dispatchDueNotifications } from '../../notifications/dispatch';
import { continuePublication } from '../receptions/publish-notices';
import type { ConsultationContext } from './context';

export const CONSULTATION_PAGE = 'packages/consultation/detail/index';
export const MY_COMMENTS_PAGE = 'packages/consultation/mine/index';

const QUEUE_IN_CALL_MS = 4_000;
const SEND_IN_CALL_MS = 3_000;
const OPPORTUNISTIC_LIMIT = 10;

export function consultationNotice(doc: Pick<ConsultationDocument, '_id' | 'title' | 'askedBy' | 'closesOn'>, stationName: string): PublicationNotice {
  return {
    kind: 'receptionReminder',
    // The closing minute of the last day; the template's fields are shaped (cut) when the message is written.
    values: { station: stationName, time: shanghaiInstant(doc.closesOn, '23:59'), deputy: doc.askedBy, tip: `立法意见征集：${doc.title}` },
    page: `${CONSULTATION_PAGE}?id=${doc._id}`,
  };
}

/** Never fails the publish: the consultation is stored, and the scheduler goes on with what is left. */
export async function tellStationFollowers(ctx: ConsultationContext, doc: ConsultationDocument): Promise<void> {
  const { db, now } = ctx;
  const budget = budgetOf(QUEUE_IN_CALL_MS);
  for (const station of doc.stations) {
    try {
      const publication = await startPublication(db, {
        _id: `${doc._id}:${station.id}`,
        stationId: station.id,
        followedBy: now,
        cursor: null,
        queued: 0,
        version: 0,
        notice: consultationNotice(doc, station.name),
        createdAt: now,
        updatedAt: now,
      });
      if (!budget.expired()) await continuePublication(db, publication, now, budget);
    } catch (error) {
      console.error('[consultations] queueing notices to followers stopped; the scheduler goes on from where it stands', error);
    }
  }
  try {
    await dispatchDueNotifications(ctx, now, OPPORTUNISTIC_LIMIT, budgetOf(SEND_IN_CALL_MS));
  } catch (error) {
    console.error('[consultations] dispatching notifications failed; the outbox keeps them', error);
  }
}
