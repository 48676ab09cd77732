/**
 * reception.event: a 代表论坛 / 约见 as anyone reads it. Residents see their own 我会参加; the
 * station's officers and the event's deputies see how many said it; nobody sees who.
 */
import type { EventView } from '../../../typings/event';
import type { Reception } from '../../../typings/models';
import type { Actor } from '../../domain/case';
import { EVENT_REFUSALS as refuse, isEventKind, runsEvent, toEventView } from '../../domain/event';
import { ok, type Result } from '../../domain/result';
import { attendanceOf, isAttending } from '../../data/event-attendance';
import { findReception } from '../../data/receptions';
import { deputyNames } from '../../data/people-by-id';
import { findStation } from '../../data/stations';
import { resolveActor } from '../actor';
import { photoViews } from '../cases/photos';
import { attendanceIdFor, type EventContext } from './context';

/** The stored event, or undefined for anything that is not one. */
export async function findEvent(ctx: EventContext, receptionId: string): Promise<Reception | undefined> {
  const reception = await findReception(ctx.db, receptionId);
  return reception && isEventKind(reception.kind) && reception.event ? reception : undefined;
}

/** `known`: the caller's 我会参加 when the call just set it, so it is not read back. */
export async function eventView(ctx: EventContext, event: Reception, actor: Actor | undefined, known?: { attending: boolean }): Promise<EventView> {
  const { db, now } = ctx;
  const resident = actor?.role === 'resident' && actor.openid ? actor.openid : undefined;
  const counts = actor !== undefined && runsEvent(actor, event);
  const [station, names, attending, attendance, photos] = await Promise.all([
    findStation(db, { id: event.stationId }),
    deputyNames(db, event.deputyIds),
    resident && !known ? isAttending(db, attendanceIdFor(ctx.hash, event._id, resident)) : Promise.resolve(known?.attending),
    counts ? attendanceOf(db, event._id) : Promise.resolve(undefined),
    event.summary && event.summary.photoFileIds.length > 0 ? photoViews(event.summary.photoFileIds) : Promise.resolve(undefined),
  ]);
  const view = toEventView(event, { stationName: station?.name ?? '', deputyNames: names, now, attending, attendance }) as EventView;
  if (view.summary && photos) view.summary.photos = view.summary.photos.map((p) => ({ ...p, ...photos.get(p.fileId) }));
  return view;
}

/** Anyone may read: a caller without an openid or a role reads what the public reads. */
export async function readEvent(ctx: EventContext, openid: string | undefined, receptionId: string): Promise<Result<EventView>> {
  const [event, who] = await Promise.all([findEvent(ctx, receptionId), openid ? resolveActor(ctx.db, openid) : Promise.resolve(undefined)]);
  if (!event) return refuse.notFound();
  return ok(await eventView(ctx, event, who?.ok ? who.value.actor : undefined));
}
