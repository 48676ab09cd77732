/**
 * A station's handling figures, counted by the database: one aggregate over the `cases` of
 * the station submitted in the period (index `station_submitted`), grouped into five
 * conditional sums. No case document leaves the database — only the five numbers — so
 * the figures cannot carry anything about a resident.
 *
 * Each sum mirrors a rule of backend/domain/figures (`tally`, case.figures.ts); the suite
 * test/backend/station.test.ts checks that they agree.
 */
import { SATISFIED_RATINGS } from '../domain/case/case.state';
import { CASE_TIME_LIMITS } from '../domain/case/deadlines';
import type { CaseCounts } from '../domain/figures';
import { NO_CASES } from '../domain/figures';
import type { Database } from '../platform/cloudbase';

const CASES = 'cases';

const DAY_MS = 24 * 60 * 60 * 1000;
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
/** Stands in for a missing acceptedAt, so the date arithmetic always has two dates. */
const NEVER = new Date('9999-12-31T00:00:00Z');
const EPOCH = new Date(0);

export async function countStationCases(db: Database, stationId: string, window: { start: Date; end: Date }): Promise<CaseCounts> {
  const $ = db.command.aggregate;
  // Aggregation expressions see a missing field as null (or, in some engines, refuse to
  // compute with it): every optional field goes through ifNull first.
  const when = (condition: unknown) => $.sum($.cond({ if: condition, then: 1, else: 0 }));
  const present = (path: string) => $.neq([$.ifNull([path, null]), null]);
  const withoutRating = $.eq([$.ifNull(['$closure.withoutRating', false]), true]);
  const closed = $.and([$.eq(['$status', 'closed']), present('$closure.how')]);
  const rated = $.and([present('$rating.value'), $.not([withoutRating])]);
  const satisfied = $.and([closed, $.not([withoutRating]), $.in([$.ifNull(['$rating.value', null]), [...SATISFIED_RATINGS]])]);
  // acceptedAt ≤ end of the Shanghai day `acceptDays` after submission ⇔ acceptedAt − submittedAt
  // < (acceptDays + 1) days − the time already gone on the day of submission (Shanghai).
  const sinceMidnight = $.mod([$.add([$.subtract(['$submittedAt', EPOCH]), CST_OFFSET_MS]), DAY_MS]);
  const respondedInTime = $.lt([
    $.subtract([$.ifNull(['$acceptedAt', NEVER]), '$submittedAt']),
    $.subtract([(CASE_TIME_LIMITS.acceptDays + 1) * DAY_MS, sinceMidnight]),
  ]);

  const { data } = await db
    .collection(CASES)
    .aggregate()
    // One range object, as the SDK itself sends `_.gte(x)` ({ $gte: x }): `_.gte().and(_.lt())`
    // would become an `$and` of two clauses, which not every planner bounds on the index.
    .match({ stationId, submittedAt: { $gte: window.start, $lt: window.end } })
    .group({
      _id: null,
      received: when($.neq(['$status', 'withdrawn'])),
      closed: when(closed),
      rated: when(rated),
      satisfied: when(satisfied),
      respondedInTime: when(respondedInTime),
    })
    .end();
  const row = (data as Partial<Record<keyof CaseCounts, unknown>>[])[0];
  if (!row) return NO_CASES;
  return {
    received: Number(row.received ?? 0),
    closed: Number(row.closed ?? 0),
    rated: Number(row.rated ?? 0),
    satisfied: Number(row.satisfied ?? 0),
    respondedInTime: Number(row.respondedInTime ?? 0),
  };
}
