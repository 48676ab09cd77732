import type { MyBookingsOutput } from '../../../typings/booking';
import { BOOKING_RULES, orderMine, toBookingView } from '../../domain/booking';
import { fail, ok, type Result } from '../../domain/result';
import { bookingsOf } from '../../data/bookings';
import type { Database } from '../../platform/cloudbase';

/** 我的预约: the caller's own bookings only, upcoming first. */
export async function myBookings(db: Database, openid: string, now: Date): Promise<Result<MyBookingsOutput>> {
  if (!openid) return fail('UNAUTHENTICATED');
  const docs = await bookingsOf(db, openid, BOOKING_RULES.mineLimit);
  return ok({ bookings: orderMine(docs, now).map(toBookingView) });
}
