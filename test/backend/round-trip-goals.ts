/**
 * The budget of each action, in round trips to CloudBase's database (and storage) — WeChat's
 * APIs (`wx.*`: the content check, pushes) apart. Written down by hand as the product's budget
 * for each action, never taken from what the code does today. Both the round-trip suite
 * (test/backend/round-trips.test.ts) and the bench (bench/round-trips.ts) check against this
 * one table, so a goal cannot be loosened in one place and kept in the other.
 */
export const GOALS: Readonly<Record<string, number>> = {
  'user.whoami': 1,
  'station.nearby': 2,
  'station.get': 3,
  'station.board (page 0)': 3,
  /** A resident reader: the case and their own join, read in parallel (the page's buttons need both). */
  'station.publicCase': 2,
  'case.mine (resident)': 2,
  'case.get (resident)': 2,
  'case.get (officer)': 2,
  'case.inbox (officer)': 3,
  'case.submit': 6,
  'case.accept': 5,
  'case.reply': 5,
  'case.rate': 5,
  // 我也遇到: the caller, the candidates, which alike ones the caller joined.
  'case.similar': 3,
  // The caller, the case, the caller's join, the day's count, and one transaction (start, its read, insert, count, commit).
  'case.join': 9,
  'case.joined': 3,
  'reception.list': 2,
  'reception.followed': 3,
  'user.duty': 4,
  'admin.figures (year)': 5,
  'report.publish': 13,
  'report.list': 2,
  'report.get': 4,
  'report.rate': 8,
  'scheduler tick, nothing due': 6,
};
