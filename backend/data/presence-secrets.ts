/**
 * The `presence_secrets` collection: one random key per reception (`_id` = the reception's id),
 * from which the officer's rotating presence codes are computed. The only code that reads or
 * writes it, and nothing here ever goes into an answer. Kept apart from `receptions`, whose
 * documents many actions read and show, so a secret cannot ride along in a view by mistake.
 */
import type { Database } from '../platform/cloudbase';

const COLLECTION = 'presence_secrets';

interface PresenceSecretDocument {
  _id: string;
  secret: string;
  createdAt: Date;
}

/** The secrets of these receptions, by reception id; a reception whose code was never shown has none. */
export async function presenceSecrets(db: Database, receptionIds: readonly string[]): Promise<Map<string, string>> {
  if (receptionIds.length === 0) return new Map();
  const { data } = await db
    .collection(COLLECTION)
    .where({ _id: db.command.in([...receptionIds]) })
    .limit(receptionIds.length)
    .get();
  return new Map((data as PresenceSecretDocument[]).map((doc) => [doc._id, doc.secret]));
}

/**
 * The reception's secret, made on the first request for a code. Two officers' phones asking at
 * once insert the same id: the database lets one in, and both then use that one.
 */
export async function ensurePresenceSecret(db: Database, receptionId: string, make: () => string, now: Date): Promise<string> {
  const existing = (await presenceSecrets(db, [receptionId])).get(receptionId);
  if (existing !== undefined) return existing;
  const doc: PresenceSecretDocument = { _id: receptionId, secret: make(), createdAt: now };
  try {
    await db.collection(COLLECTION).add(doc);
    return doc.secret;
  } catch (error) {
    if ((error as { code?: string }).code !== 'DATABASE_DUPLICATE_WRITE') throw error;
    const first = (await presenceSecrets(db, [receptionId])).get(receptionId);
    if (first === undefined) throw error;
    return first;
  }
}
