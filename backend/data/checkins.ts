/**
 * The `checkins` collection: one document per deputy and reception they checked in to
 * (`_id` = checkinIdFor(receptionId, deputyId)). The only code that reads or writes it; the
 * duty record reads the same documents.
 */
import type { CheckinDocument } from '../domain/reception/checkin';
import type { Database } from '../platform/cloudbase';
import { MAX_PAGE } from './documents';

const CHECKINS = 'checkins';

export async function findCheckin(db: Database, id: string): Promise<CheckinDocument | undefined> {
  const { data } = await db.collection(CHECKINS).where({ _id: id }).limit(1).get();
  return data[0] as CheckinDocument | undefined;
}

/**
 * Records a check-in unless one with its id exists: true when this call wrote it. Two scans at
 * once insert the same id, and the database lets only one of them in.
 */
export async function insertCheckin(db: Database, doc: CheckinDocument): Promise<boolean> {
  try {
    await db.collection(CHECKINS).add(doc);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw error;
    return false;
  }
}

/** The check-ins of these receptions (receptionId index). */
export async function checkinsOfReceptions(db: Database, receptionIds: readonly string[]): Promise<CheckinDocument[]> {
  if (receptionIds.length === 0) return [];
  const { data } = await db
    .collection(CHECKINS)
    .where({ receptionId: db.command.in([...receptionIds]) })
    .limit(MAX_PAGE)
    .get();
  return data as CheckinDocument[];
}
