/**
 * What the figures read from the `cases` and the district's people: the cases changed since
 * the totals were last folded (index `updated`), a station's cases of one month (index
 * `station_submitted`), every case in pages for a rebuild — each projected to the fields the
 * figures rules read, nothing that names or tells apart a resident — and the stations the
 * district office's figures have a row for (the deputies, with their reports' ratings: report-figures.ts).
 */
import type { TotalledCase } from '../domain/figures';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';

const CASES = 'cases';

/** Only what the figures rules read (figures.counts.ts, figures.first-answer.ts), and where the case counts. */
const FIGURE_FIELDS = {
  _id: true,
  stationId: true,
  assignedDeputyId: true,
  status: true,
  'rating.value': true,
  'closure.how': true,
  'closure.withoutRating': true,
  submittedAt: true,
  acceptedAt: true,
  updatedAt: true,
};

export interface Window {
  start: Date;
  end: Date;
}

/**
 * A case as the figures rules see it. They read the rating's value and how the case closed,
 * never their instants, which are not fetched: hence the cast.
 */
function totalledCase(doc: Record<string, unknown>): TotalledCase & { id: string } {
  const rating = doc.rating as { value?: string } | undefined;
  const closure = doc.closure as { how?: string; withoutRating?: boolean } | undefined;
  return {
    id: String(doc._id),
    stationId: String(doc.stationId),
    status: doc.status,
    submittedAt: new Date(doc.submittedAt as Date),
    updatedAt: new Date((doc.updatedAt ?? doc.submittedAt) as Date),
    ...(doc.acceptedAt ? { acceptedAt: new Date(doc.acceptedAt as Date) } : {}),
    ...(doc.assignedDeputyId ? { assignedDeputyId: String(doc.assignedDeputyId) } : {}),
    ...(rating?.value ? { rating: { value: rating.value } } : {}),
    ...(closure?.how ? { closure: { how: closure.how, withoutRating: closure.withoutRating === true } } : {}),
  } as unknown as TotalledCase & { id: string };
}

export interface ChangedCase {
  id: string;
  stationId: string;
  submittedAt: Date;
  updatedAt: Date;
}

/**
 * Cases changed at or after `since`, in the order they changed (then by id), after the
 * `after` position of an earlier page: at most `limit`.
 */
export async function casesChangedSince(db: Database, since: Date, after: { at: Date; id: string } | undefined, limit: number): Promise<ChangedCase[]> {
  const _ = db.command;
  const where = after ? _.or([{ updatedAt: _.gt(after.at) }, { updatedAt: after.at, _id: _.gt(after.id) }]) : { updatedAt: _.gte(since) };
  const { data } = await db
    .collection(CASES)
    .where(where)
    .orderBy('updatedAt', 'asc')
    .orderBy('_id', 'asc')
    .field({ _id: true, stationId: true, submittedAt: true, updatedAt: true })
    .limit(limit)
    .get();
  return (data as Record<string, unknown>[]).map((doc) => ({
    id: String(doc._id),
    stationId: String(doc.stationId),
    submittedAt: new Date(doc.submittedAt as Date),
    updatedAt: new Date(doc.updatedAt as Date),
  }));
}

/** Every case of a station submitted in the window (a month: a few hundred at a busy station), in pages. */
export async function casesOfStation(db: Database, stationId: string, window: Window): Promise<TotalledCase[]> {
  const cases: TotalledCase[] = [];
  for (let skip = 0; ; skip += MAX_PAGE) {
    const { data } = await db
      .collection(CASES)
      // One range object, as the SDK itself sends `_.gte(x)`: bounded on the index by every planner.
      .where({ stationId, submittedAt: { $gte: window.start, $lt: window.end } } as never)
      .orderBy('submittedAt', 'asc')
      .orderBy('_id', 'asc')
      .field(FIGURE_FIELDS)
      .skip(skip)
      .limit(MAX_PAGE)
      .get();
    cases.push(...(data as Record<string, unknown>[]).map(totalledCase));
    if (data.length < MAX_PAGE) return cases;
  }
}

/** When a station's first and last cases were submitted; undefined without any. */
export async function submissionSpan(db: Database, stationId: string): Promise<{ first: Date; last: Date } | undefined> {
  const edge = async (order: 'asc' | 'desc') => {
    const { data } = await db.collection(CASES).where({ stationId }).orderBy('submittedAt', order).field({ submittedAt: true }).limit(1).get();
    return data[0] ? new Date((data[0] as { submittedAt: Date }).submittedAt) : undefined;
  };
  const [first, last] = await Promise.all([edge('asc'), edge('desc')]);
  return first && last ? { first, last } : undefined;
}

/** Every station any case was sent to (a rebuild reads the cases station by station). */
export async function stationsWithCases(db: Database): Promise<string[]> {
  const { data } = await db.collection(CASES).aggregate().group({ _id: '$stationId' }).limit(MAX_PAGE).end();
  // More stations than one answer holds would leave some unchecked: refuse rather than pass.
  if (data.length >= MAX_PAGE) throw new Error(`more than ${MAX_PAGE - 1} stations have cases: the rebuild reads at most that many`);
  return (data as { _id: unknown }[]).map((row) => String(row._id)).sort();
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
