/**
 * The handlers' queue over the `cases` collection: indexed reads of one scope (some stations,
 * or one deputy's assigned and addressed cases) in some statuses, in queue order. Only the
 * fields a queue line shows are read. Indexes (database/collections.json):
 * station_status_due, assigned_status_due, target_status_due — so an officer's 40 open cases
 * are found without reading the station's 10,000 closed ones. A case held back from the deputy
 * it was addressed to (domain/case/case.hold.ts) is left out of that deputy's reads.
 *
 * The queue's first read is ONE aggregate over the scope's active cases (open and replied):
 * it counts every badge and cuts the page of the active cases the filter lists, in queue
 * order, in the database. Finished cases (the `closed` and `all` filters) follow from an
 * indexed read of their own.
 */
import type { CaseHold, CaseStatus } from '../domain/case';
import { ACTIVE_STATUSES, OPEN_STATUSES, releasedStatuses } from '../domain/case';
import type { Database } from '../platform/cloudbase';

const CASES = 'cases';

/** Whose cases: those of these stations, or those assigned or addressed to this deputy (optionally at one station). */
export type QueueScope = { readonly stationIds: readonly string[] } | { readonly deputyId: string; readonly stationId?: string };

export interface QueueRead {
  readonly statuses: readonly CaseStatus[];
  readonly dueBefore?: Date;
}

export interface QueueRow {
  id: string;
  receiptNo: string;
  title: string;
  category: string;
  status: CaseStatus;
  stationId: string;
  stationName: string;
  submittedAt: Date;
  dueAt?: Date;
  assignedDeputyId?: string;
  targetDeputyId?: string;
  anonymous: boolean;
  contentCheck?: 'pending';
  held?: CaseHold;
  /** The names of the deputies the case named, as the case keeps them (absent on older cases). */
  deputyNames?: Readonly<Record<string, string>>;
  /** 附议 (0 on cases stored before joining existed). */
  joinCount: number;
}

const FIELDS = {
  _id: true,
  receiptNo: true,
  title: true,
  category: true,
  status: true,
  stationId: true,
  stationName: true,
  submittedAt: true,
  dueAt: true,
  assignedDeputyId: true,
  targetDeputyId: true,
  anonymous: true,
  contentCheck: true,
  held: true,
  deputyNames: true,
  joinCount: true,
};

/**
 * `order: 'due'` — dueAt, then submittedAt, then _id ascending (open cases); `'submitted'` —
 * submittedAt, then _id. The _id last makes the order total, so skip/limit pages never overlap
 * or skip; submittedAt before it keeps a day's cases (one accept deadline) first come, first served.
 */
export async function readQueue(db: Database, scope: QueueScope, read: QueueRead, order: 'due' | 'submitted', skip: number, limit: number): Promise<QueueRow[]> {
  if (limit <= 0 || isEmpty(scope)) return [];
  let query = db.collection(CASES).where(filterOf(db, scope, read));
  if (order === 'due') query = query.orderBy('dueAt', 'asc');
  const { data } = await query.orderBy('submittedAt', 'asc').orderBy('_id', 'asc').skip(skip).limit(limit).field(FIELDS).get();
  return (data as Record<string, unknown>[]).map(toRow);
}

/** The badges of the queue: open (replied included), waiting for triage, past due. */
export interface QueueCounts {
  open: number;
  triage: number;
  overdue: number;
}

export interface QueueOverview {
  counts: QueueCounts;
  /** How many active cases the `due` read lists (where the `rest` segment starts). */
  dueTotal: number;
  /** The listed active cases at [skip, skip + limit): the `due` segment, then `rest` when it is given. */
  rows: QueueRow[];
}

/** Stands in for a missing dueAt, so no comparison meets a null (which sorts before every date). */
const NO_DUE = new Date('9999-12-31T00:00:00Z');

/**
 * One aggregate over the scope's active cases: the badges, and the page of those `due` lists
 * (by dueAt, submittedAt, _id) followed by those `rest` lists (by submittedAt, _id) — `rest`
 * only when it reads active statuses. Active cases are few (what is still owed to residents),
 * so sorting them in the database is cheap whatever the station's history; a queue line is a
 * few hundred bytes, so the one grouped document (16 MB at most) holds tens of thousands.
 */
