import { bookSlotSchema, cancelBookingSchema, listReceptionsSchema, myBookingsSchema } from '../../domain/booking';
import { database } from '../../platform/cloudbase';
import { defineFunction } from '../../platform/define-function';
import { bookSlot, cancelBooking, listReceptions, myBookings } from '../../use-cases/bookings';

/**
 * Booking a slot on a station's reception day (预约接待 / 约访). `list` is public like the
 * schedule; the rest act for the WeChat caller only. The clock is read here, once per call.
 */
export const main = defineFunction({
  list: {
    input: listReceptionsSchema,
    run: (input) => listReceptions(database(), input, new Date()),
  },
  book: {
    input: bookSlotSchema,
    run: (input, caller) => bookSlot(database(), caller.openid, input, new Date()),
  },
  cancel: {
    input: cancelBookingSchema,
    run: (input, caller) => cancelBooking(database(), caller.openid, input, new Date()),
  },
  mine: {
    input: myBookingsSchema,
    run: (_input, caller) => myBookings(database(), caller.openid, new Date()),
  },
});
