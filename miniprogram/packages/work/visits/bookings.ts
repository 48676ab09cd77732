/**
 * 从预约登记: the reception's open bookings as the recorder picks them, and the form a booking
 * fills in (topic → issue, the contact the resident left, the deputy they asked for). Pure:
 * unit-tested in test/miniprogram/visit-view-models.test.ts.
 */
import type { VisitBooking } from '../../../../typings/visit';
import type { VisitForm } from './view-model';

export interface BookingItem {
  id: string;
  /** '14:00-15:00 · 刘女士'; '14:00-15:00 · 未留姓名' when the resident left none. */
  title: string;
  /** What the resident wants to talk about; '未填写事由' when empty. */
  topic: string;
  /** '约见 李明 代表' when they asked for a deputy; ''. */
  deputyText: string;
}

export function toBookingItem(b: VisitBooking): BookingItem {
  return {
    id: b.id,
    title: `${b.start}-${b.end} · ${b.name || '未留姓名'}`,
    topic: b.topic || '未填写事由',
    deputyText: b.deputy ? `约见 ${b.deputy.name} 代表` : '',
  };
}

/**
 * The form for a booked resident. The deputy they asked for is chosen when they are among the
 * reception's deputies the recorder chooses from (officers); otherwise the form's usual default.
 */
export function bookedForm(b: VisitBooking, deputies: readonly { id: string }[]): { form: VisitForm; deputyIndex: number } {
  const asked = b.deputy ? deputies.findIndex((d) => d.id === b.deputy!.id) : -1;
  const deputyIndex = asked >= 0 ? asked : deputies.length === 1 ? 0 : -1;
  return {
    form: { issue: b.topic, name: b.name ?? '', phone: b.phone ?? '', answer: '', deputyId: deputyIndex >= 0 ? deputies[deputyIndex].id : '' },
    deputyIndex,
  };
}

/**
 * The contact the resident left with the booking is the server's to copy (RecordVisitInput.bookingId
 * fills name and phone from the booking itself): sent again, and checked here, only where the
 * recorder changed it.
 */
export function changedContact(form: Pick<VisitForm, 'name' | 'phone'>, booking: Pick<VisitBooking, 'name' | 'phone'> | undefined): { name: boolean; phone: boolean } {
  if (!booking) return { name: true, phone: true };
  return { name: form.name.trim() !== (booking.name ?? ''), phone: form.phone.trim() !== (booking.phone ?? '') };
}
