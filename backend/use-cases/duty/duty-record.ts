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
import { bookingsWithDeputy, deputyCheckIns, deputyEvents, dutyCases } from '../../data/duty-activity';
import { findDeputy } from '../../data/people-by-id';
import type { Database } from '../../platform/cloudbase';

export async function dutyRecord(db: Database, deputyId: string | undefined, year: number): Promise<Result<DutyRecord>> {
  // A deputy account whose record is missing acts as nobody (use-cases/actor.ts).
  const deputy = deputyId ? await findDeputy(db, deputyId) : undefined;
  if (!deputy) return fail('FORBIDDEN', '您的账号没有对应的代表信息');
  const period = dutyYear(year);
  const [events, checkIns] = await Promise.all([deputyEvents(db, deputy._id, period), deputyCheckIns(db, deputy._id, period.from, period.to)]);
  const [cases, bookings] = await Promise.all([
    dutyCases(db, events.map((event) => event.caseId)),
    bookingsWithDeputy(db, deputy._id, checkIns.map((checkIn) => checkIn.receptionId)),
  ]);
  const activity: DutyActivity = { events, checkIns, cases, bookings };
  return ok({
    year,
    deputy: { id: deputy._id, name: deputy.name },
    items: dutyItems(countDuty(activity)),
    recent: recentDutyEntries(activity),
  });
}
