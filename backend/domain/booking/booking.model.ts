/**
 * A booking (约访) as stored in `bookings`. Station name, slot times and the deputy's name
 * are copied from the reception at booking time, so "我的预约" is one query and a booking
 * keeps saying what the resident agreed to even if the schedule is edited later.
 */
import type { BookingStatus } from '../../../typings/booking';

export type { BookingStatus };

export interface BookingContact {
  name?: string;
  phone?: string;
}

export interface BookingDocument {
  /** sha256(openid + requestId): a retried request lands on the same document. */
  _id: string;
  openid: string;
  requestId: string;
  receptionId: string;
  stationId: string;
  stationName: string;
  /** 'YYYY-MM-DD' Asia/Shanghai, and the slot's 'HH:mm' times. */
  date: string;
  slotIndex: number;
  start: string;
  end: string;
  /** The slot's start as an instant: what "upcoming" and ordering compare. */
  startsAt: Date;
  deputy?: { id: string; name: string };
  topic: string;
  contact?: BookingContact;
  status: BookingStatus;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt?: Date;
}

/**
 * "This resident holds an active booking at this reception", as a document of its own whose id
 * is derived from (openid, receptionId). Inside a transaction CloudBase can only read documents
 * by id, so this is how "one active booking per resident per reception" holds under concurrency.
 */
export interface BookingClaimDocument {
  _id: string;
  bookingId: string;
  receptionId: string;
  createdAt: Date;
}
