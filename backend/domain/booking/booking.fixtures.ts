/** Test fixtures: a reception on Tuesday 25 November 2025 at 华富街道, published a week ahead. */
import type { Reception } from '../../../typings/models';
import type { BookingDocument } from './booking.model';

export const at = (iso: string): Date => new Date(iso);

export function receptionFixture(over: Partial<Reception> = {}): Reception {
  return {
    _id: 'rc-ft-hf-20251125',
    stationId: 'st-ft-hf',
    date: '2025-11-25',
    start: '09:00',
    end: '10:30',
    deputyIds: ['dp-001', 'dp-002'],
    officerId: 'sf-ft-hf',
    slots: [
      { start: '09:00', end: '09:30', capacity: 2, booked: 0 },
      { start: '09:30', end: '10:00', capacity: 2, booked: 1 },
      { start: '10:00', end: '10:30', capacity: 3, booked: 3 },
    ],
    publishedAt: at('2025-11-16T09:00:00Z'),
    ...over,
  };
}

export function bookingFixture(over: Partial<BookingDocument> = {}): BookingDocument {
  return {
    _id: 'bk-1',
    openid: 'o-resident',
    requestId: 'req-00000001',
    receptionId: 'rc-ft-hf-20251125',
    stationId: 'st-ft-hf',
    stationName: '华富街道人大代表联络站',
    date: '2025-11-25',
    slotIndex: 1,
    start: '09:30',
    end: '10:00',
    startsAt: at('2025-11-25T01:30:00Z'),
    topic: '小区加装电梯',
    status: 'booked',
    createdAt: at('2025-11-20T02:00:00Z'),
    updatedAt: at('2025-11-20T02:00:00Z'),
    ...over,
  };
}
