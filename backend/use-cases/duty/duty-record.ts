/**
 * The deputy's own duty record (履职档案) for a year: counted from what they did in the app —
 * their timeline events, check-ins, the bookings made with them, the 述职报告 they published,
 * the offline activities (履职登记) they confirmed and the 代表建议 they raised or co-signed —
 * by the rules of backend/domain/duty. Nothing is typed in, so nothing can be inflated. The same
 * counting over any period is what a 述职报告 carries (`dutyActivity`).
 */
import type { DutyRecord } from '../../../typings/workspace';
import { countDuty, dutyItems, dutyReportRatings, dutyYear, recentDutyEntries } from '../../domain/duty';
import type { DutyActivity, DutyPeriod } from '../../domain/duty';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { deputyEvents, deputyReceptionDays, deputySuggestions, dutyCases } from '../../data/duty-activity';
import { deputyReports } from '../../data/reports';
import { deputyEventsHappened } from '../../data/event-receptions';
import { confirmedActivities } from '../../data/activities';
import { countVisitsOfDeputy } from '../../data/visits';
import type { Database } from '../../platform/cloudbase';

/** The deputy as the caller's identity carries them (the users document's copy of the record). */
export interface DutyDeputy {
  readonly _id: string;
  readonly name: string;
}

/** What the deputy did in the period: three reads side by side, then the cases the events are about. */
export async function dutyActivity(db: Database, deputyId: string, period: DutyPeriod): Promise<DutyActivity> {
  // Check-ins come with their stations' names and the bookings made with the deputy (one read).
  // The 代表建议 beside them: one more request, no more waiting.
  const [events, { checkIns, bookings }, reports, offline, happened, visitors, suggestions] = await Promise.all([
    deputyEvents(db, deputyId, period),
    deputyReceptionDays(db, deputyId, period.from, period.to),
    deputyReports(db, deputyId, period),
    confirmedActivities(db, deputyId, period),
    deputyEventsHappened(db, deputyId, period.from, period.to),
    countVisitsOfDeputy(db, deputyId, period.from, period.to),
    deputySuggestions(db, deputyId, period),
  ]);
  const cases = await dutyCases(
    db,
    events.map((event) => event.caseId),
  );
  const forums = happened.flatMap((r) => (r.event && (r.kind === 'forum' || r.kind === 'meeting') ? [{ id: r._id, kind: r.kind, topic: r.event.topic, date: r.date }] : []));
  return { events, checkIns, cases, bookings, reports, offline, forums, visitors, suggestions };
}

export async function dutyRecord(db: Database, deputy: DutyDeputy | undefined, year: number): Promise<Result<DutyRecord>> {
  // A deputy account whose record is missing acts as nobody (use-cases/actor.ts).
  if (!deputy) return fail('FORBIDDEN', '您的账号没有对应的代表信息');
  const activity = await dutyActivity(db, deputy._id, dutyYear(year));
  return ok({
    year,
    deputy: { id: deputy._id, name: deputy.name },
    items: dutyItems(countDuty(activity)),
    recent: recentDutyEntries(activity),
    reportRatings: dutyReportRatings(activity),
  });
}
