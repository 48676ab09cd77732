/**
 * What a deputy did in a year, read for the duty record (履职档案): their own timeline events
 * (`case_events`, index `actor_at`), their check-ins (`checkins`, index `deputy_date`), the
 * cases those events are about and the 约访 bookings made with them. Read-only; each query is
 * bounded by one deputy and one year.
 */
import { countsAsSatisfied } from '../domain/case/case.figures';
import type { CaseState } from '../domain/case/case.state';
import type { DutyBooking, DutyCase, DutyCheckIn, DutyEvent } from '../domain/duty';
import { DUTY_EVENT_KINDS } from '../domain/duty';
import { proofOf, type CheckinDocument } from '../domain/reception/checkin';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';

/** Ids per `in` query: well inside what any query planner takes in one list. */
const IDS_PER_QUERY = 100;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Every page of a query, MAX_PAGE at a time (a busy deputy may pass 1,000 events a year). */
async function allPages<T>(page: (skip: number) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (;;) {
    const batch = await page(rows.length);
    rows.push(...batch);
    if (batch.length < MAX_PAGE) return rows;
  }
}

export async function deputyEvents(db: Database, deputyId: string, window: { start: Date; end: Date }): Promise<DutyEvent[]> {
  const _ = db.command;
  const docs = await allPages(async (skip) => {
    const { data } = await db
      .collection('case_events')
      .where({ actorId: deputyId, actorRole: 'deputy', kind: _.in([...DUTY_EVENT_KINDS]), at: { $gte: window.start, $lt: window.end } })
      .field({ kind: true, caseId: true, at: true })
      .orderBy('at', 'desc')
      .skip(skip)
      .limit(MAX_PAGE)
      .get();
    return data as { kind: DutyEvent['kind']; caseId: string; at: Date }[];
  });
  return docs.map((d) => ({ kind: d.kind, caseId: String(d.caseId), at: new Date(d.at) }));
}

/** The deputy's check-ins on reception days from `from` to `to` ('YYYY-MM-DD', both included). */
export async function deputyCheckIns(db: Database, deputyId: string, from: string, to: string): Promise<DutyCheckIn[]> {
  const { data } = await db
    .collection('checkins')
    .where({ deputyId, date: { $gte: from, $lte: to } })
    .field({ receptionId: true, stationId: true, date: true, at: true, proof: true })
    .limit(MAX_PAGE)
    .get();
  const docs = data as Pick<CheckinDocument, 'receptionId' | 'stationId' | 'date' | 'at' | 'proof'>[];
  const names = await namesOf(db, 'stations', docs.map((d) => d.stationId));
  return docs.map((d) => ({
    receptionId: String(d.receptionId),
    stationName: names.get(d.stationId) ?? '联络站',
    date: String(d.date),
    at: new Date(d.at),
    proof: proofOf(d),
  }));
}

/** The cases by id, with only what the duty record needs (title, owner, satisfied closure). */
export async function dutyCases(db: Database, ids: readonly string[]): Promise<Map<string, DutyCase>> {
  const unique = [...new Set(ids)];
  const pages = await Promise.all(
    chunks(unique, IDS_PER_QUERY).map(async (chunk) => {
      const { data } = await db
        .collection('cases')
        .where({ _id: db.command.in(chunk) })
        .field({ _id: true, title: true, ownerOpenid: true, status: true, rating: true, closure: true })
        .limit(MAX_PAGE)
        .get();
      return data as (Pick<CaseState, 'title' | 'ownerOpenid' | 'status' | 'rating' | 'closure'> & { _id: string })[];
    }),
  );
  return new Map(
    pages.flat().map((doc) => {
      const satisfiedAt = countsAsSatisfied(doc) && doc.closure ? new Date(doc.closure.at) : undefined;
      const found: DutyCase = {
        id: doc._id,
        title: String(doc.title ?? ''),
        ownerOpenid: String(doc.ownerOpenid ?? ''),
        ...(satisfiedAt ? { satisfiedAt } : {}),
      };
      return [doc._id, found];
    }),
  );
}

/** Bookings with this deputy at these receptions that were not cancelled or missed. */
export async function bookingsWithDeputy(db: Database, deputyId: string, receptionIds: readonly string[]): Promise<DutyBooking[]> {
  const _ = db.command;
  const pages = await Promise.all(
    chunks([...new Set(receptionIds)], IDS_PER_QUERY).map(async (chunk) => {
      const { data } = await db
        .collection('bookings')
        .where({ receptionId: _.in(chunk), status: _.in(['booked', 'attended']), 'deputy.id': deputyId })
        .field({ openid: true, receptionId: true, startsAt: true, start: true, end: true })
        .limit(MAX_PAGE)
        .get();
      return data as { openid: string; receptionId: string; startsAt: Date; start: string; end: string }[];
    }),
  );
  return pages.flat().map((b) => ({ openid: b.openid, receptionId: b.receptionId, startsAt: new Date(b.startsAt), slot: `${b.start}–${b.end}` }));
}

async function namesOf(db: Database, collection: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const { data } = await db.collection(collection).where({ _id: db.command.in(unique) }).field({ _id: true, name: true }).limit(MAX_PAGE).get();
  return new Map((data as { _id: string; name: string }[]).map((d) => [d._id, d.name]));
}
