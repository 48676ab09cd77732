/**
 * The handlers' queue over the `cases` collection: indexed reads of one scope (some stations,
 * or one deputy's assigned and addressed cases) in some statuses, in queue order. Only the
 * fields a queue line shows are read. Indexes (database/collections.json):
 * station_status_due, assigned_status_due, target_status_due — so an officer's 40 open cases
 * are found without reading the station's 10,000 closed ones. A case held back from the deputy
 * it was addressed to (domain/case/case.hold.ts) is left out of that deputy's reads.
 */
import type { CaseHold, CaseStatus } from '../domain/case';
import { releasedStatuses } from '../domain/case';
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

export async function countQueue(db: Database, scope: QueueScope, read: QueueRead): Promise<number> {
  if (isEmpty(scope)) return 0;
  const { total } = await db.collection(CASES).where(filterOf(db, scope, read)).count();
  return Number(total ?? 0);
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
  const { total } = await db.collection(CASES).where({ targetDeputyId: deputyId, submittedAt: db.command.gt(since) }).count();
  return Number(total ?? 0);
}
