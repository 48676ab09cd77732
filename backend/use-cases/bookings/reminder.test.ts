import { bookingFixture, at } from '../../domain/booking/booking.fixtures';
import { receptionReminder, reminderIdFor } from './reminder';

describe('the day-before reminder of a booking', () => {
  it('is due at 09:00 Shanghai the day before and opens the booking page', () => {
    const reminder = receptionReminder(bookingFixture({ deputy: { id: 'dp-002', name: '李秀英' } }), at('2025-11-20T02:00:00Z'));
    expect(reminder).toMatchObject({
      _id: reminderIdFor('bk-1'),
      openid: 'o-resident',
      kind: 'receptionReminder',
      state: 'pending',
      attempts: 0,
      nextAttemptAt: at('2025-11-24T01:00:00Z'),
      page: 'packages/station/booking/index?stationId=st-ft-hf',
    });
    // Shaped for WeChat by the template's rules: the slot's start in China time, names within 20 characters.
    expect(Object.values(reminder!.data).map((v) => v.value)).toEqual(['华富街道人大代表联络站', '2025年11月25日 09:30', '李秀英', '请按时到站，不能前来请提前取消预约']);
  });

  it.each([
    ['one second before the reminder time', '2025-11-24T00:59:59Z', true],
    ['at the reminder time', '2025-11-24T01:00:00Z', false],
    ['the afternoon before (bookings still open)', '2025-11-24T08:00:00Z', false],
  ])('booked %s: a reminder only if its time is still ahead', (_name, now, expected) => {
    expect(receptionReminder(bookingFixture(), at(now)) !== undefined).toBe(expected);
  });
});
