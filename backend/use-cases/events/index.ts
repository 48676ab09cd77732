/** 代表论坛 / 约见: reading one, 我会参加, questions in advance, the 活动回顾. */
export { readEvent } from './read-event';
export { attendEvent } from './attend-event';
export { askEvent } from './ask-event';
export { eventQuestions } from './event-questions';
export { summariseEvent } from './summarise-event';
export { EVENT_SETTINGS, type EventContext } from './context';
