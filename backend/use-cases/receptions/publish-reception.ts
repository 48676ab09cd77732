import type { PublishReceptionInput, ScheduledReception } from '../../../typings/workspace';
import { deputiesAtStation } from '../../data/people';
import { findReception, followersTold, insertReception, upcomingReceptions } from '../../data/receptions';
import { findStation } from '../../data/stations';
import { shanghaiDate } from '../../domain/calendar';
import type { Actor } from '../../domain/case';
import { decidePublish, newReception, RECEPTION_REFUSALS as refuse, sameSchedule } from '../../domain/reception';
import { ok, type Result } from '../../domain/result';
import type { ReceptionContext } from './context';
import { tellFollowers } from './publish-notices';
import { scheduledViews } from './schedule-view';
import { staffsStation } from './scope';

/**
 * Publishes a reception day at one of the officer's stations, then tells its followers.
 *
 * One reception per station and day. The reception is one single-document insert under the id
 * receptionIdFor(station, date): of two officers publishing the same day at once exactly one
 * insert succeeds, and the other is refused (or, if it sent the very same schedule — a retry or
 * a double tap — answered the stored reception). Receptions stored under other ids (entered by
 * hand) are found by the date query first. Its followers are told after it is stored
 * (publish-notices.ts): as many as the call's budget allows, the rest by the scheduler.
 */
export async function publishReception(ctx: ReceptionContext, actor: Actor, input: PublishReceptionInput): Promise<Result<ScheduledReception>> {
  if (!staffsStation(actor, input.stationId)) return refuse.notYourStation();
  const { db, now } = ctx;
  const [station, deputies] = await Promise.all([findStation(db, { id: input.stationId }), deputiesAtStation(db, input.stationId)]);
  if (!station) return refuse.stationNotFound();
  const decided = decidePublish({ input, today: shanghaiDate(now), stationDeputyIds: deputies.map((d) => d._id) });
  if (!decided.ok) return decided;

  const candidate = newReception(input, decided.value, actor.id, now);
  const sameDay = await upcomingReceptions(db, input.stationId, input.date, input.date);
  if (sameDay.some((r) => r._id !== candidate._id)) return refuse.dateTaken(input.date);
  let reception = candidate;
  if ((await insertReception(db, candidate)) === 'exists') {
    const stored = await findReception(db, candidate._id);
    if (!stored || !sameSchedule(stored, candidate)) return refuse.dateTaken(input.date);
    reception = stored;
  }

  if (!followersTold(reception)) {
    const names = new Map(deputies.map((d) => [d._id, d.name]));
    await tellFollowers(
      ctx,
      reception,
      station.name,
      reception.deputyIds.map((id) => names.get(id) ?? id),
    );
  }
  const [view] = await scheduledViews(db, [reception]);
  return ok(view);
}
