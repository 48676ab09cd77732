/**
 * The handling figures of a district's cases, read in one pass: an aggregate over the
 * `cases` of the district's stations submitted in the period (index `station_submitted`),
 * grouped by station, assigned deputy and the fields the countsAs* rules read (status,
 * rating, how it closed). Each group carries only the submission and acceptance times of
 * its cases, as numbers — nothing that names or tells apart a resident.
 *
 * So the rules are not restated as database expressions: the use case applies the domain's
 * own `tally` (backend/domain/figures) to the groups, and takes the median time to a first
 * answer from the same instants. The projection is bounded by the cases of one district in at
 * most 366 days; grouping on plain fields is also what the emulator evaluates fastest.
 */
import type { CountedCase } from '../domain/figures';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';

const CASES = 'cases';
const EVENTS = 'case_events';
const EPOCH = new Date(0);

export interface Window {
  start: Date;
  end: Date;
}

/** The cases of one station assigned to one deputy ('' for none yet), as the figures rules read them. */
export interface CaseGroup {
  stationId: string;
  deputyId: string;
  cases: CountedCase[];
}

/** A rejected case's station and the milliseconds from its submission to the rejection. */
export interface Rejection {
  stationId: string;
  msToRejection: number;
}

const inPeriod = (db: Database, stationIds: readonly string[], window: Window) => ({
  stationId: db.command.in([...stationIds]),
  // One range object, as in station-figures.ts: bounded on the index by every planner.
  submittedAt: { $gte: window.start, $lt: window.end },
});

interface GroupRow {
  _id: { stationId: string; deputyId?: string | null; status: CountedCase['status']; rating?: string | null; how?: string | null; withoutRating?: boolean | null };
  /** Per case: `s` submission in epoch ms, `a` ms from submission to acceptance (null when never accepted). */
  instants: { s: number; a?: number | null }[];
}

export async function caseGroups(db: Database, stationIds: readonly string[], window: Window): Promise<CaseGroup[]> {
  if (stationIds.length === 0) return [];
  const $ = db.command.aggregate;
  const { data } = await db
    .collection(CASES)
    .aggregate()
    .match(inPeriod(db, stationIds, window))
    .group({
      _id: {
        stationId: '$stationId',
        deputyId: '$assignedDeputyId',
        status: '$status',
        rating: '$rating.value',
        how: '$closure.how',
        withoutRating: '$closure.withoutRating',
      },
      // Numbers, not dates: a date travels as {$date:{$numberLong}}, several times the bytes and
      // the decoding work. A missing acceptedAt goes through ifNull: not every engine computes with it.
      instants: $.push({
        s: $.subtract(['$submittedAt', EPOCH]),
        a: $.cond({ if: $.eq([$.ifNull(['$acceptedAt', null]), null]), then: null, else: $.subtract(['$acceptedAt', '$submittedAt']) }),
      }),
    })
    // CloudBase answers 20 aggregate rows unless told otherwise; a district has a few hundred groups.
    .limit(MAX_PAGE)
    .end();
  return (data as GroupRow[]).map(({ _id: key, instants }) => ({
    stationId: String(key.stationId),
    deputyId: key.deputyId ? String(key.deputyId) : '',
    cases: instants.map(({ s, a }) => countedCase(key, new Date(s), typeof a === 'number' ? new Date(s + a) : undefined)),
  }));
}

/**
 * A case as the figures rules see it. The rules read the rating's value and how the case
 * closed, never their instants, which are not fetched: hence the cast.
 */
function countedCase(key: GroupRow['_id'], submittedAt: Date, acceptedAt: Date | undefined): CountedCase {
  return {
    status: key.status,
    submittedAt,
    ...(acceptedAt ? { acceptedAt } : {}),
    ...(key.rating ? { rating: { value: key.rating } } : {}),
    ...(key.how ? { closure: { how: key.how, withoutRating: key.withoutRating === true } } : {}),
  } as unknown as CountedCase;
}

/**
 * When each rejected case of the period was rejected: the case keeps no time for a rejection,
 * its `rejected` timeline event does. Only rejected cases are joined to their events (index
 * `station_status_submitted`, then `case_seq` for the join), a handful of events each.
 */
export async function rejectionTimes(db: Database, stationIds: readonly string[], window: Window): Promise<Rejection[]> {
  if (stationIds.length === 0) return [];
  const $ = db.command.aggregate;
  const { data } = await db
    .collection(CASES)
    .aggregate()
    .match({ ...inPeriod(db, stationIds, window), status: 'rejected' })
    .project({ stationId: true, submittedAt: true })
    .lookup({ from: EVENTS, localField: '_id', foreignField: 'caseId', as: 'events' })
    .unwind('$events')
    .match({ 'events.kind': 'rejected' })
    .group({ _id: '$stationId', msToRejection: $.push($.subtract(['$events.at', '$submittedAt'])) })
    .limit(MAX_PAGE)
    .end();
  return (data as { _id: string; msToRejection: unknown[] }[]).flatMap((row) =>
    row.msToRejection.filter((ms): ms is number => typeof ms === 'number').map((msToRejection) => ({ stationId: String(row._id), msToRejection })),
  );
}

export interface FiguresSubject {
  id: string;
  name: string;
}

/** The stations a district office supervises, in code order. */
export async function stationsOfDistrict(db: Database, district: string): Promise<FiguresSubject[]> {
  const { data } = await db.collection('stations').where({ district }).field({ _id: true, name: true }).orderBy('code', 'asc').limit(MAX_PAGE).get();
  return (data as { _id: string; name: string }[]).map((s) => ({ id: s._id, name: s.name }));
}

/** Deputies stationed at any of the stations, by name. */
export async function deputiesServing(db: Database, stationIds: readonly string[]): Promise<FiguresSubject[]> {
  if (stationIds.length === 0) return [];
  const { data } = await db
    .collection('deputies')
    .where({ stationIds: db.command.in([...stationIds]) })
    .field({ _id: true, name: true })
    .orderBy('name', 'asc')
    .limit(MAX_PAGE)
    .get();
  return (data as { _id: string; name: string }[]).map((d) => ({ id: d._id, name: d.name }));
}
