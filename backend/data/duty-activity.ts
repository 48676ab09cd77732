/**
 * What a deputy did in a year, read for the duty record (履职档案): their own timeline events
 * (inside the cases they acted on: `cases`, multikey index `timeline_actor`), their check-ins
 * (`checkins`, index `deputy_date`), the cases those events are about and the 约访 bookings made
 * with them. Read-only; each query is bounded by one deputy and one year.
 */
import { countsAsSatisfied } from '../domain/case/case.figures';
import type { CaseState } from '../domain/case/case.state';
import type { DutyBooking, DutyCase, DutyCheckIn, DutyEvent, DutySuggestion } from '../domain/duty';
import { DUTY_EVENT_KINDS } from '../domain/duty';
import { proofOf, type CheckinDocument } from '../domain/reception/checkin';
import { RECEPTION_KINDS } from '../domain/reception/reception.input';
import type { ReceptionKind } from '../../typings/api';
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
  const kinds = [...DUTY_EVENT_KINDS] as string[];
  const mine = (e: { actorRole?: string; actorId?: string; kind?: string; at?: Date }) =>
    e.actorRole === 'deputy' && e.actorId === deputyId && kinds.includes(String(e.kind)) && new Date(e.at!) >= window.start && new Date(e.at!) < window.end;
  // The cases the deputy acted on in the window (the index narrows by actor; elemMatch keeps one event meeting every condition).
  const docs = await allPages(async (skip) => {
    const { data } = await db
      .collection('cases')
      .where({
        'timeline.actorId': deputyId,
        timeline: _.elemMatch({ actorId: deputyId, actorRole: 'deputy', kind: _.in(kinds), at: { $gte: window.start, $lt: window.end } }),
      })
      .field({ _id: true, 'timeline.actorId': true, 'timeline.actorRole': true, 'timeline.kind': true, 'timeline.at': true })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(MAX_PAGE)
      .get();
    return data as { _id: string; timeline?: { actorRole?: string; actorId?: string; kind?: DutyEvent['kind']; at?: Date }[] }[];
  });
  const events = docs.flatMap((doc) => (doc.timeline ?? []).filter(mine).map((e) => ({ kind: e.kind!, caseId: String(doc._id), at: new Date(e.at!) })));
  return events.sort((a, b) => b.at.getTime() - a.at.getTime());
}

/**
 * The deputy's check-ins on reception days from `from` to `to` ('YYYY-MM-DD', both included),
 * each with its station's name, its day's kind (a reception, a forum …) and the 约访 bookings
 * made with the deputy at that reception (not cancelled or missed) — ONE aggregate joining
 * `stations`, `receptions` and `bookings` in the database.
 */
export async function deputyReceptionDays(db: Database, deputyId: string, from: string, to: string): Promise<{ checkIns: DutyCheckIn[]; bookings: DutyBooking[] }> {
  const $ = db.command.aggregate;
  const withDeputy = $.and([$.in(['$$b.status', ['booked', 'attended']]), $.eq(['$$b.deputy.id', deputyId])]);
  const { data } = await db
    .collection('checkins')
    .aggregate()
    .match({ deputyId, date: { $gte: from, $lte: to } })
    .limit(MAX_PAGE)
    .lookup({ from: 'stations', localField: 'stationId', foreignField: '_id', as: 'joinedStation' })
    .lookup({ from: 'receptions', localField: 'receptionId', foreignField: '_id', as: 'joinedReception' })
    .lookup({ from: 'bookings', localField: 'receptionId', foreignField: 'receptionId', as: 'joinedBookings' })
    .project({
      receptionId: 1,
      stationId: 1,
      date: 1,
      at: 1,
      proof: 1,
      stationName: $.arrayElemAt(['$joinedStation.name', 0]),
      receptionKind: $.arrayElemAt(['$joinedReception.kind', 0]),
      // Only who booked and when: nothing else of a booking leaves the database.
      bookings: $.map({
        input: $.filter({ input: '$joinedBookings', as: 'b', cond: withDeputy }),
        as: 'b',
        in: { openid: '$$b.openid', startsAt: '$$b.startsAt', start: '$$b.start', end: '$$b.end' },
      }),
    })
    .end();
  const docs = data as (Pick<CheckinDocument, 'receptionId' | 'stationId' | 'date' | 'at' | 'proof'> & {
    stationName?: string;
    receptionKind?: ReceptionKind;
    bookings?: { openid: string; startsAt: Date; start: string; end: string }[];
  })[];
  return {
    checkIns: docs.map((d) => ({
      receptionId: String(d.receptionId),
      stationName: d.stationName ?? '联络站',
      // Days stored before other kinds existed have none: a reception day.
      kind: (RECEPTION_KINDS as readonly string[]).includes(String(d.receptionKind)) ? d.receptionKind! : 'reception',
      date: String(d.date),
      at: new Date(d.at),
      proof: proofOf(d),
    })),
    bookings: docs.flatMap((d) =>
      (d.bookings ?? []).map((b) => ({ openid: b.openid, receptionId: String(d.receptionId), startsAt: new Date(b.startsAt), slot: `${b.start}–${b.end}` })),
    ),
  };
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

/** Statuses of a suggestion that no longer counts: withdrawn by its author, or converted into a case referral. */
const NOT_COUNTED = ['draft', 'withdrawn', 'converted'];

/**
 * The 代表建议 the deputy authored or co-signed (confirmed) whose last submission falls in the
 * window, neither withdrawn nor converted: one query on `suggestions` (indexes `deputy_submitted`,
 * `cosigner_submitted`), read beside the other reads of the record.
 */
export async function deputySuggestions(db: Database, deputyId: string, window: { start: Date; end: Date }): Promise<DutySuggestion[]> {
  const _ = db.command;
  const counted = { submittedAt: _.gte(window.start).and(_.lt(window.end)), status: _.nin(NOT_COUNTED) };
  const docs = await allPages(async (skip) => {
    const { data } = await db
      .collection('suggestions')
      // The co-signer's branch names the indexed path too; elemMatch keeps the id and the confirmation on one co-signer.
      .where(
        _.or([
          { deputyId, ...counted },
          { 'cosigners.deputyId': deputyId, cosigners: _.elemMatch({ deputyId, status: 'confirmed' }), ...counted },
        ]),
      )
      .field({ _id: true, title: true, submittedAt: true, deputyId: true })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(MAX_PAGE)
      .get();
    return data as { _id: string; title?: string; submittedAt: Date; deputyId?: string }[];
  });
  return docs.map((doc) => ({
    id: String(doc._id),
    title: String(doc.title ?? ''),
    submittedAt: new Date(doc.submittedAt),
    role: doc.deputyId === deputyId ? 'author' : 'cosigner',
  }));
}
