/**
 * The `visits` collection (接待日登记): the only code that reads or writes it. Claim codes are
 * looked up by their hash (claim_code index), never stored in clear.
 */
import type { VisitDocument } from '../domain/visit';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';

const VISITS = 'visits';

export async function findVisit(db: Database, id: string): Promise<VisitDocument | undefined> {
  const { data } = await db.collection(VISITS).doc(id).get();
  return (data as VisitDocument[])[0];
}

/** Inserted, or already there (a retry of the same record landed first). */
export async function insertVisit(db: Database, visit: VisitDocument): Promise<'inserted' | 'exists'> {
  try {
    await db.collection(VISITS).add(visit);
    return 'inserted';
  } catch (error) {
    if ((error as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw error;
    return 'exists';
  }
}

/** A reception's visits, latest first (reception_recorded index); a day sees far fewer than a page. */
export async function visitsOfReception(db: Database, receptionId: string): Promise<VisitDocument[]> {
  const { data } = await db.collection(VISITS).where({ receptionId }).orderBy('recordedAt', 'desc').limit(MAX_PAGE).get();
  return data as VisitDocument[];
}

export async function visitByClaimHash(db: Database, codeHash: string): Promise<VisitDocument | undefined> {
  const { data } = await db.collection(VISITS).where({ 'claim.codeHash': codeHash }).limit(1).get();
  return (data as VisitDocument[])[0];
}

/** The visit became a case: its reference and the first claim code's hash. */
export async function setVisitConverted(db: Database, id: string, change: Pick<VisitDocument, 'case' | 'claim'>, now: Date): Promise<void> {
  await db.collection(VISITS).doc(id).update({ status: 'converted', case: change.case, claim: change.claim, updatedAt: now });
}

/** A fresh code replaces the earlier one, only while nobody claimed the case. */
export async function replaceClaimCode(db: Database, id: string, claim: { codeHash: string; expiresAt: Date }, now: Date): Promise<boolean> {
  const _ = db.command;
  const { updated } = await db
    .collection(VISITS)
    .where({ _id: id, 'claim.claimedAt': _.exists(false) })
    .update({ claim: _.set(claim), updatedAt: now });
  return (updated ?? 0) > 0;
}

export async function markVisitClaimed(db: Database, id: string, now: Date): Promise<void> {
  await db.collection(VISITS).doc(id).update({ 'claim.claimedAt': now, updatedAt: now });
}

/** Visits recorded with a deputy between two Shanghai dates, both included (deputy_date index). */
export async function countVisitsOfDeputy(db: Database, deputyId: string, fromDate: string, toDate: string): Promise<number> {
  const _ = db.command;
  const { total } = await db
    .collection(VISITS)
    .where({ deputyId, date: _.gte(fromDate).and(_.lte(toDate)) })
    .count();
  return total;
}

/**
 * The visits recorded at a station on one Shanghai day: how many, and how many with each deputy
 * (visits without a deputy count only in the total). One aggregate on the station_date index;
 * what the running totals of 接访群众 are recounted from (data/figure-totals.ts `saveDayVisitors`).
 */
export async function visitorsOfStationDay(db: Database, stationId: string, date: string): Promise<{ total: number; byDeputy: Map<string, number> }> {
  const $ = db.command.aggregate;
  const { data } = await db
    .collection(VISITS)
    .aggregate()
    .match({ stationId, date })
    .group({ _id: '$deputyId', count: $.sum(1) })
    .limit(MAX_PAGE)
    .end();
  const rows = data as { _id?: unknown; count: number }[];
  const byDeputy = new Map(rows.filter((row) => typeof row._id === 'string' && row._id !== '').map((row) => [String(row._id), Number(row.count)]));
  return { total: rows.reduce((sum, row) => sum + Number(row.count), 0), byDeputy };
}

/**
 * Contact retention (config/retention.json): the name and phone a visit was recorded with are
 * removed once the visit is older than the cutoff. A visit that became a case gave the case its
 * own copy, which the case's retention removes after the case ends. One update (index `recorded`);
 * answers how many visits lost a contact.
 */
export async function purgeVisitContacts(db: Database, cutoff: Date): Promise<number> {
  const _ = db.command;
  const { updated } = await db
    .collection(VISITS)
    .where(_.and([{ recordedAt: _.lt(cutoff) }, _.or([{ name: _.exists(true) }, { phone: _.exists(true) }])]))
    .update({ name: _.remove(), phone: _.remove() });
  return updated;
}
