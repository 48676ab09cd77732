import type { ListVisitsOutput, VisitBooking } from '../../../typings/visit';
import { openBookingsOfReception } from '../../data/bookings';
import { findReception } from '../../data/receptions';
import { visitsOfReception } from '../../data/visits';
import type { BookingDocument } from '../../domain/booking/booking.model';
import type { Actor } from '../../domain/case';
import { fail, ok, type Result } from '../../domain/result';
import type { Database } from '../../platform/cloudbase';
import { visitViews } from './visit-view';
import { mayRecordAt } from './visit-scope';

/**
 * A reception's visits, for the officers of its station and the deputies it lists, with the
 * bookings still open (the residents still expected, to pre-fill a visit from). The reception,
 * then the visits and the bookings side by side, and the file URLs.
 */
export async function listVisits(db: Database, actor: Actor, receptionId: string): Promise<Result<ListVisitsOutput>> {
  const reception = await findReception(db, receptionId);
  if (!reception || !mayRecordAt(actor, reception)) return fail('FORBIDDEN', '只有本站联络员和当天接待的代表可以查看登记');
  const [visits, bookings] = await Promise.all([visitsOfReception(db, receptionId), openBookingsOfReception(db, receptionId)]);
  return ok({ visits: await visitViews(visits), bookings: bookings.map(visitBooking) });
}

/** Only what a recorder pre-fills from: the slot, the topic, the deputy asked for, the contact left (theirs to see: they meet the resident). */
function visitBooking(booking: BookingDocument): VisitBooking {
  const { name, phone } = booking.contact ?? {};
  return {
    id: booking._id,
    start: booking.start,
    end: booking.end,
    topic: booking.topic,
    ...(booking.deputy ? { deputy: { id: booking.deputy.id, name: booking.deputy.name } } : {}),
    ...(name ? { name } : {}),
    ...(phone ? { phone } : {}),
  };
}
