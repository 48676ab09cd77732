/**
 * A 代表论坛 of the demo station, around DEMO_NOW (21 November 2026): one ahead that residents
 * may still come to and ask, the same held and summarised, its questions and the station page
 * with its card and 活动回顾. Hand-written, as the server would answer.
 */
import type { StationDetail } from '../../../typings/api';
import type { EventQuestionsOutput, EventView } from '../../../typings/event';
import type { ScheduleOutput } from '../../../typings/workspace';

export const FORUM_AHEAD: EventView = {
  id: 'rc-ft-hf-20261205',
  kind: 'forum',
  kindLabel: '代表论坛',
  stationId: 'st-ft-hf',
  stationName: '华富街道人大代表联络站',
  topic: '老旧小区加装电梯',
  departments: ['区住房和建设局', '华富街道办事处'],
  place: '华富街道联络站二楼会议室',
  date: '2026-12-05',
  start: '14:30',
  end: '16:30',
  deputies: [
    { id: 'dp-001', name: '李明' },
    { id: 'dp-002', name: '张丽华' },
  ],
  attending: false,
  open: true,
};

export const FORUM_SUMMARISED: EventView = {
  ...FORUM_AHEAD,
  id: 'rc-ft-hf-20261107',
  date: '2026-11-07',
  attending: undefined,
  open: false,
  summary: {
    text: '区住房和建设局到会介绍了加装电梯的补贴政策和申请流程。\n莲花北村三个小区的居民代表提出低楼层住户补偿问题，街道办将组织协商。',
    photos: [
      { fileId: 'cloud://demo/events/forum-1.jpg', url: 'https://demo.invalid/events/forum-1.jpg' },
      { fileId: 'cloud://demo/events/forum-2.jpg', url: 'https://demo.invalid/events/forum-2.jpg' },
    ],
    at: '2026-11-07T10:00:00.000Z',
  },
};

export const FORUM_QUESTIONS: EventQuestionsOutput = {
  receptionId: FORUM_AHEAD.id,
  attendance: 12,
  questions: [
    { question: '加装电梯的补贴怎么申请？要准备哪些材料？', at: '2026-11-20T02:00:00.000Z' },
    { question: '低楼层住户不同意怎么办？', at: '2026-11-19T12:30:00.000Z', unchecked: true },
  ],
};

/** The demo station with the forum ahead on its schedule and the one held in its 活动回顾. */
export function stationWithForum(station: StationDetail): StationDetail {
  return {
    ...station,
    receptions: [
      ...station.receptions,
      { id: FORUM_AHEAD.id, kind: 'forum', topic: FORUM_AHEAD.topic, date: FORUM_AHEAD.date, start: FORUM_AHEAD.start, end: FORUM_AHEAD.end, deputies: FORUM_AHEAD.deputies },
    ],
    recaps: [
      {
        id: FORUM_SUMMARISED.id,
        kind: 'forum',
        kindLabel: '代表论坛',
        topic: FORUM_SUMMARISED.topic,
        date: FORUM_SUMMARISED.date,
        summary: FORUM_SUMMARISED.summary!.text,
        photoCount: 2,
      },
    ],
  };
}

/** The officer's schedule with the forum ahead: its counts and the way to its questions. */
export function scheduleWithForum(schedule: ScheduleOutput): ScheduleOutput {
  return {
    ...schedule,
    receptions: [
      ...schedule.receptions,
      {
        id: FORUM_AHEAD.id,
        kind: 'forum',
        stationId: FORUM_AHEAD.stationId,
        stationName: FORUM_AHEAD.stationName,
        date: FORUM_AHEAD.date,
        start: FORUM_AHEAD.start,
        end: FORUM_AHEAD.end,
        deputies: FORUM_AHEAD.deputies.map((d) => ({ ...d, checkedIn: false })),
        slots: [],
        bookings: 0,
        event: { topic: FORUM_AHEAD.topic, attendance: FORUM_QUESTIONS.attendance, questions: FORUM_QUESTIONS.questions.length, summarised: false },
      },
    ],
  };
}
