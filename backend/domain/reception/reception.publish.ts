/**
 * Publishing a reception day (发布接待日): the pure rules over what the officer sent and what
 * the use case read — the date's notice period, the times, the deputies, the 约访 slots.
 * The first failing rule answers, with the field the form should mark.
 */
import type { PublishReceptionInput, SlotInput } from '../../../typings/workspace';
import type { Reception } from '../../../typings/models';
import type { ReceptionKind } from '../../../typings/api';
import { addDays } from '../calendar';
import { checkEventPublish } from '../event/event.policy';
import { ok, type Result } from '../result';
import { RECEPTION_REFUSALS as refuse } from './reception.errors';
import { RECEPTION_RULES } from './reception.rules';
import { isCalendarDate, minutesOf } from './reception.time';

/**
 * One reception per station and day, by its id: the same scheme as the seed's schedule
 * ('rc-ft-hf-20260110'), so two officers publishing the same day at once write the same
 * document and only the first insert succeeds.
 */
export function receptionIdFor(stationId: string, date: string): string {
  return `rc-${stationId.replace(/^st-/, '')}-${date.replace(/-/g, '')}`;
}

/** The first and last dates a reception may be published for on `today` (Shanghai). */
export function publishWindow(today: string): { earliest: string; latest: string } {
  return { earliest: addDays(today, RECEPTION_RULES.minNoticeDays), latest: addDays(today, RECEPTION_RULES.maxAheadDays) };
}

export interface PublishAttempt {
  input: PublishReceptionInput;
  /** 'YYYY-MM-DD' in Shanghai when the call arrived. */
  today: string;
  /** Deputies stationed at the station (deputies.stationIds). */
  stationDeputyIds: readonly string[];
}

/** The slots to store, in order of their start (bookings name a slot by its index). */
export function decidePublish({ input, today, stationDeputyIds }: PublishAttempt): Result<SlotInput[]> {
  if (!isCalendarDate(input.date)) return refuse.notADate();
  const { earliest, latest } = publishWindow(today);
  if (input.date < earliest) return refuse.tooSoon(earliest);
  if (input.date > latest) return refuse.tooFarAhead(latest);
  if (minutesOf(input.start) >= minutesOf(input.end)) return refuse.endNotAfterStart();
  // A 述职会 is a meeting open to every voter: nobody books a place at it.
  if (input.kind === 'report_meeting' && input.slots.length > 0) return refuse.meetingHasNoSlots();
  // A 代表论坛 / 约见 has a topic, departments and a place, and no slots either.
  const event = checkEventPublish(input);
  if (!event.ok) return event;

  const stationed = new Set(stationDeputyIds);
  for (const [index, id] of input.deputyIds.entries()) {
    if (input.deputyIds.indexOf(id) !== index) return refuse.deputyTwice(index);
    if (!stationed.has(id)) return refuse.deputyNotHere(index);
  }

  for (const [index, slot] of input.slots.entries()) {
    if (minutesOf(slot.start) >= minutesOf(slot.end)) return refuse.slotEndNotAfterStart(index);
    if (minutesOf(slot.start) < minutesOf(input.start) || minutesOf(slot.end) > minutesOf(input.end)) {
      return refuse.slotOutside(index, input.start, input.end);
    }
  }
  const ordered = input.slots.map((slot, index) => ({ slot, index })).sort((a, b) => minutesOf(a.slot.start) - minutesOf(b.slot.start));
  for (let i = 1; i < ordered.length; i += 1) {
    const before = ordered[i - 1].slot;
    const { slot, index } = ordered[i];
    if (minutesOf(slot.start) < minutesOf(before.end)) return refuse.slotsOverlap(index, before);
  }
  return ok(ordered.map(({ slot }) => ({ start: slot.start, end: slot.end, capacity: slot.capacity })));
}

/** What a stored day is: one stored before 述职会 existed has no kind and is a reception day. */
export const receptionKindOf = (reception: Pick<Reception, 'kind'>): ReceptionKind => reception.kind ?? 'reception';

export function newReception(input: PublishReceptionInput, slots: readonly SlotInput[], officerId: string, now: Date): Reception {
  return {
    _id: receptionIdFor(input.stationId, input.date),
    kind: input.kind ?? 'reception',
    stationId: input.stationId,
    date: input.date,
    start: input.start,
    end: input.end,
    deputyIds: [...input.deputyIds],
    officerId,
    slots: slots.map((s) => ({ start: s.start, end: s.end, capacity: s.capacity, booked: 0 })),
    publishedAt: now,
    ...(input.event ? { event: { topic: input.event.topic, departments: [...input.event.departments], place: input.event.place } } : {}),
  };
}

const sameEvent = (a: Reception['event'], b: Reception['event']): boolean =>
  a === undefined || b === undefined ? a === b : a.topic === b.topic && a.place === b.place && a.departments.join('\n') === b.departments.join('\n');

/**
 * The same schedule as one already stored: a retried publish (a lost answer, a double tap)
 * answers the stored reception instead of refusing the officer's own day. Places already
 * booked, who published and when do not count.
 */
export function sameSchedule(stored: Reception, candidate: Reception): boolean {
  const slots = (r: Reception) => r.slots.map((s) => `${s.start}-${s.end}x${s.capacity}`).join(',');
  return (
    receptionKindOf(stored) === receptionKindOf(candidate) &&
    stored.stationId === candidate.stationId &&
    stored.date === candidate.date &&
    stored.start === candidate.start &&
    stored.end === candidate.end &&
    stored.deputyIds.join(',') === candidate.deputyIds.join(',') &&
    slots(stored) === slots(candidate) &&
    sameEvent(stored.event, candidate.event)
  );
}
