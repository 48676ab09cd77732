/**
 * What an export contains, shaped from stored documents: everything the person gave or was
 * given about themselves, nothing about others beyond what their own case page shows.
 * Dates become ISO strings; nothing the SDK returns (Date, Point) is left in the answer.
 */
import type { ExportedBooking, ExportedCase, ExportedEvent } from '../../../typings/account';
import type { BookingDocument } from '../booking/booking.model';
import type { CaseEvent, CaseState } from '../case';

/** Cases per export page: each carries its whole timeline (dozens of events at most). */
export const EXPORT_CASES_PER_PAGE = 20;
/** Bookings and follows per export: far more than a person makes (one booking per reception). */
export const EXPORT_LIST_LIMIT = 200;

export function exportedCase(state: CaseState, stationName: string, events: readonly CaseEvent[], openid: string): ExportedCase {
  return withoutUndefined({
    id: state.id,
    receiptNo: state.receiptNo,
    stationId: state.stationId,
    stationName,
    category: state.category,
    title: state.title,
    content: state.content,
    status: state.status,
    anonymous: state.anonymous,
    contact: state.contact ? { ...state.contact } : undefined,
    location: state.location ? { point: state.location.point, address: state.location.address } : undefined,
    photoFileIds: [...state.photoFileIds],
    voice: state.voice ? { fileId: state.voice.fileId, durationSec: state.voice.durationSec } : undefined,
    targetDeputyId: state.targetDeputyId,
    rating: state.rating ? { value: state.rating.value, comment: state.rating.comment, at: iso(state.rating.at) } : undefined,
    submittedAt: iso(state.submittedAt),
    updatedAt: iso(state.updatedAt),
    closedAt: state.closure ? iso(state.closure.at) : undefined,
    timeline: events.map((event) => exportedEvent(event, openid)),
  });
}

export function exportedEvent(event: CaseEvent, openid: string): ExportedEvent {
  return withoutUndefined({
    seq: event.seq,
    kind: event.kind,
    actorRole: event.actorRole,
    mine: event.actorRole === 'resident' && event.actorId === openid,
    at: iso(event.at),
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    note: event.note,
    data: event.data ? (plain(event.data) as Record<string, unknown>) : undefined,
  });
}

export function exportedBooking(booking: BookingDocument): ExportedBooking {
  return withoutUndefined({
    id: booking._id,
    receptionId: booking.receptionId,
    stationId: booking.stationId,
    stationName: booking.stationName,
    date: booking.date,
    start: booking.start,
    end: booking.end,
    deputy: booking.deputy ? { ...booking.deputy } : undefined,
    topic: booking.topic,
    contact: booking.contact ? { ...booking.contact } : undefined,
    status: booking.status,
    createdAt: iso(booking.createdAt),
  });
}

const iso = (date: Date | string): string => new Date(date).toISOString();

/** Dates to ISO strings at any depth, so the answer is plain JSON. */
function plain(value: unknown): unknown {
  if (Object.prototype.toString.call(value) === '[object Date]') return iso(value as Date);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, plain(child)]));
  return value;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, child]) => child !== undefined)) as T;
}
