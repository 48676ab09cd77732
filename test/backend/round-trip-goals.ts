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
  // The caller, then events, check-ins, reports, confirmed 履职登记, the forums attended and the visits received
  // (接待日登记, a count) side by side, then the cases. Too many for a read a deputy opens often: the record belongs
  // in running totals kept by the scheduler, as the figures are (noted on issue 19).
  'user.duty': 7,
  // The caller, the activity, one conditional update.
  'user.confirmActivity': 3,
  // The caller, one page (photos' URLs are storage, not the database).
  'user.activities': 2,
  'admin.figures (year)': 5,
  // The duty record over the period is read at publication: +3 for the 履职登记, forums and visits it now counts.
  'report.publish': 16,
  'report.list': 2,
  'report.get': 4,
  'report.rate': 8,
  // 代表论坛 / 约见, read by residents from a notice or the station page: the event and the caller side by side, then station, names and their own 我会参加.
  'reception.event': 5,
  // The caller, the event, the one write, then station and names (the 我会参加 just set is not read back).
  'reception.attend': 5,
  // The caller, the event, the day's and the event's counts, the insert.
  'reception.ask': 5,
  // 接待日登记, a walk-in recorded by the officer: the caller, the retry's look-up, the reception, the station and deputy names, the insert.
  'reception.recordVisit': 6,
  // The caller, the code's visit, the case's owner set, the visit marked claimed.
  'case.claim': 4,
  'scheduler tick, nothing due': 6,
};
