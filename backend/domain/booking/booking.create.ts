/** The documents a booking and its cancellation write: pure, from what the use case read. */
import type { Reception } from '../../../typings/models';
import type { BookingContact, BookingDocument } from './booking.model';
import { shanghaiInstant } from '../calendar';

export interface NewBooking {
  id: string;
  openid: string;
  requestId: string;
  reception: Reception;
  slotIndex: number;
  stationName: string;
  deputy?: { id: string; name: string };
  topic: string;
  contact?: BookingContact;
  now: Date;
}

export function createBooking(input: NewBooking): BookingDocument {
  const { reception, slotIndex, now } = input;
  const slot = reception.slots[slotIndex];
  const contact = input.contact && (input.contact.name || input.contact.phone) ? input.contact : undefined;
  return {
    _id: input.id,
    openid: input.openid,
    requestId: input.requestId,
    receptionId: reception._id,
    stationId: reception.stationId,
    stationName: input.stationName,
    date: reception.date,
    slotIndex,
    start: slot.start,
    end: slot.end,
    startsAt: shanghaiInstant(reception.date, slot.start),
    ...(input.deputy ? { deputy: input.deputy } : {}),
    topic: input.topic,
    ...(contact ? { contact } : {}),
    status: 'booked',
    createdAt: now,
    updatedAt: now,
  };
}

export function cancelBookingDocument(booking: BookingDocument, now: Date): BookingDocument {
  return { ...booking, status: 'cancelled', updatedAt: now, cancelledAt: now };
}

/** `booked` after one booking leaves the slot; never below zero, whatever an officer edited. */
export function bookedAfterCancel(booked: number): number {
  return Math.max(0, booked - 1);
}
