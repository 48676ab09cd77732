/** 代表论坛 and 约见一府两院: events on the reception schedule, their attendance, questions and 活动回顾. */
export * from './event.rules';
export * from './event.errors';
export * from './event.input';
export * from './event.policy';
export * from './event.view';
