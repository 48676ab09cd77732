/**
 * Shapes the station, receptions and bookings for the 预约接待 page, and checks the form. Pure: dates are
 * 'YYYY-MM-DD' Asia/Shanghai strings from the server and "now" is passed in, so the labels
 * never depend on the phone's time zone. Unit-tested in test/miniprogram/booking-view-model.test.ts.
 */
import type { StationDetail } from '../../../../typings/api';
import type { BookableReception, BookingStatus, BookingView } from '../../../../typings/booking';
import { BOOKING_RULES, CONTACT_NAME_MAX, MOBILE_PHONE } from '../../../generated/rules';
import { shanghaiInstant as shanghai } from '../../../utils/china-time';

export const TOPIC_MAX = BOOKING_RULES.topicMaxChars;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const STATUS_TEXT: Record<BookingStatus, string> = { booked: '已预约', cancelled: '已取消', attended: '已接待', missed: '未到场' };

/** '前一天', '前 2 天': how the server's `daysBefore` reads. */
const daysBefore = (days: number): string => (days === 1 ? '前一天' : `前 ${days} 天`);

/** What the form's fields take and when booking closes, as the page shows them. */
export const FORM_RULES = {
  topicMax: TOPIC_MAX,
  contactNameMax: CONTACT_NAME_MAX,
  /** '预约截止：接待日前一天 18:00' */
  closingHint: `预约截止：接待日${daysBefore(BOOKING_RULES.closes.daysBefore)} ${BOOKING_RULES.closes.at}`,
} as const;

export interface DayChip {
  id: string;
  /** '11月25日 周二 上午' */
  label: string;
  active: boolean;
}

export interface SlotItem {
  index: number;
  /** '09:30-10:00' */
  time: string;
  /** '剩余2个' or '已约满' */
  state: string;
  full: boolean;
  selected: boolean;
}

export interface BookingItem {
  id: string;
  /** '11月25日 周二 09:30-10:00' */
  when: string;
  stationName: string;
  /** '约见 王建国' for bookings made when a deputy could be chosen; '' otherwise. */
  deputyText: string;
  topic: string;
  statusText: string;
  canCancel: boolean;
}

/** '2025-11-25' → '11月25日'. */
export function monthDay(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
}

/** The weekday of a calendar date, computed in UTC so the phone's zone cannot shift it. */
export function weekday(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
}

export function period(start: string): string {
  return start < '12:00' ? '上午' : start < '18:00' ? '下午' : '晚上';
}

export function dayLabel(date: string, start: string): string {
  return `${monthDay(date)} ${weekday(date)} ${period(start)}`;
}

export function toDayChips(receptions: BookableReception[], activeId: string): DayChip[] {
  return receptions.map((r) => ({ id: r.id, label: dayLabel(r.date, r.start), active: r.id === activeId }));
}

export function toSlotItems(reception: BookableReception, selected: number): SlotItem[] {
  return reception.slots.map((s) => ({
    index: s.index,
    time: `${s.start}-${s.end}`,
    state: s.remaining > 0 ? `剩余${s.remaining}个` : '已约满',
    full: s.remaining <= 0,
    selected: s.index === selected,
  }));
}

/** Where the resident is going: what the top of the page shows, and where 地址 opens the map. */
export interface Place {
  name: string;
  address: string;
  latitude: number;
  longitude: number;
}

export function toPlace(station: Pick<StationDetail, 'name' | 'address' | 'location'>): Place {
  const [longitude, latitude] = station.location.coordinates;
  return { name: station.name, address: station.address, latitude, longitude };
}

/**
 * '11月25日 周二 09:00-10:00': the reception's hours, narrowed to the slot once one is chosen,
 * so the top of the page always says when to come.
 */
export function whenText(reception: BookableReception, slotIndex: number): string {
  const slot = reception.slots.find((s) => s.index === slotIndex);
  const [start, end] = slot ? [slot.start, slot.end] : [reception.start, reception.end];
  return `${monthDay(reception.date)} ${weekday(reception.date)} ${start}-${end}`;
}

