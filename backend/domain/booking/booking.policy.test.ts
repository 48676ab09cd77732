import type { Reception } from '../../../typings/models';
import { at, bookingFixture, receptionFixture } from './booking.fixtures';
import { decideBooking, decideCancel } from './booking.policy';

// Bookings for 2025-11-25 close at 2025-11-24 18:00 Shanghai = 10:00Z.
const BEFORE_CLOSE = at('2025-11-24T09:59:59Z');

describe('who may book which slot', () => {
  type Row = [string, Partial<{ reception: Reception | undefined; slotIndex: number; deputyId: string; heldBookingId: string; now: Date }>, string | null];
  const rows: Row[] = [
    ['a free place in an open reception', {}, null],
    ['the last place of a slot', { slotIndex: 1 }, null],
    ['with an attending deputy', { deputyId: 'dp-002' }, null],
    ['one second before bookings close', { now: BEFORE_CLOSE }, null],
    ['a reception that does not exist', { reception: undefined }, 'NOT_FOUND 没有找到这次接待，可能已被取消'],
    ['a reception not yet published', { reception: receptionFixture({ publishedAt: at('2025-11-22T00:00:00Z') }) }, 'NOT_FOUND 没有找到这次接待，可能已被取消'],
    ['at the moment bookings close (18:00 the day before)', { now: at('2025-11-24T10:00:00Z') }, 'CONFLICT 预约已截止：请在接待日前一天 18:00 前预约'],
    ['on the morning of the reception', { now: at('2025-11-24T23:30:00Z') }, 'CONFLICT 预约已截止：请在接待日前一天 18:00 前预约'],
    ['after the reception ended', { now: at('2025-11-25T02:30:00Z') }, 'CONFLICT 这次接待已经结束，请选择其他接待日'],
    ['a week after the reception', { now: at('2025-12-02T02:00:00Z') }, 'CONFLICT 这次接待已经结束，请选择其他接待日'],
    ['a slot that does not exist', { slotIndex: 3 }, 'INVALID_INPUT 没有这个时段，请重新选择 slotIndex'],
    ['a deputy who does not attend', { deputyId: 'dp-099' }, 'INVALID_INPUT 这位代表不参加这次接待，请重新选择 deputyId'],
    ['while holding a booking at the same reception', { heldBookingId: 'bk-0' }, 'CONFLICT 您已预约了这次接待，如需更换时段请先取消原预约'],
    ['a full slot', { slotIndex: 2 }, 'SLOT_FULL 该时段已约满，请选择其他时段'],
    [
      'a slot whose capacity was lowered below what is booked',
      { reception: receptionFixture({ slots: [{ start: '09:00', end: '09:30', capacity: 1, booked: 2 }] }) },
      'SLOT_FULL 该时段已约满，请选择其他时段',
    ],
  ];

  it.each(rows)('%s', (_name, over, expected) => {
    const attempt = { reception: receptionFixture(), slotIndex: 0, now: at('2025-11-20T02:00:00Z'), ...over };
    const result = decideBooking(attempt);
    const answer = result.ok ? null : [result.failure.code, result.failure.detail, result.failure.field].filter(Boolean).join(' ');
    expect(answer).toBe(expected);
  });

  it('answers the slot it decided on, as read', () => {
    const result = decideBooking({ reception: receptionFixture(), slotIndex: 1, now: at('2025-11-20T02:00:00Z') });
    expect(result.ok && result.value.slot).toEqual({ start: '09:30', end: '10:00', capacity: 2, booked: 1 });
  });
});

describe('who may cancel', () => {
  // The booking's slot starts 2025-11-25 09:30 Shanghai = 01:30Z.
  const rows: [string, Parameters<typeof decideCancel>[0], string][] = [
    ['the owner, before the slot starts', { booking: bookingFixture(), openid: 'o-resident', now: at('2025-11-25T01:29:59Z') }, 'changed'],
    ['the owner, on the day, after bookings closed', { booking: bookingFixture(), openid: 'o-resident', now: at('2025-11-24T23:00:00Z') }, 'changed'],
    ['the owner, again, after cancelling', { booking: bookingFixture({ status: 'cancelled' }), openid: 'o-resident', now: at('2025-11-21T00:00:00Z') }, 'unchanged'],
    ['another resident', { booking: bookingFixture(), openid: 'o-someone-else', now: at('2025-11-21T00:00:00Z') }, 'NOT_FOUND 没有找到这条预约'],
    ['a caller without an openid', { booking: bookingFixture(), openid: '', now: at('2025-11-21T00:00:00Z') }, 'NOT_FOUND 没有找到这条预约'],
    ['nobody, when the booking does not exist', { booking: undefined, openid: 'o-resident', now: at('2025-11-21T00:00:00Z') }, 'NOT_FOUND 没有找到这条预约'],
    ['the owner, when the slot has started', { booking: bookingFixture(), openid: 'o-resident', now: at('2025-11-25T01:30:00Z') }, 'CONFLICT 预约时段已开始，不能取消'],
    [
      'the owner, once marked attended',
      { booking: bookingFixture({ status: 'attended' }), openid: 'o-resident', now: at('2025-11-21T00:00:00Z') },
      'CONFLICT 这次接待已经结束，不能取消',
    ],
    [
      'the owner, once marked missed',
      { booking: bookingFixture({ status: 'missed' }), openid: 'o-resident', now: at('2025-11-21T00:00:00Z') },
      'CONFLICT 这次接待已经结束，不能取消',
    ],
  ];

  it.each(rows)('%s', (_name, attempt, expected) => {
    const result = decideCancel(attempt);
    const answer = result.ok ? (result.value.changed ? 'changed' : 'unchanged') : `${result.failure.code} ${result.failure.detail}`;
    expect(answer).toBe(expected);
  });
});
