/**
 * The work page of one 代表论坛 / 约见: how many said they come, the questions sent in advance
 * (never who asked), and for the officer the 活动回顾 form once it is over; the event's deputies
 * read the same questions without the form. Pure: unit-tested in test/miniprogram/event-officer-pages.test.ts.
 */
import type { EventQuestionsOutput, EventView, SummariseEventInput } from '../../../../typings/event';
import type { StoredPhoto, PhotoSummary } from '../../../components/case-photo-picker/photos';
import { photoProblem } from '../../../components/case-photo-picker/photos';
import { EVENT_LIMITS } from '../../../generated/rules';
import { formatDay } from '../../../pages/stations/station-format';
import { dateTimeText } from '../../../utils/time';

export const SUMMARY_MAX = EVENT_LIMITS.summaryMax;
export const PHOTOS_MAX = EVENT_LIMITS.photos;

export interface OfficerEventView {
  id: string;
  title: string;
  whenText: string;
  attendanceText: string;
  questions: { text: string; atText: string; unchecked: boolean }[];
  /** 'before': questions only; 'form': over, no summary yet; 'posted': the summary as residents see it (and may be corrected). */
  stage: 'before' | 'form' | 'posted';
  summaryText: string;
  /** Only the station's officers post the 活动回顾 (reception.summarise); the event's deputies read. */
  canSummarise: boolean;
  /** The page's heading, as the reader's part: '提问与活动回顾' or '群众提问'. */
  heading: string;
}

/** Who reads: the station's officer, or one of the event's deputies (the only others reception.questions answers). */
export type EventReader = 'officer' | 'deputy';

export function toOfficerEventView(event: EventView, read: EventQuestionsOutput, now: Date, reader: EventReader = 'officer'): OfficerEventView {
  return {
    id: event.id,
    title: `${event.kindLabel}：${event.topic}`,
    whenText: `${formatDay(event.date)} ${event.start}-${event.end} · ${event.place}`,
    attendanceText: `已有 ${read.attendance} 人报名参加 · ${read.questions.length} 条提问`,
    questions: read.questions.map((q) => ({ text: q.question, atText: dateTimeText(q.at, now), unchecked: q.unchecked === true })),
    stage: event.summary ? 'posted' : event.open || !over(event, now) ? 'before' : 'form',
    summaryText: event.summary?.text ?? '',
    canSummarise: reader === 'officer',
    heading: reader === 'officer' ? '提问与活动回顾' : '群众提问',
  };
}

/** Over once its end has passed in Shanghai (UTC+8): the server says the same with NOT_YET_DUE. */
function over(event: Pick<EventView, 'date' | 'end'>, now: Date): boolean {
  return now.getTime() >= new Date(`${event.date}T${event.end}:00+08:00`).getTime();
}

export function summaryProblem(summary: string, photos: Pick<PhotoSummary, 'uploading' | 'failed' | 'photos'>): string {
  const text = summary.trim();
  if (!text) return '请填写活动回顾';
  if (Array.from(text).length > SUMMARY_MAX) return `活动回顾最多 ${SUMMARY_MAX} 个字`;
  return photoProblem(photos) || (photos.photos.length > PHOTOS_MAX ? `照片最多 ${PHOTOS_MAX} 张` : '');
}

export function toSummariseInput(receptionId: string, summary: string, photos: readonly StoredPhoto[]): SummariseEventInput {
  return { receptionId, summary: summary.trim(), photoFileIds: photos.map((p) => p.fileId) };
}
