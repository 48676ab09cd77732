/**
 * A resident's own rows on 我的: 我的预约 and 关注的联络站. Pure: "now" is passed in and dates
 * are Shanghai calendar days, so the rows never depend on the phone's zone. Unit-tested in
 * test/miniprogram/me-page.test.ts.
 */
import type { FollowedStation } from '../../../typings/api';
import type { BookingStatus, BookingView } from '../../../typings/booking';
import { shanghaiInstant as shanghai } from '../../utils/china-time';
import { formatDay, nextReceptionText, shanghaiClock } from '../stations/station-format';

/** As the 预约接待 page says them. */
const STATUS_TEXT: Record<BookingStatus, string> = { booked: '已预约', cancelled: '已取消', attended: '已接待', missed: '未到场' };

/** 我的 shows the first few; the server sends upcoming active bookings first. */
export const BOOKINGS_SHOWN = 5;

export interface BookingRow {
  id: string;
  stationId: string;
  stationName: string;
  /** '11月23日 周一 09:00-10:00' */
  when: string;
  statusText: string;
  /** Still ahead and booked: the row offers the way to cancel (on the 预约接待 page). */
  upcoming: boolean;
}

export interface FollowedRow {
  id: string;
  name: string;
  address: string;
  /** '下次接待日 11月25日 周二' or '今天接待'; '' when none is scheduled (the row then says it will tell). */
  nextText: string;
}

/** What a followed station's row says when no reception day is scheduled yet. */
export const FOLLOW_PROMISE = '有新的接待日会提醒您';

export function toFollowedRows(stations: readonly FollowedStation[], now: Date): FollowedRow[] {
  const today = shanghaiClock(now).date;
  return stations.map((s) => ({ id: s.id, name: s.name, address: s.address, nextText: nextReceptionText(s.nextReceptionDate, today) }));
}

export function toBookingRows(bookings: readonly BookingView[], now: Date): BookingRow[] {
  return bookings.slice(0, BOOKINGS_SHOWN).map((b) => {
    const upcoming = b.status === 'booked' && shanghai(b.date, b.start) > now.getTime();
    const over = b.status === 'booked' && !upcoming;
    return {
      id: b.id,
      stationId: b.stationId,
      stationName: b.stationName,
      when: `${formatDay(b.date)} ${b.start}-${b.end}`,
      statusText: over ? '已过预约时间' : STATUS_TEXT[b.status],
      upcoming,
    };
  });
}

/** What the sections say when they are empty, with where to start. */
export const NO_BOOKINGS = '还没有预约。在联络站页面点“预约接待”，可以约见代表。';
export const NO_FOLLOWS = '还没有关注联络站。在联络站页面点“关注”，有新的接待日会提醒您。';
