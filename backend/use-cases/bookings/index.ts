/** The `reception` function's use cases: list, book, cancel, mine. */
export { listReceptions } from './list-receptions';
export { bookSlot } from './book-slot';
export { cancelBooking } from './cancel-booking';
export { myBookings } from './my-bookings';
