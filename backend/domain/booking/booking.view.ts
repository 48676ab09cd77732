/** A booking as its owner sees it, and the order of "我的预约". */
import type { BookingView } from '../../../typings/booking';
import type { BookingDocument } from './booking.model';

/** The openid, request id and contact stay on the server: the owner typed the contact themselves. */
export function toBookingView(doc: BookingDocument): BookingView {
  return {
    id: doc._id,
    receptionId: doc.receptionId,
    stationId: doc.stationId,
    stationName: doc.stationName,
    date: doc.date,
    start: doc.start,
    end: doc.end,
    ...(doc.deputy ? { deputy: { id: doc.deputy.id, name: doc.deputy.name } } : {}),
    topic: doc.topic,
    status: doc.status,
    createdAt: new Date(doc.createdAt).toISOString(),
  };
}

export function isUpcoming(doc: BookingDocument, now: Date): boolean {
  return doc.status === 'booked' && new Date(doc.startsAt).getTime() > now.getTime();
}

/** Upcoming active bookings first, soonest first; then everything else, latest first. */
export function orderMine(docs: BookingDocument[], now: Date): BookingDocument[] {
  const at = (d: BookingDocument) => new Date(d.startsAt).getTime();
  const upcoming = docs.filter((d) => isUpcoming(d, now)).sort((a, b) => at(a) - at(b));
  const rest = docs.filter((d) => !isUpcoming(d, now)).sort((a, b) => at(b) - at(a));
  return [...upcoming, ...rest];
}
