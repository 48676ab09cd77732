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

/** Visits recorded at a station between two Shanghai dates, both included (station_date index). */
export async function countVisitsOfStation(db: Database, stationId: string, fromDate: string, toDate: string): Promise<number> {
  const _ = db.command;
  const { total } = await db
    .collection(VISITS)
    .where({ stationId, date: _.gte(fromDate).and(_.lte(toDate)) })
    .count();
  return total;
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
