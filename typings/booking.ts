/** Booking a meeting with a deputy on a reception day (约访). Types only. */

export type BookingStatus = 'booked' | 'cancelled' | 'attended' | 'missed';

export interface ReceptionSlotView {
  index: number;
  start: string;
  end: string;
  capacity: number;
  /** Places still free; 0 means full. */
  remaining: number;
}

export interface BookableReception {
  id: string;
  stationId: string;
  date: string;
  start: string;
  end: string;
  deputies: { id: string; name: string }[];
  slots: ReceptionSlotView[];
}

export interface ListReceptionsInput {
  stationId: string;
}

export interface ListReceptionsOutput {
  receptions: BookableReception[];
}

export interface BookSlotInput {
  /** Client idempotency key: a retried booking never takes two places. */
  requestId: string;
  receptionId: string;
  slotIndex: number;
  /** Which attending deputy the resident wants to meet, if any. */
  deputyId?: string;
  /** What they want to talk about, shown to the deputy and officer (≤ 100 chars). */
  topic: string;
  contact?: { name?: string; phone?: string };
}

export interface BookingView {
  id: string;
  receptionId: string;
  stationId: string;
  stationName: string;
  date: string;
  start: string;
  end: string;
  deputy?: { id: string; name: string };
  topic: string;
  status: BookingStatus;
  createdAt: string;
}

export interface MyBookingsOutput {
  bookings: BookingView[];
}
