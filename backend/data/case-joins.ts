/**
 * The `case_joins` collection (我也遇到): one document per case and resident, `_id` =
 * `<caseId>:<openid>` (domain/join), so a second join finds the first instead of adding one.
 * A join and the case's `joinCount` change together in ONE transaction (data/transaction.ts):
 * the count moves only when a join document appears or goes, so it stays exact under retries
 * and parallel calls. The joiner's openid never leaves this module in an answer meant for
 * another person: handlers read notes and photos only (`joinNotesOf`).
 *
 * Indexes (database/collections.json): case_joined (caseId, joinedAt) for the fan-out,
 * case_added (caseId, added, updatedAt) for the handlers' notes, openid_joined (openid,
 * joinedAt) for 我也遇到的, the rate limit and account deletion.
 */
import { joinId } from '../domain/join';
import type { Database } from '../platform/cloudbase';
import type { Transaction } from './transaction';
import { getInTransaction, inTransaction } from './transaction';

const JOINS = 'case_joins';
const CASES = 'cases';

export interface JoinDocument {
  _id: string;
  caseId: string;
  openid: string;
  stationId: string;
  joinedAt: Date;
  updatedAt: Date;
  note?: string;
  photoFileIds: string[];
  /** A note or photos are there: what the handlers' list reads (index case_added). */
  added: boolean;
  /** Set when a merge brought the join over from the duplicate. */
  movedFrom?: string;
}

/** What a joiner adds (replaced whole by a repeat join). */
export interface JoinAddition {
  readonly note?: string;
  readonly photoFileIds: readonly string[];
}

const dateOf = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));

function fromDocument(doc: Record<string, unknown>): JoinDocument {
  return {
    ...(doc as unknown as JoinDocument),
    joinedAt: dateOf(doc.joinedAt),
    updatedAt: dateOf(doc.updatedAt),
    photoFileIds: Array.isArray(doc.photoFileIds) ? (doc.photoFileIds as string[]) : [],
  };
}

/** The caller's join of a case, if any. */
export async function findJoin(db: Database, caseId: string, openid: string): Promise<JoinDocument | undefined> {
  const { data } = await db
    .collection(JOINS)
    .where({ _id: joinId(caseId, openid) })
    .limit(1)
    .get();
  return data[0] ? fromDocument(data[0] as Record<string, unknown>) : undefined;
}

/**
 * Joins `caseId` (or replaces what an earlier join added): answers whether this call made the
 * join (then `joinCount` went up by one in the same transaction).
 */
export async function saveJoin(db: Database, join: { caseId: string; openid: string; stationId: string; at: Date } & JoinAddition): Promise<{ created: boolean }> {
  const id = joinId(join.caseId, join.openid);
  const addition = { ...(join.note ? { note: join.note } : {}), photoFileIds: [...join.photoFileIds], added: !!join.note || join.photoFileIds.length > 0 };
  return inTransaction(db, async (tx) => {
    const existing = await getInTransaction<JoinDocument>(tx, JOINS, id);
    if (existing) {
      const { _id, ...kept } = existing;
      // Replaced whole, so a repeat join without a note takes the old note away.
      await tx
        .collection(JOINS)
        .doc(id)
        .set({ ...withoutAddition(kept), ...addition, updatedAt: join.at });
      return { created: false };
    }
    await tx.collection(JOINS).add({ _id: id, caseId: join.caseId, openid: join.openid, stationId: join.stationId, joinedAt: join.at, updatedAt: join.at, ...addition });
    await bumpCount(db, tx, join.caseId, 1);
    return { created: true };
  });
}

function withoutAddition(doc: Omit<JoinDocument, '_id'>): Omit<JoinDocument, '_id' | 'note' | 'photoFileIds' | 'added'> {
  const { note: _note, photoFileIds: _photos, added: _added, ...rest } = doc;
  return rest;
}

/** Leaves `caseId`: answers whether a join was there (then `joinCount` went down by one with it). */
export async function removeJoin(db: Database, caseId: string, openid: string): Promise<{ removed: boolean }> {
  const id = joinId(caseId, openid);
  return inTransaction(db, async (tx) => {
    const existing = await getInTransaction<JoinDocument>(tx, JOINS, id);
    if (!existing) return { removed: false };
    await tx.collection(JOINS).doc(id).remove();
    await bumpCount(db, tx, caseId, -1);
    return { removed: true };
  });
}

