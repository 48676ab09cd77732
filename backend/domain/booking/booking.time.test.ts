import { shanghaiInstant } from '../calendar';
import { bookingClosesAt, reminderDueAt } from './booking.time';

describe('reception instants in Asia/Shanghai', () => {
  it.each([
    ['2025-11-25', '09:30', '2025-11-25T01:30:00.000Z'],
    ['2025-11-25', '00:00', '2025-11-24T16:00:00.000Z'],
    ['2026-01-01', '07:59', '2025-12-31T23:59:00.000Z'],
  ])('%s %s Shanghai is %s', (date, time, iso) => {
    expect(shanghaiInstant(date, time).toISOString()).toBe(iso);
  });

  it.each([
    ['2025-11-25', '2025-11-24T10:00:00.000Z'],
    ['2025-12-01', '2025-11-30T10:00:00.000Z'], // across a month
    ['2026-01-01', '2025-12-31T10:00:00.000Z'], // across a year
  ])('bookings for %s close at 18:00 the day before (%s)', (date, iso) => {
    expect(bookingClosesAt(date).toISOString()).toBe(iso);
  });

  it.each([
    ['2025-11-25', '2025-11-24T01:00:00.000Z'],
    ['2025-03-01', '2025-02-28T01:00:00.000Z'],
  ])('the reminder for %s is due at 09:00 the day before (%s)', (date, iso) => {
    expect(reminderDueAt(date).toISOString()).toBe(iso);
  });
});