/** The caller's active booking at this reception, if any (one per reception). */
export function heldBooking(bookings: BookingView[], receptionId: string): BookingView | undefined {
  return bookings.find((b) => b.receptionId === receptionId && b.status === 'booked');
}

export interface BookingForm {
  slotIndex: number;
  topic: string;
  contactName: string;
  contactPhone: string;
}

/** What is wrong with the form, in Chinese; '' when it can be sent. The server checks again. */
export function formProblem(form: BookingForm): string {
  if (form.slotIndex < 0) return '请选择时段';
  const topic = form.topic.trim();
  if (!topic) return '请填写预约事由';
  if ([...topic].length > TOPIC_MAX) return `预约事由不能超过 ${TOPIC_MAX} 个字`;
  if (form.contactPhone.trim() && !MOBILE_PHONE.test(form.contactPhone.trim())) return '请填写 11 位手机号';
  return '';
}

export function contactOf(form: BookingForm): { name?: string; phone?: string } | undefined {
  const name = form.contactName.trim();
  const phone = form.contactPhone.trim();
  if (!name && !phone) return undefined;
  return { ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
}

const startsAt = (booking: BookingView): number => shanghai(booking.date, booking.start);

/** The server sends the reminder at 09:00 the day before (no DST in China: whole days of 24 h), if still ahead. */
function reminderStillAhead(booking: BookingView, now: Date): boolean {
  const { daysBefore: days, at } = BOOKING_RULES.reminder;
  return now.getTime() < shanghai(booking.date, at) - days * 24 * 3600_000;
}

/** '已预约 11月25日 09:30-10:00，前一天会提醒您' — a reminder promised only if one will come. */
export function successText(booking: BookingView, reminderAccepted: boolean, now: Date): string {
  const when = `${monthDay(booking.date)} ${booking.start}-${booking.end}`;
  return reminderAccepted && reminderStillAhead(booking, now) ? `已预约 ${when}，${daysBefore(BOOKING_RULES.reminder.daysBefore)}会提醒您` : `已预约 ${when}，请按时到联络站`;
}

export function toBookingItems(bookings: BookingView[], now: Date): BookingItem[] {
  return bookings.map((b) => ({
    id: b.id,
    when: `${monthDay(b.date)} ${weekday(b.date)} ${b.start}-${b.end}`,
    stationName: b.stationName,
    deputyText: b.deputy ? `约见 ${b.deputy.name}` : '',
    topic: b.topic,
    statusText: STATUS_TEXT[b.status],
    // The server decides; this only hides a button that would be refused.
    canCancel: b.status === 'booked' && startsAt(b) > now.getTime(),
  }));
}

export interface PickerView {
  days: DayChip[];
  activeId: string;
  /** '王建国、李秀英': who receives that day, as text (the resident meets whoever is there). */
  attending: string;
  /** See `whenText`; '' when there is no reception. */
  when: string;
  slots: SlotItem[];
  /** '您已预约本次接待 09:30-10:00' when the resident already holds a place here. */
  held: string;
}

/** Everything the form shows for the chosen day (the first one when none is chosen). */
export function pickerView(receptions: BookableReception[], bookings: BookingView[], activeId: string, slotIndex: number): PickerView {
  const active = receptions.find((r) => r.id === activeId) ?? receptions[0];
  if (!active) return { days: [], activeId: '', attending: '', when: '', slots: [], held: '' };
  const held = heldBooking(bookings, active.id);
  return {
    days: toDayChips(receptions, active.id),
    activeId: active.id,
    attending: active.deputies.map((d) => d.name).join('、'),
    when: whenText(active, slotIndex),
    slots: toSlotItems(active, slotIndex),
    held: held ? `您已预约本次接待 ${held.start}-${held.end}` : '',
  };
}
