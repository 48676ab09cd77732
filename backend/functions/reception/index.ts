import { randomBytes } from 'node:crypto';
import { bookSlotSchema, cancelBookingSchema, listReceptionsSchema, myBookingsSchema } from '../../domain/booking';
import { checkInSchema, followedSchema, followingSchema, followStationSchema, presenceCodeSchema, publishReceptionSchema, scheduleSchema } from '../../domain/reception';
import { askEventSchema, attendEventSchema, eventRefSchema, summariseEventSchema } from '../../domain/event';
import { callContext } from '../../platform/call-context';
import { database } from '../../platform/cloudbase';
import { ANYONE, defineApi } from '../define-api';
import { bookSlot, cancelBooking, listReceptions, myBookings } from '../../use-cases/bookings';
import { askEvent, attendEvent, eventQuestions, readEvent, summariseEvent, type EventContext } from '../../use-cases/events';
import { recordVisitSchema, visitRefSchema, visitsSchema, visitToCaseSchema } from '../../domain/visit';
import { listVisits, recordVisit, renewClaimCode, visitToCase, type VisitContext } from '../../use-cases/visits';
import { checkIn, followedStations, followingStation, followStation, presenceCode, publishReception, schedule, type ReceptionContext } from '../../use-cases/receptions';

const OFFICER = ['officer'] as const;
const DEPUTY = ['deputy'] as const;

const context = (): ReceptionContext => callContext();
const eventContext = (): EventContext => callContext();

function visitContext(): VisitContext {
  const call = callContext();
  return { ...call, ids: call.randomId, randomBytes: (size) => randomBytes(size) };
}

/** 接待日登记: the station's officers and the reception's deputies. */
const RECORDERS = ['officer', 'deputy'] as const;

/**
 * Reception days (接待日). Residents list and book slots (约访) and follow stations; liaison
 * officers publish their stations' days, read the schedule and show the day's presence code;
 * deputies check in with that code during the reception. 代表论坛 / 约见 are published the same way;
 * residents say they come and ask in advance, officers and the event's deputies read the
 * questions, officers post the 活动回顾 afterwards.
 * The clock is read here, once per call.
 */
export const main = defineApi({
  list: {
    allow: ANYONE,
    input: listReceptionsSchema,
    run: (input) => listReceptions(database(), input, new Date()),
  },
  book: {
    allow: ['resident'],
    input: bookSlotSchema,
    run: (input, _who, caller) => bookSlot(database(), caller.openid, input, new Date()),
  },
  cancel: {
    allow: ['resident'],
    input: cancelBookingSchema,
    run: (input, _who, caller) => cancelBooking(database(), caller.openid, input, new Date()),
  },
  mine: {
    allow: ['resident'],
    input: myBookingsSchema,
    run: (_input, _who, caller) => myBookings(database(), caller.openid, new Date()),
  },
  follow: {
    allow: ['resident'],
    input: followStationSchema,
    run: (input, _who, caller) => followStation(database(), caller.openid, input, new Date()),
  },
  following: {
    allow: ['resident'],
    input: followingSchema,
    run: (input, _who, caller) => followingStation(database(), caller.openid, input.stationId),
  },
  followed: {
    allow: ['resident'],
    input: followedSchema,
    run: (_input, _who, caller) => followedStations(database(), caller.openid, new Date()),
  },
  schedule: {
    allow: OFFICER,
    input: scheduleSchema,
    run: (input, who) => schedule(database(), who.actor, input, new Date()),
  },
  publish: {
    allow: OFFICER,
    input: publishReceptionSchema,
    run: (input, who) => publishReception(context(), who.actor, input),
  },
  checkIn: {
    allow: DEPUTY,
    input: checkInSchema,
    run: (input, who) => checkIn(database(), who.actor, input, new Date()),
  },
  presenceCode: {
    allow: OFFICER,
    input: presenceCodeSchema,
    run: (input, who) => presenceCode(database(), who.actor, input, new Date()),
  },
  event: {
    allow: ANYONE,
    input: eventRefSchema,
    run: (input, caller) => readEvent(eventContext(), caller.openid, input.receptionId),
  },
  attend: {
    allow: ['resident'],
    input: attendEventSchema,
    run: (input, who, _caller) => attendEvent(eventContext(), who.actor, input),
  },
  ask: {
    allow: ['resident'],
    input: askEventSchema,
    run: (input, who, _caller) => askEvent(eventContext(), who.actor, input),
  },
  questions: {
    allow: ['officer', 'deputy'],
    input: eventRefSchema,
    run: (input, who, _caller) => eventQuestions(eventContext(), who.actor, input),
  },
  summarise: {
    allow: OFFICER,
    input: summariseEventSchema,
    run: (input, who, caller) => summariseEvent(eventContext(), who.actor, caller.openid, input),
  },
  recordVisit: {
    allow: RECORDERS,
    input: recordVisitSchema,
    run: (input, who, caller) => recordVisit(visitContext(), who.actor, caller.openid, input),
  },
  visits: {
    allow: RECORDERS,
    input: visitsSchema,
    run: (input, who) => listVisits(database(), who.actor, input.receptionId),
  },
  visitToCase: {
    allow: RECORDERS,
    input: visitToCaseSchema,
    run: (input, who, caller) => visitToCase(visitContext(), who.actor, caller.openid, input),
  },
  claimCode: {
    allow: RECORDERS,
    input: visitRefSchema,
    run: (input, who) => renewClaimCode(visitContext(), who.actor, input.visitId),
  },
});
