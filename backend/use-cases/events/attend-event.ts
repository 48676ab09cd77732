/**
 * reception.attend: a resident says 我会参加, or takes it back, before the event starts.
 * Idempotent: one attendance document per event and person under a hashed id, so a repeat is
 * the same document and an undo of nothing is nothing.
 */
import type { AttendEventInput, EventView } from '../../../typings/event';
import type { Actor } from '../../domain/case';
import { EVENT_REFUSALS as refuse, eventOpen } from '../../domain/event';
import { ok, type Result } from '../../domain/result';
import { markAttending, unmarkAttending } from '../../data/event-attendance';
import { attendanceIdFor, type EventContext } from './context';
import { eventView, findEvent } from './read-event';

export async function attendEvent(ctx: EventContext, actor: Actor, input: AttendEventInput): Promise<Result<EventView>> {
  const { db, now } = ctx;
  if (actor.role !== 'resident' || !actor.openid) return refuse.notResident();
  const event = await findEvent(ctx, input.receptionId);
  if (!event) return refuse.notFound();
  if (!eventOpen(event, now)) return refuse.closed();
  const id = attendanceIdFor(ctx.hash, event._id, actor.openid);
  if (input.attending) await markAttending(db, { _id: id, receptionId: event._id, openid: actor.openid, at: now });
  else await unmarkAttending(db, id);
  return ok(await eventView(ctx, event, actor, { attending: input.attending }));
}
