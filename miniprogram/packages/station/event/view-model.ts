/**
 * Shapes one 代表论坛 / 约见 for its page: when and where, who comes, what residents may still do
 * (我会参加, 提问) and, afterwards, the 活动回顾. Pure: unit-tested in test/miniprogram/event-view-model.test.ts.
 */
import type { EventView } from '../../../../typings/event';
import { EVENT_LIMITS } from '../../../generated/rules';
import { formatDay } from '../../../pages/stations/station-format';

/** What a resident may type as a question (AskEventInput.question): the server's limit. */
export const QUESTION_MAX = EVENT_LIMITS.questionMax;

export function eventPageUrl(receptionId: string): string {
  return `/packages/station/event/index?id=${encodeURIComponent(receptionId)}`;
}

/** The work page of an event's questions (packages/work/event): officers of the station and the event's deputies. */
export function questionsPageUrl(receptionId: string): string {
  return `/packages/work/event/index?id=${encodeURIComponent(receptionId)}`;
}

/** What the reader may do: a resident before the start comes and asks; afterwards everyone reads. */
export type EventStage = 'open' | 'started' | 'summarised';

export interface EventPageView {
  id: string;
  kindLabel: string;
  topic: string;
  stationName: string;
  /** '3月8日 周日 14:30-16:30'. */
  whenText: string;
  place: string;
  deputiesText: string;
  /** '区住房和建设局、华富街道办事处', or '' when none was invited. */
  departmentsText: string;
  stage: EventStage;
  /** Residents only: null for anyone who cannot say they come (work roles). */
  attending: boolean | null;
  /** Officers and the event's deputies: '已有 12 人报名参加'; '' for everyone else. */
  attendanceText: string;
  /** Officers and the event's deputies: their page of the questions sent in advance; '' for everyone else. */
  questionsUrl: string;
  summary: { paragraphs: string[]; photos: string[]; postedText: string } | null;
}

export function toEventPageView(event: EventView): EventPageView {
  return {
    id: event.id,
    kindLabel: event.kindLabel,
    topic: event.topic,
    stationName: event.stationName,
    whenText: `${formatDay(event.date)} ${event.start}-${event.end}`,
    place: event.place,
    deputiesText: event.deputies.map((d) => d.name).join('、') || '待定',
    departmentsText: event.departments.join('、'),
    stage: event.summary ? 'summarised' : event.open ? 'open' : 'started',
    attending: event.attending ?? null,
    attendanceText: event.attendance === undefined ? '' : `已有 ${event.attendance} 人报名参加`,
    // The server counts attendance for exactly those who may read the questions (reception.questions).
    questionsUrl: event.attendance === undefined ? '' : questionsPageUrl(event.id),
    summary: event.summary
      ? {
          paragraphs: event.summary.text.split(/\n+/).filter((line) => line.trim() !== ''),
          photos: event.summary.photos.map((p) => p.url).filter((url) => url !== ''),
          postedText: `${formatDay(event.summary.at.slice(0, 10))} 发布`,
        }
      : null,
  };
}

/** Before sending: a clear sentence, or '' when the question may go. */
export function questionProblem(question: string): string {
  const text = question.trim();
  if (!text) return '请先写下您想问的问题';
  if (Array.from(text).length > QUESTION_MAX) return `问题最多 ${QUESTION_MAX} 个字`;
  return '';
}

/** Shared: the event's own page, titled with its kind and topic. */
export function shareOf(event: Pick<EventView, 'id' | 'kindLabel' | 'topic'>): { title: string; path: string } {
  return { title: `${event.kindLabel}：${event.topic}`, path: eventPageUrl(event.id) };
}
