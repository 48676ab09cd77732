/**
 * The reception-schedule rules as data, in one place, so the use cases, the docs and the tests
 * read the same numbers.
 */
export const RECEPTION_RULES = {
  /** `003`: a reception day is announced at least a week ahead (time, place, deputies). */
  minNoticeDays: 7,
  /** Further ahead than this is a plan, not a schedule; residents book 60 days ahead. */
  maxAheadDays: 90,
  /** Residents per 约访 slot: one deputy cannot meet more in one slot. */
  slotCapacity: { min: 1, max: 20 },
  /** Half-hour slots of a whole day. */
  maxSlots: 48,
  /** What the officer's schedule shows: the past week (did the deputies come?) and what is ahead. */
  schedule: { pastDays: 7, aheadDays: 60 },
  /** A deputy checks in at the station itself: the phone must be this close to it. */
  checkInRadiusMetres: 500,
} as const;
