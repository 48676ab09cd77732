/**
 * The rules of a 代表论坛 / 约见 as pure functions: what publishing one needs beyond a reception
 * day, when residents may still say they come or ask, when the 活动回顾 may be posted, who reads
 * the questions. Deny by default.
 */
import type { EventKind } from '../../../typings/event';
import type { PublishReceptionInput } from '../../../typings/workspace';
import type { ReceptionKind } from '../../../typings/api';
import type { Reception } from '../../../typings/models';
import type { Actor } from '../case';
import { shanghaiInstant } from '../calendar';
import { ok, type Result } from '../result';
import { EVENT_REFUSALS as refuse } from './event.errors';
import { EVENT_KIND_LABELS, EVENT_KINDS } from './event.rules';

export const isEventKind = (kind: ReceptionKind | undefined): kind is EventKind => (EVENT_KINDS as readonly string[]).includes(kind ?? '');

/** An event needs its details and takes no 约访 slots; any other kind takes no details. */
export function checkEventPublish(input: Pick<PublishReceptionInput, 'kind' | 'event' | 'slots'>): Result<void> {
  if (!isEventKind(input.kind)) return input.event ? refuse.detailsNotForThisKind() : ok(undefined);
  if (!input.event) return refuse.detailsMissing();
  if (input.slots.length > 0) return refuse.hasNoSlots(EVENT_KIND_LABELS[input.kind]);
  for (const [index, name] of input.event.departments.entries()) {
    if (input.event.departments.indexOf(name) !== index) return refuse.departmentTwice(index);
  }
  return ok(undefined);
}

type Timed = Pick<Reception, 'date' | 'start' | 'end'>;

/** Residents may say they come and ask until the start. */
export const eventOpen = (event: Timed, now: Date): boolean => now.getTime() < shanghaiInstant(event.date, event.start).getTime();

/** The 活动回顾 is posted once the end has passed. */
export const eventOver = (event: Timed, now: Date): boolean => now.getTime() >= shanghaiInstant(event.date, event.end).getTime();

/** Officers of its station and its own deputies: they read the questions and the count. */
export function runsEvent(actor: Actor, event: Pick<Reception, 'stationId' | 'deputyIds'>): boolean {
  if (actor.role === 'officer') return (actor.stationIds ?? []).includes(event.stationId);
  if (actor.role === 'deputy') return actor.deputyId !== undefined && event.deputyIds.includes(actor.deputyId);
  return false;
}

/** Only an event that happened counts: one with its 活动回顾 posted. */
export const eventHappened = (event: Pick<Reception, 'kind' | 'summary'>): boolean => isEventKind(event.kind) && event.summary !== undefined;
