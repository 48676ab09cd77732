/**
 * The `cases` collection: one document per case, the domain's CaseState (`id` stored as `_id`)
 * plus what only storage needs. The only code that reads or writes it.
 */
import type { CaseState } from '../domain/case';
import type { Database } from '../platform/cloudbase';
import { toGeoPoint } from './documents';
import type { Transaction } from './transaction';
import { getInTransaction, insertInTransaction, replaceInTransaction } from './transaction';

const CASES = 'cases';

/** Stored beside the domain state; never part of a decision. */
export interface CaseExtras {
  /** Denormalised for lists: stations are renamed rarely, cases are listed constantly. */
  readonly stationName: string;
  /** sha256 of the normalised title and content, for the 30-day duplicate check. */
  readonly contentHash: string;
  /** 'pending' when WeChat's content check was unavailable at submission: a handler must read it. */
  readonly contentCheck?: 'pending';
  /** Timeline events the owner has not seen yet (events by others since `readSeq`). */
  readonly unreadCount: number;
  /** The last seq the owner has been shown. */
  readonly readSeq: number;
}

export type CaseDocument = Omit<CaseState, 'id'> & CaseExtras & { _id: string };

export interface StoredCase {
  state: CaseState;
  extras: CaseExtras;
}

export function toCaseDocument(state: CaseState, extras: CaseExtras): CaseDocument {
  const { id, ...fields } = state;
  return withoutUndefined({ _id: id, ...fields, ...extras }) as CaseDocument;
}

export function fromCaseDocument(doc: Record<string, unknown>): StoredCase {
  const { _id, stationName, contentHash, contentCheck, unreadCount, readSeq, ...fields } = doc;
  const state = { ...fields, id: String(_id) } as unknown as CaseState & { location?: { point: unknown; address?: string } };
  // Geo values come back from the SDK as Point instances; the domain wants plain GeoJSON.
  const location = state.location ? { ...state.location, point: toGeoPoint(state.location.point) } : undefined;
  return {
    state: (location ? { ...state, location } : state) as CaseState,
    extras: {
      stationName: String(stationName ?? ''),
      contentHash: String(contentHash ?? ''),
      ...(contentCheck === 'pending' ? { contentCheck: 'pending' as const } : {}),
      unreadCount: Number(unreadCount ?? 0),
      readSeq: Number(readSeq ?? 0),
    },
  };
}

export async function findCase(db: Database, id: string): Promise<StoredCase | undefined> {
  const { data } = await db.collection(CASES).where({ _id: id }).limit(1).get();
  return data[0] ? fromCaseDocument(data[0]) : undefined;
}

/** By 受理编号 (receipt_unique index). */
export async function findCaseByReceipt(db: Database, receiptNo: string): Promise<StoredCase | undefined> {
  const { data } = await db.collection(CASES).where({ receiptNo }).limit(1).get();
  return data[0] ? fromCaseDocument(data[0]) : undefined;
}

export interface RecentCase {
  caseId: string;
  receiptNo: string;
  requestId: string;
  contentHash: string;
  submittedAt: Date;
}

/** The owner's cases since `since`, newest first, through the ownerOpenid+submittedAt index. */
export async function recentCasesOf(db: Database, ownerOpenid: string, since: Date): Promise<RecentCase[]> {
  const _ = db.command;
  const { data } = await db
    .collection(CASES)
    .where({ ownerOpenid, submittedAt: _.gte(since) })
    .orderBy('submittedAt', 'desc')
    .field({ _id: true, receiptNo: true, requestId: true, contentHash: true, submittedAt: true })
    .limit(1000)
    .get();
  return (data as Record<string, unknown>[]).map((d) => ({
    caseId: String(d._id),
    receiptNo: String(d.receiptNo),
    requestId: String(d.requestId),
    contentHash: String(d.contentHash ?? ''),
    submittedAt: new Date(d.submittedAt as Date),
  }));
}

/** One page of the owner's cases, newest first. */
export async function casesOf(db: Database, ownerOpenid: string, skip: number, limit: number): Promise<StoredCase[]> {
  const { data } = await db.collection(CASES).where({ ownerOpenid }).orderBy('submittedAt', 'desc').skip(skip).limit(limit).get();
  return (data as Record<string, unknown>[]).map(fromCaseDocument);
}

/** Sum of the owner's unread counts (the tab badge); only cases with something unread are read. */
export async function unreadTotalOf(db: Database, ownerOpenid: string): Promise<number> {
  const _ = db.command;
  const { data } = await db
    .collection(CASES)
    .where({ ownerOpenid, unreadCount: _.gt(0) })
    .field({ unreadCount: true })
    .limit(1000)
    .get();
  return (data as { unreadCount?: number }[]).reduce((sum, d) => sum + Number(d.unreadCount ?? 0), 0);
}

/**
 * The owner has been shown the timeline up to `lastSeq`. Conditional on `lastSeq`: if an
 * event arrived meanwhile the badge stays, so nothing unseen is ever marked read.
 */
export async function markCaseRead(db: Database, id: string, lastSeq: number): Promise<boolean> {
  const { updated } = await db.collection(CASES).where({ _id: id, lastSeq }).update({ unreadCount: 0, readSeq: lastSeq });
  return updated === 1;
}

export async function caseInTransaction(tx: Transaction, id: string): Promise<StoredCase | undefined> {
  const doc = await getInTransaction<Record<string, unknown>>(tx, CASES, id);
  return doc ? fromCaseDocument(doc) : undefined;
}

export async function insertCaseInTransaction(tx: Transaction, state: CaseState, extras: CaseExtras): Promise<void> {
  await insertInTransaction(tx, CASES, toCaseDocument(state, extras));
}

/** A full replacement, so fields the decision cleared (dueAt, rating …) are gone, not left behind. */
export async function replaceCaseInTransaction(tx: Transaction, state: CaseState, extras: CaseExtras): Promise<void> {
  await replaceInTransaction(tx, CASES, toCaseDocument(state, extras));
}

/** Plain data for the SDK: undefined fields dropped at every level (the domain's states are frozen clones). */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value === null || typeof value !== 'object') return value;
  // A Date from another realm (structuredClone under a test runner's vm) fails `instanceof` in the SDK: rebuild it here.
  if (Object.prototype.toString.call(value) === '[object Date]') return new Date((value as unknown as Date).getTime()) as T;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) if (child !== undefined) out[key] = withoutUndefined(child);
  return out as T;
}
