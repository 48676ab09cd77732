/**
 * The day-before reminder of a booking, as an outbox message (backend/notifications): written in
 * the booking's transaction, withdrawn in the cancellation's, sent by the outbox dispatcher once
 * `nextAttemptAt` (09:00 Shanghai the day before) has passed — and only if the resident accepted
 * the receptionReminder template (a grant), never more often than they agreed to.
 */
import type { NotificationDocument } from '../../data/notifications';
import { reminderDueAt, type BookingDocument } from '../../domain/booking';
import { outboxDocument } from '../../notifications/outbox';

/** The page the reminder opens: the station's booking page, where "我的预约" is. */
export const BOOKING_PAGE = 'packages/station/booking/index';

/** One reminder per booking: a second insert of the same booking's reminder fails. */
export const reminderIdFor = (bookingId: string): string => `${bookingId}:receptionReminder`;

/** Undefined when the reminder time has already passed at booking: the confirmation itself reminds. */
export function receptionReminder(booking: BookingDocument, now: Date): NotificationDocument | undefined {
  const due = reminderDueAt(booking.date);
  if (due <= now) return undefined;
  const values = {
    station: booking.stationName,
    time: booking.startsAt,
    deputy: booking.deputy?.name ?? '不指定代表',
    tip: '请按时到站，不能前来请提前取消预约',
  };
  const page = `${BOOKING_PAGE}?stationId=${booking.stationId}`;
  return outboxDocument({ _id: reminderIdFor(booking._id), openid: booking.openid, kind: 'receptionReminder', values, page, sendAt: due }, now);
}
