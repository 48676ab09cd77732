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
  // A case linked into a 代表建议: the suggestion's public progress is joined in the case's own read (no extra round trip).
  'case.get (resident, linked to a suggestion)': 2,
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
  // The caller, then events, check-ins, reports, confirmed 履职登记, the forums attended, the visits received
  // (接待日登记, a count) and the 代表建议 raised or co-signed side by side, then the cases. Too many for a read a deputy
  // opens often: the record belongs in running totals kept by the scheduler, as the figures are (noted on issue 19).
  'user.duty': 8,
  // The caller, the activity, one conditional update.
  'user.confirmActivity': 3,
  // The caller, one page (photos' URLs are storage, not the database).
  'user.activities': 2,
  'admin.figures (year)': 5,
  // 代表建议 figures, opened by the office: the caller, the year's suggestions of its district (one page up to 1,000).
  'suggestion.figures': 2,
  // The duty record over the period is read at publication: +4 for the 履职登记, forums, visits and 代表建议 it now counts.
  'report.publish': 17,
  'report.list': 2,
  'report.get': 4,
  'report.rate': 8,
  // 代表论坛 / 约见, read by residents from a notice or the station page: the event and the caller side by side, then station, names and their own 我会参加.
  'reception.event': 5,
  // The caller, the event, the one write, then station and names (the 我会参加 just set is not read back).
  'reception.attend': 5,
  // The caller, the event, the day's and the event's counts, the insert.
  'reception.ask': 5,
  // 接待日登记, a walk-in recorded by the officer: the caller, the retry's look-up, the reception, the station and deputy names, the insert,
  // then 接访群众 for the figures (the station's day recounted, its two totals documents): the price of station.get and admin.figures
  // reading it from the totals they already read, without a round trip of their own.
  'reception.recordVisit': 9,
  // The caller, the code's visit, the case's owner set, the visit marked claimed.
  'case.claim': 4,
  'scheduler tick, nothing due': 6,
  // 代表建议 (a draft linking one case, no files): the caller, a retry's look-up, the case, the stations (district), the case's mark,
  // its first event then the insert (no draft is ever without its event), then the detail's events and cases.
  'suggestion.save': 12,
  // The caller, the suggestion, then its events, cases and files' URLs side by side.
  'suggestion.get': 4,
  // A unit's inbox (the worst): the caller, how many wait, the waiting and the handled pages.
  'suggestion.list': 4,
  // The caller, the suggestion, the linked cases' residents, the step's transaction, the author told, then the detail.
  // +3 (was 10 and 8) since the step and its event are one transaction, so a crash cannot lose a timeline entry: its start,
  // the suggestion read again in it (no where-query in a transaction: the version is compared there), the update, the event, the commit.
  'suggestion.answer': 13,
  'suggestion.rate': 11,
  // 办理公开 → 代表建议, anyone: one query (no caller to resolve).
  'suggestion.published': 1,
  // 立法意见征集: the caller, then the consultation, whose running counters hold every figure the page shows.
  'consultation.get': 2,
  // The caller, then the station's consultations in one read (adoptions per station are counters on each).
  'consultation.list': 2,
  // The caller, the submission window, the consultation, the window's write, then one transaction: its start, the
  // comment looked for (a retry), its insert, the commenter's marker read and written, the counters, the commit.
  'consultation.comment': 11,
  // The caller, the comment, its consultation, one conditional update.
  'consultation.review': 4,
  // The caller, the comment, its consultation, one transaction (start, the comment, its update, the counters, the
  // notice queued, commit); the scheduler sends the notice.
  'consultation.adopt': 9,
};