/** `inc` (an older case without the field counts from 0). */
function bumpCount(db: Database, tx: Transaction, caseId: string, by: number): Promise<unknown> {
  return tx
    .collection(CASES)
    .doc(caseId)
    .update({ joinCount: db.command.inc(by) });
}

/**
 * Moves one join from a merged duplicate to the case it was merged into, in one transaction:
 * the duplicate loses it, the other case gains it unless the person had joined it already
 * (then it only goes). Idempotent: a join already moved is simply not found again.
 */
export async function moveJoin(db: Database, join: JoinDocument, intoCaseId: string, intoStationId: string): Promise<void> {
  const intoId = joinId(intoCaseId, join.openid);
  await inTransaction(db, async (tx) => {
    const still = await getInTransaction<JoinDocument>(tx, JOINS, join._id);
    if (!still) return;
    const there = await getInTransaction<JoinDocument>(tx, JOINS, intoId);
    if (!there) {
      const { _id, ...fields } = still;
      await tx.collection(JOINS).add({ ...fields, _id: intoId, caseId: intoCaseId, stationId: intoStationId, movedFrom: join.caseId });
      await bumpCount(db, tx, intoCaseId, 1);
    }
    await tx.collection(JOINS).doc(join._id).remove();
    await bumpCount(db, tx, join.caseId, -1);
  });
}

/** The first `limit` joiners of a case, earliest first: who hears of its changes. */
export async function joinerOpenids(db: Database, caseId: string, limit: number): Promise<string[]> {
  const { data } = await db.collection(JOINS).where({ caseId }).orderBy('joinedAt', 'asc').field({ openid: true }).limit(limit).get();
  return (data as { openid?: unknown }[]).flatMap((doc) => (typeof doc.openid === 'string' ? [doc.openid] : []));
}

/** Joins of a case, earliest first (a merge moves them `limit` at a time). */
export async function joinsOfCase(db: Database, caseId: string, limit: number): Promise<JoinDocument[]> {
  const { data } = await db.collection(JOINS).where({ caseId }).orderBy('joinedAt', 'asc').limit(limit).get();
  return (data as Record<string, unknown>[]).map(fromDocument);
}

/** What joiners added to a case, newest first: notes and photos only, never who. */
export async function joinNotesOf(db: Database, caseId: string, limit: number): Promise<{ at: Date; note?: string; photoFileIds: string[] }[]> {
  const { data } = await db
    .collection(JOINS)
    .where({ caseId, added: true })
    .orderBy('updatedAt', 'desc')
    .field({ _id: false, updatedAt: true, note: true, photoFileIds: true })
    .limit(limit)
    .get();
  return (data as Record<string, unknown>[]).map((doc) => ({
    at: dateOf(doc.updatedAt),
    ...(typeof doc.note === 'string' ? { note: doc.note } : {}),
    photoFileIds: Array.isArray(doc.photoFileIds) ? (doc.photoFileIds as string[]) : [],
  }));
}

/** A person's joins, newest first. */
export async function joinsOf(db: Database, openid: string, limit: number): Promise<JoinDocument[]> {
  const { data } = await db.collection(JOINS).where({ openid }).orderBy('joinedAt', 'desc').limit(limit).get();
  return (data as Record<string, unknown>[]).map(fromDocument);
}

/** Which of these cases the person joined. */
export async function joinedAmong(db: Database, openid: string, caseIds: readonly string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const ids = caseIds.map((caseId) => joinId(caseId, openid));
  const { data } = await db
    .collection(JOINS)
    .where({ _id: db.command.in(ids) })
    .field({ caseId: true })
    .limit(ids.length)
    .get();
  return new Set((data as { caseId?: unknown }[]).map((doc) => String(doc.caseId)));
}

/** Joins the person made since `since` (the daily limit; index openid_joined). */
export async function countJoinsSince(db: Database, openid: string, since: Date): Promise<number> {
  const { total } = await db
    .collection(JOINS)
    .where({ openid, joinedAt: db.command.gte(since) })
    .count();
  return Number(total ?? 0);
}