export async function queueOverview(
  db: Database,
  scope: QueueScope,
  lists: { due?: QueueRead; rest?: QueueRead },
  now: Date,
  window: { skip: number; limit: number },
): Promise<QueueOverview> {
  if (isEmpty(scope)) return { counts: { open: 0, triage: 0, overdue: 0 }, dueTotal: 0, rows: [] };
  const $ = db.command.aggregate;
  const dueAt = $.ifNull(['$dueAt', NO_DUE]);
  const listedBy = (read: QueueRead | undefined) => (read ? $.and([$.in(['$status', [...read.statuses]]), read.dueBefore ? $.lt([dueAt, read.dueBefore]) : true]) : false);
  const count = (condition: unknown) => $.sum($.cond({ if: condition, then: 1, else: 0 }));
  const row = Object.fromEntries(Object.keys(FIELDS).map((field) => [field, `$${field}`]));
  const { data } = await db
    .collection(CASES)
    .aggregate()
    .match(filterOf(db, scope, { statuses: ACTIVE_STATUSES }))
    // segment 0: `due`, 1: `rest`, 2: counted only.
    .addFields({ segment: $.cond({ if: listedBy(lists.due), then: 0, else: $.cond({ if: listedBy(lists.rest), then: 1, else: 2 }) }) })
    .addFields({ dueKey: $.cond({ if: $.eq(['$segment', 0]), then: dueAt, else: NO_DUE }) })
    .sort({ segment: 1, dueKey: 1, submittedAt: 1, _id: 1 })
    .group({
      _id: null,
      open: $.sum(1),
      triage: count($.eq(['$status', 'submitted'])),
      overdue: count($.and([$.in(['$status', [...OPEN_STATUSES]]), $.lt([dueAt, now])])),
      dueTotal: count($.eq(['$segment', 0])),
      rows: $.push({ ...row, segment: '$segment' }),
    })
    .project({
      _id: 0,
      open: 1,
      triage: 1,
      overdue: 1,
      dueTotal: 1,
      rows: $.slice([$.filter({ input: '$rows', as: 'r', cond: $.lt(['$$r.segment', 2]) }), window.skip, Math.max(1, window.limit)]),
    })
    .end();
  const found = (data as { open?: number; triage?: number; overdue?: number; dueTotal?: number; rows?: Record<string, unknown>[] }[])[0];
  if (!found) return { counts: { open: 0, triage: 0, overdue: 0 }, dueTotal: 0, rows: [] };
  return {
    counts: { open: Number(found.open ?? 0), triage: Number(found.triage ?? 0), overdue: Number(found.overdue ?? 0) },
    dueTotal: Number(found.dueTotal ?? 0),
    rows: window.limit > 0 ? (found.rows ?? []).map(toRow) : [],
  };
}

/** The stations of a district (for the district office's queue), by the `district` index. */
export async function stationIdsOfDistrict(db: Database, district: string): Promise<string[]> {
  const { data } = await db.collection('stations').where({ district }).field({ _id: true }).limit(1000).get();
  return (data as { _id: string }[]).map((station) => station._id);
}

const isEmpty = (scope: QueueScope) => 'stationIds' in scope && scope.stationIds.length === 0;

function filterOf(db: Database, scope: QueueScope, read: QueueRead) {
  const _ = db.command;
  const inStatuses = (statuses: readonly CaseStatus[]) => ({
    status: statuses.length === 1 ? statuses[0] : _.in([...statuses]),
    ...(read.dueBefore ? { dueAt: _.lt(read.dueBefore) } : {}),
  });
  const condition = inStatuses(read.statuses);
  if ('stationIds' in scope) {
    return { stationId: scope.stationIds.length === 1 ? scope.stationIds[0] : _.in([...scope.stationIds]), ...condition };
  }
  // Each branch carries the whole condition, so each is served by its own index.
  const station = scope.stationId ? { stationId: scope.stationId } : {};
  // Addressed cases: those never held, and held ones only in the statuses triage released them to.
  const released = releasedStatuses(read.statuses);
  return _.or([
    { assignedDeputyId: scope.deputyId, ...condition, ...station },
    { targetDeputyId: scope.deputyId, ...condition, ...station, held: _.exists(false) },
    ...(released.length ? [{ targetDeputyId: scope.deputyId, ...inStatuses(released), ...station, held: _.exists(true) }] : []),
  ]);
}

function toRow(doc: Record<string, unknown>): QueueRow {
  return {
    id: String(doc._id),
    receiptNo: String(doc.receiptNo),
    title: String(doc.title),
    category: String(doc.category),
    status: doc.status as CaseStatus,
    stationId: String(doc.stationId),
    stationName: String(doc.stationName ?? ''),
    submittedAt: new Date(doc.submittedAt as Date),
    ...(doc.dueAt ? { dueAt: new Date(doc.dueAt as Date) } : {}),
    ...(typeof doc.assignedDeputyId === 'string' ? { assignedDeputyId: doc.assignedDeputyId } : {}),
    ...(typeof doc.targetDeputyId === 'string' ? { targetDeputyId: doc.targetDeputyId } : {}),
    anonymous: doc.anonymous === true,
    ...(doc.contentCheck === 'pending' ? { contentCheck: 'pending' as const } : {}),
    ...(isHold(doc.held) ? { held: { reason: doc.held.reason, at: new Date(doc.held.at) } } : {}),
    ...(doc.deputyNames && typeof doc.deputyNames === 'object' ? { deputyNames: { ...(doc.deputyNames as Record<string, string>) } } : {}),
    joinCount: Math.max(0, Number(doc.joinCount ?? 0) || 0),
  };
}

function isHold(value: unknown): value is CaseHold {
  return typeof value === 'object' && value !== null && typeof (value as CaseHold).reason === 'string';
}

/**
 * How many cases were addressed to `deputyId` since `since`, whatever their status or sender
 * (index target_submitted): the deputy-flood rule of case.hold.ts counts them.
 */
export async function countAddressedSince(db: Database, deputyId: string, since: Date): Promise<number> {
  const { total } = await db
    .collection(CASES)
    .where({ targetDeputyId: deputyId, submittedAt: db.command.gt(since) })
    .count();
  return Number(total ?? 0);
}
