/**
 * The deputy's own duty record (履职档案) for a year: counted from what they did in the app —
 * their timeline events, check-ins and the bookings made with them — by the rules of
 * backend/domain/duty. Nothing is typed in, so nothing can be inflated.
 */
import type { DutyRecord } from '../../../typings/workspace';
import { countDuty, dutyItems, dutyYear, recentDutyEntries } from '../../domain/duty';
import type { DutyActivity } from '../../domain/duty';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { deputyEvents, deputyReceptionDays, dutyCases } from '../../data/duty-activity';
import type { Database } from '../../platform/cloudbase';

/** The deputy as the caller's identity carries them (the users document's copy of the record). */
export interface DutyDeputy {
  readonly _id: string;
  readonly name: string;
}

export async function dutyRecord(db: Database, deputy: DutyDeputy | undefined, year: number): Promise<Result<DutyRecord>> {
  // A deputy account whose record is missing acts as nobody (use-cases/actor.ts).
  if (!deputy) return fail('FORBIDDEN', '您的账号没有对应的代表信息');
  const period = dutyYear(year);
  // Check-ins come with their stations' names and the bookings made with the deputy (one read).
  const [events, { checkIns, bookings }] = await Promise.all([deputyEvents(db, deputy._id, period), deputyReceptionDays(db, deputy._id, period.from, period.to)]);
  const cases = await dutyCases(
    db,
    events.map((event) => event.caseId),
  );
  const activity: DutyActivity = { events, checkIns, cases, bookings };
  return ok({
    year,
    deputy: { id: deputy._id, name: deputy.name },
    items: dutyItems(countDuty(activity)),
    recent: recentDutyEntries(activity),
  });
}
