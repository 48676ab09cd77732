import { cancelBookingDocument, createBooking } from './booking.create';
import { at, bookingFixture, receptionFixture } from './booking.fixtures';
import { orderMine, toBookingView } from './booking.view';

describe('a booking as its owner sees it', () => {
  it('copies the slot and names, and keeps the openid, request id and contact on the server', () => {
    const doc = createBooking({
      id: 'bk-9',
      openid: 'o-resident',
      requestId: 'req-00000009',
      reception: receptionFixture(),
      slotIndex: 1,
      stationName: '华富街道人大代表联络站',
      deputy: { id: 'dp-002', name: '李秀英' },
      topic: '小区加装电梯',
      contact: { name: '张女士', phone: '13800138000' },
      now: at('2025-11-20T02:00:00Z'),
    });
    expect(doc).toMatchObject({ start: '09:30', end: '10:00', startsAt: at('2025-11-25T01:30:00Z'), status: 'booked', contact: { name: '张女士' } });
    expect(toBookingView(doc)).toEqual({
      id: 'bk-9',
      receptionId: 'rc-ft-hf-20251125',
      stationId: 'st-ft-hf',
      stationName: '华富街道人大代表联络站',
      date: '2025-11-25',
      start: '09:30',
      end: '10:00',
      deputy: { id: 'dp-002', name: '李秀英' },
      topic: '小区加装电梯',
      status: 'booked',
      createdAt: '2025-11-20T02:00:00.000Z',
    });
  });

  it('stores no empty contact', () => {
    const doc = createBooking({
      id: 'bk-9',
      openid: 'o',
      requestId: 'req-00000009',
      reception: receptionFixture(),
      slotIndex: 0,
      stationName: '站',
      topic: '话题',
      contact: {},
      now: at('2025-11-20T02:00:00Z'),
    });
    expect('contact' in doc).toBe(false);
    expect('deputy' in doc).toBe(false);
  });

  it('a cancelled booking says when it was cancelled', () => {
    const cancelled = cancelBookingDocument(bookingFixture(), at('2025-11-21T00:00:00Z'));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledAt: at('2025-11-21T00:00:00Z'), updatedAt: at('2025-11-21T00:00:00Z') });
  });
});

describe('我的预约 order', () => {
  it('puts upcoming bookings first, soonest first; then the rest, latest first', () => {
    const now = at('2025-11-20T00:00:00Z');
    const docs = [
      bookingFixture({ _id: 'past', startsAt: at('2025-11-10T01:00:00Z') }),
      bookingFixture({ _id: 'later', startsAt: at('2025-12-10T01:00:00Z') }),
      bookingFixture({ _id: 'cancelled-soon', status: 'cancelled', startsAt: at('2025-11-22T01:00:00Z') }),
      bookingFixture({ _id: 'soon', startsAt: at('2025-11-21T01:00:00Z') }),
      bookingFixture({ _id: 'older', status: 'attended', startsAt: at('2025-10-10T01:00:00Z') }),
    ];
    expect(orderMine(docs, now).map((d) => d._id)).toEqual(['soon', 'later', 'cancelled-soon', 'past', 'older']);
  });
});
