/**
 * `user.export`: everything stored about the caller, as one JSON answer. Bounded: the cases
 * come 20 a page with their whole timelines (`page`, `hasMoreCases`), bookings and follows at
 * most 200 each, grants one row per template; the rest rides along with every page. The
 * 立法意见 comments page with the cases (20 a page, the same `page`), as 我的意见 shows them.
 */
import type { AccountExport, ExportAccountInput } from '../../../typings/account';
import { EXPORT_CASES_PER_PAGE, EXPORT_LIST_LIMIT, exportedBooking, exportedCase } from '../../domain/account';
import { ok, type Result } from '../../domain/result';
import { followsOf, grantsOf } from '../../data/account';
import { bookingsOf } from '../../data/bookings';
import { joinsOf } from '../../data/case-joins';
import { ratingsBy } from '../../data/report-ratings';
import { attendanceBy } from '../../data/event-attendance';
import { questionsBy } from '../../data/event-questions';
import { caseRecordsOf } from '../../data/cases';
import { commentsOfOwnerPage } from '../../data/consultation-comments';
import { consultationStates } from '../../data/consultations';
import { commentView, consultationStatus } from '../../domain/consultation';
import { findUserByOpenid } from '../../data/people';
import type { Database } from '../../platform/cloudbase';

export async function exportAccount(db: Database, openid: string, input: ExportAccountInput, now: Date): Promise<Result<AccountExport>> {
  const page = input.page ?? 0;
  // One more than a page tells whether another page follows; each case carries its timeline.
  const [stored, user, bookings, follows, grants, joins, ratings, attending, questions, comments] = await Promise.all([
    caseRecordsOf(db, openid, page * EXPORT_CASES_PER_PAGE, EXPORT_CASES_PER_PAGE + 1),
    findUserByOpenid(db, openid),
    bookingsOf(db, openid, EXPORT_LIST_LIMIT),
    followsOf(db, openid, EXPORT_LIST_LIMIT),
    grantsOf(db, openid),
    joinsOf(db, openid, EXPORT_LIST_LIMIT),
    ratingsBy(db, openid, EXPORT_LIST_LIMIT),
    attendanceBy(db, openid, EXPORT_LIST_LIMIT),
    questionsBy(db, openid, EXPORT_LIST_LIMIT),
    commentsOfOwnerPage(db, openid, page * EXPORT_CASES_PER_PAGE, EXPORT_CASES_PER_PAGE + 1),
  ]);
  const shown = comments.slice(0, EXPORT_CASES_PER_PAGE);
  const states = await consultationStates(db, [...new Set(shown.map((comment) => comment.consultationId))]);
  return ok({
    exportedAt: now.toISOString(),
    openid,
    ...(user ? { user: { role: user.role, createdAt: new Date(user.createdAt).toISOString() } } : {}),
    cases: stored.slice(0, EXPORT_CASES_PER_PAGE).map(({ state, extras, events }) => exportedCase(state, extras.stationName, events, openid)),
    page,
    hasMoreCases: stored.length > EXPORT_CASES_PER_PAGE,
    bookings: bookings.map(exportedBooking),
    follows: follows.map((f) => ({ stationId: f.stationId, followedAt: new Date(f.createdAt).toISOString() })),
    subscriptions: grants,
    joins: joins.map((join) => ({ caseId: join.caseId, joinedAt: join.joinedAt.toISOString(), ...(join.note ? { note: join.note } : {}), photoFileIds: join.photoFileIds })),
    reportRatings: ratings.map((r) => ({ reportId: r.reportId, rating: r.rating, ...(r.comment ? { comment: r.comment } : {}), at: r.at.toISOString() })),
    eventsAttending: attending.map((a) => ({ receptionId: a.receptionId, at: new Date(a.at).toISOString() })),
    eventQuestions: questions.map((q) => ({ receptionId: q.receptionId, question: q.question, at: q.at.toISOString() })),
    consultationComments: shown.map((comment) => commentView(comment, 'owner', consultationStatus(states.get(comment.consultationId) ?? { closesOn: comment.closesOn }, now))),
    hasMoreConsultationComments: comments.length > EXPORT_CASES_PER_PAGE,
  });
}
