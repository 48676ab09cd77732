/**
 * The booking rules as data, in one place, so the page, the docs and the tests read the same
 * numbers. Local variations may only lock down more (an earlier close, a later horizon never).
 */
export const BOOKING_RULES = {
  /**
   * Bookings for a reception close at 18:00 Shanghai time the day before: the liaison officer
   * confirms the day's list with the deputies the evening before (`003`: a reception is
   * arranged with time, place and names), and nobody turns up to an unprepared slot.
   */
  closes: { daysBefore: 1, at: '18:00' },
  /** The reminder (subscription message) goes out at 09:00 Shanghai time the day before. */
  reminder: { daysBefore: 1, at: '09:00' },
  /** Receptions are published up to 60 days ahead; that is what residents can book. */
  horizonDays: 60,
  /** What the resident wants to talk about, shown to the deputy and the officer. */
  topicMaxChars: 100,
  /** "我的预约" shows this many bookings, upcoming first. */
  mineLimit: 50,
} as const;
