/**
 * reception.summarise: an officer of the station posts the 活动回顾 once the event has ended —
 * the summary and up to 9 photos (uploaded to paths issued to the officer, claimed for the
 * event). Posting again replaces it (a correction); the event counts in its deputies' 履职档案
 * from the first posting on.
 */
import type { EventView, SummariseEventInput } from '../../../typings/event';
import type { Actor } from '../../domain/case';
import { EVENT_REFUSALS as refuse, eventOver } from '../../domain/event';
import { ok, type Result } from '../../domain/result';
import { saveSummary } from '../../data/event-receptions';
import { checkPhotos, claimPhotos, photoClaim } from '../cases/photos';
import { staffsStation } from '../receptions/scope';
import type { EventContext } from './context';
import { eventView, findEvent } from './read-event';

export async function summariseEvent(ctx: EventContext, actor: Actor, openid: string, input: SummariseEventInput): Promise<Result<EventView>> {
  const { db, now } = ctx;
  const event = await findEvent(ctx, input.receptionId);
  if (!event) return refuse.notFound();
  if (!staffsStation(actor, event.stationId)) return refuse.notYourStation();
  if (!eventOver(event, now)) return refuse.notOverYet(`${event.date} ${event.end}`);

  const photos = photoClaim(openid, input.photoFileIds);
  const checked = await checkPhotos(db, photos, now, event._id);
  if (!checked.ok) return checked;
  const claimed = await claimPhotos(db, photos, event._id, now);
  if (!claimed.ok) return claimed;
  const summary = { text: input.summary, photoFileIds: [...input.photoFileIds], at: now, officerId: actor.id };
  try {
    await saveSummary(db, event._id, summary);
  } catch (error) {
    // Not written: the photos go back to the officer, who may send them again.
    await claimed.value.release();
    throw error;
  }
  return ok(await eventView(ctx, { ...event, summary }, actor));
}
