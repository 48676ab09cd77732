/** A stored event as readers get it: pure, the photos' URLs and the counts are read by the use case. */
import type { EventRecap, EventView } from '../../../typings/event';
import type { Reception } from '../../../typings/models';
import { eventOpen, isEventKind } from './event.policy';
import { EVENT_KIND_LABELS } from './event.rules';

export interface EventFacts {
  stationName: string;
  deputyNames: ReadonlyMap<string, string>;
  now: Date;
  /** Residents: whether the caller said 我会参加. */
  attending?: boolean;
  /** Officers of the station and its deputies only. */
  attendance?: number;
}

/** undefined for a reception day or 述职会: those are not events. */
export function toEventView(reception: Reception, facts: EventFacts): EventView | undefined {
  if (!isEventKind(reception.kind) || !reception.event) return undefined;
  const { summary } = reception;
  return {
    id: reception._id,
    kind: reception.kind,
    kindLabel: EVENT_KIND_LABELS[reception.kind],
    stationId: reception.stationId,
    stationName: facts.stationName,
    topic: reception.event.topic,
    departments: [...reception.event.departments],
    place: reception.event.place,
    date: reception.date,
    start: reception.start,
    end: reception.end,
    deputies: reception.deputyIds.map((id) => ({ id, name: facts.deputyNames.get(id) ?? id })),
    ...(facts.attending !== undefined ? { attending: facts.attending } : {}),
    ...(facts.attendance !== undefined ? { attendance: facts.attendance } : {}),
    open: eventOpen(reception, facts.now),
    ...(summary ? { summary: { text: summary.text, photos: summary.photoFileIds.map((fileId) => ({ fileId, url: '' })), at: summary.at.toISOString() } } : {}),
  };
}

export function toEventRecap(reception: Reception): EventRecap | undefined {
  if (!isEventKind(reception.kind) || !reception.event || !reception.summary) return undefined;
  return {
    id: reception._id,
    kind: reception.kind,
    kindLabel: EVENT_KIND_LABELS[reception.kind],
    topic: reception.event.topic,
    date: reception.date,
    summary: reception.summary.text,
    photoCount: reception.summary.photoFileIds.length,
  };
}

/** WeChat's thing field takes at most 20 characters: the kind, then as much of the topic as fits. */
export function eventNoticeTip(kind: keyof typeof EVENT_KIND_LABELS, topic: string): string {
  const head = kind === 'forum' ? '代表论坛' : '约见';
  const tip = `${head}：${topic}`;
  return Array.from(tip).length <= 20 ? tip : `${Array.from(tip).slice(0, 19).join('')}…`;
}
