import { bookSlotSchema, cancelBookingSchema, listReceptionsSchema, myBookingsSchema } from '../../domain/booking';
import { database } from '../../platform/cloudbase';
import { ANYONE, defineApi } from '../define-api';
import { bookSlot, cancelBooking, listReceptions, myBookings } from '../../use-cases/bookings';

/**
 * Booking a slot on a station's reception day (预约接待 / 约访). `list` is public like the
 * schedule; the rest act for the WeChat caller only. The clock is read here, once per call.
 */
export const main = defineApi({
  list: {
    allow: ANYONE,
    input: listReceptionsSchema,
    run: (input) => listReceptions(database(), input, new Date()),
  },
  book: {
    allow: ['resident'],
    input: bookSlotSchema,
    run: (input, _who, caller) => bookSlot(database(), caller.openid, input, new Date()),
  },
  cancel: {
    allow: ['resident'],
    input: cancelBookingSchema,
    run: (input, _who, caller) => cancelBooking(database(), caller.openid, input, new Date()),
  },
  mine: {
    allow: ['resident'],
    input: myBookingsSchema,
    run: (_input, _who, caller) => myBookings(database(), caller.openid, new Date()),
  },
});
