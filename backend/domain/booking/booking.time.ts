/**
 * Instants of a reception, in Asia/Shanghai. Reception dates and times are local wall-clock
 * values ('YYYY-MM-DD', 'HH:mm'); functions run in UTC, so every comparison goes through here.
 */
import { addDays, shanghaiInstant } from '../calendar';
import { BOOKING_RULES } from './booking.rules';

/** The moment bookings for a reception on `date` close (18:00 the day before). */
export function bookingClosesAt(date: string): Date {
  return shanghaiInstant(addDays(date, -BOOKING_RULES.closes.daysBefore), BOOKING_RULES.closes.at);
}

/** When the day-before reminder of a booking on `date` is due (09:00 the day before). */
export function reminderDueAt(date: string): Date {
  return shanghaiInstant(addDays(date, -BOOKING_RULES.reminder.daysBefore), BOOKING_RULES.reminder.at);
}
