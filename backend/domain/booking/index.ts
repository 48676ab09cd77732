/** Booking a slot on a reception day (约访): pure rules for the `reception` use cases. */
export * from './booking.rules';
export * from './booking.time';
export * from './booking.errors';
export * from './booking.model';
export * from './booking.policy';
export * from './booking.listing';
export * from './booking.view';
export * from './booking.input';
export * from './booking.create';
export * from './booking.limit';
