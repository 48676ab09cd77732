/**
 * 接待登记 as the demo answers show it: today's reception day (21 November 2026, DEMO_NOW) at
 * 华富, with three residents recorded — a walk-in still to follow up, a booked one answered on the
 * spot, and one already turned into a case that waits to be claimed — two bookings still expected,
 * and the claim code.
 */
import type { ScheduledReception, ScheduleOutput } from '../../../typings/workspace';
import type { ClaimCaseOutput, ListVisitsOutput, VisitBooking, VisitClaim, VisitView } from '../../../typings/visit';
import { minutesAgo } from './case-fixtures';

export const TODAY_RECEPTION: ScheduledReception = {
  id: 'rc-today',
  kind: 'reception',
  stationId: 'st-ft-hf',
  stationName: '福田区华富街道人大代表联络站',
  date: '2026-11-21',
  start: '14:00',
  end: '17:00',
  deputies: [
    { id: 'dp-001', name: '李明', checkedIn: true },
    { id: 'dp-002', name: '张丽华', checkedIn: false },
  ],
  slots: [
    { start: '14:00', end: '15:00', capacity: 4, booked: 2 },
    { start: '15:00', end: '16:00', capacity: 4, booked: 1 },
  ],
  bookings: 3,
};

/** The demo schedule with today's reception first: its 接待登记 button shows. */
export const scheduleWithToday = (schedule: ScheduleOutput): ScheduleOutput => ({ ...schedule, receptions: [TODAY_RECEPTION, ...schedule.receptions] });

const visit = (over: Partial<VisitView>): VisitView => ({
  id: 'vs-1',
  receptionId: TODAY_RECEPTION.id,
  station: { id: 'st-ft-hf', name: TODAY_RECEPTION.stationName },
  date: TODAY_RECEPTION.date,
  deputy: { id: 'dp-001', name: '李明' },
  recordedBy: 'officer',
  status: 'recorded',
  issue: '小区门口的公交站台没有遮雨棚，下雨天老人候车很不方便。',
  photos: [],
  recordedAt: minutesAgo(10),
  ...over,
});

export const WALK_IN = visit({ id: 'vs-3', name: '陈阿姨' });
export const ANSWERED = visit({
  id: 'vs-2',
  bookingId: 'bk-1',
  status: 'answered',
  issue: '想了解老旧小区加装电梯的补贴怎么申请。',
  answer: '已告知向街道办城建科申请，补贴标准按区里的文件，代表留了科室电话。',
  name: '王先生',
  phone: '138****8000',
  recordedAt: minutesAgo(25),
});
export const CONVERTED = visit({
  id: 'vs-1',
  status: 'converted',
  issue: '华富路与莲花路路口的红绿灯时间太短，行人过不完马路。',
  deputy: { id: 'dp-002', name: '张丽华' },
  case: { id: 'case-31', receiptNo: 'FT20261121-0051', claimed: false },
  recordedAt: minutesAgo(40),
});

/** Booked and not yet met (王先生's booking, bk-1, was answered on the spot): 从预约登记, earliest slot first. */
export const BOOKED_LIU: VisitBooking = {
  id: 'bk-2',
  start: '14:00',
  end: '15:00',
  topic: '小区停车位不够，晚上车辆乱停堵住消防通道。',
  deputy: { id: 'dp-002', name: '张丽华' },
  name: '刘女士',
  phone: '13912345678',
};
export const BOOKED_NO_CONTACT: VisitBooking = { id: 'bk-3', start: '15:00', end: '16:00', topic: '想咨询孩子上小学的学位申请。' };

/** Visits latest first, as the server lists them, and the open bookings. */
export const VISITS: ListVisitsOutput = { visits: [WALK_IN, ANSWERED, CONVERTED], bookings: [BOOKED_LIU, BOOKED_NO_CONTACT] };

/** A 1×1 PNG: the page only shows what the server drew. */
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

export const CLAIM: VisitClaim = { code: 'K7M2Q9XB', payload: 'LLZ-CLAIM:K7M2Q9XB', qrImage: PIXEL, expiresAt: '2026-11-21T07:00:00.000Z' };
export const CLAIMED: ClaimCaseOutput = { caseId: 'case-31', receiptNo: 'FT20261121-0051' };
