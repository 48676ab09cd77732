/**
 * 代表论坛 and 约见一府两院 as events on the reception schedule: what officers publish beyond a
 * reception day, what residents send (我会参加, a question in advance) and what the officer posts
 * afterwards (活动回顾). Published through reception.publish with kind 'forum' or 'meeting'.
 */
import type { PhotoView } from './case';

/** The reception kinds that are events: a topic, invited departments, no 约访 slots. */
export type EventKind = 'forum' | 'meeting';

/** What an event carries besides the day, times and deputies of every reception. */
export interface EventDetails {
  /** At most 40 characters. */
  topic: string;
  /** Invited departments (一府两院, bureaus) by name: at most 10, each at most 30 characters. */
  departments: string[];
  /** Where it is held: at most 60 characters. */
  place: string;
}

export interface EventRefInput {
  receptionId: string;
}

export interface AttendEventInput {
  receptionId: string;
  /** true: 我会参加; false: undo. Sending the same again changes nothing. */
  attending: boolean;
}

export interface AskEventInput {
  receptionId: string;
  /** At most 300 characters; WeChat's content check reads it. */
  question: string;
}

export interface SummariseEventInput {
  receptionId: string;
  /** At most 2000 characters. */
  summary: string;
  /** Up to 9 cloud file ids from the upload step. */
  photoFileIds: string[];
}

/** The 活动回顾: posted by an officer after the event's end; only then does the event count in 履职档案. */
export interface EventSummaryView {
  text: string;
  photos: PhotoView[];
  /** ISO instant it was posted. */
  at: string;
}

/** An event as anyone reads it (packages/station/event). Counts are for officers and the event's deputies only. */
export interface EventView extends EventDetails {
  id: string;
  kind: EventKind;
  /** 代表论坛 / 约见一府两院. */
  kindLabel: string;
  stationId: string;
  stationName: string;
  date: string;
  start: string;
  end: string;
  deputies: { id: string; name: string }[];
  /** Residents only: whether the caller said 我会参加. */
  attending?: boolean;
  /** Officers of the station and the event's deputies only: how many said 我会参加. */
  attendance?: number;
  /** Before the start: residents may still say they come and ask. */
  open: boolean;
  summary?: EventSummaryView;
}

/** A question in advance as officers and the event's deputies read it: never who asked. */
export interface EventQuestion {
  question: string;
  at: string;
  /** WeChat's check could not answer: read it before quoting it in public. */
  unchecked?: boolean;
}

export interface EventQuestionsOutput {
  receptionId: string;
  attendance: number;
  questions: EventQuestion[];
}

/** An event's 活动回顾 as the station page lists it. */
export interface EventRecap {
  id: string;
  kind: EventKind;
  kindLabel: string;
  topic: string;
  date: string;
  summary: string;
  photoCount: number;
}
