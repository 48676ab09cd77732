/**
 * The `uploads` collection: one document per issued photo path, `_id` = the path's random name
 * (domain/uploads). Written when a path is issued; claimed (marked used by a case) by one
 * conditional update just before the message keeping the photo is written, released again if
 * that write does not happen. Holds the openid it was issued to (index owner_issued).
 */
import type { IssuedUpload } from '../domain/uploads';
import type { Database } from '../platform/cloudbase';

const UPLOADS = 'uploads';

interface UploadDocument {
  _id: string;
  cloudPath: string;
  ownerOpenid: string;
  issuedAt: Date;
  expiresAt: Date;
  usedAt?: Date;
  caseId?: string;
}

/** All of one call's paths in one insert: a client gets every path or none. */
export async function insertUploads(db: Database, uploads: readonly IssuedUpload[]): Promise<void> {
  if (uploads.length === 0) return;
  await db.collection(UPLOADS).add(uploads.map(toDocument));
}

/** Paths issued to `openid` since `since` (index owner_issued). */
export async function countIssuedSince(db: Database, openid: string, since: Date): Promise<number> {
  const { total } = await db
    .collection(UPLOADS)
    .where({ ownerOpenid: openid, issuedAt: db.command.gte(since) })
    .count();
  return Number(total ?? 0);
}

/** The records of these ids, by id (absent ids: never issued). */
export async function findUploads(db: Database, ids: readonly string[]): Promise<Map<string, IssuedUpload>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { data } = await db
    .collection(UPLOADS)
    .where({ _id: db.command.in(unique) })
    .limit(unique.length)
    .get();
  return new Map(data.map((doc) => fromDocument(doc as Record<string, unknown>)).map((upload) => [upload.id, upload]));
}

/**
 * Claims the paths `ids` for `caseId` in one request: each only while it is still the sender's,
 * unexpired and unused — or already this case's (a retried submission finishing its own claim).
 * Each document's condition is checked and written atomically, so of two messages racing for a
 * photo exactly one gets it. Answers how many were claimed: fewer than asked means some were
 * not, and the caller releases what it got (`releaseUploads`) and refuses the message.
 */
export async function claimUploads(db: Database, ids: readonly string[], sender: string, caseId: string, at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const _ = db.command;
  const { updated } = await db
    .collection(UPLOADS)
    .where(_.and([{ _id: _.in([...ids]), ownerOpenid: sender, expiresAt: _.gt(at) }, _.or([{ usedAt: _.exists(false) }, { caseId }])]))
    .update({ usedAt: at, caseId });
  return Number(updated ?? 0);
}

/** Gives back the paths a refused message claimed (those it marked at `at` for `caseId`, nothing else). */
export async function releaseUploads(db: Database, ids: readonly string[], caseId: string, at: Date): Promise<void> {
  if (ids.length === 0) return;
  const _ = db.command;
  await db
    .collection(UPLOADS)
    .where({ _id: _.in([...ids]), caseId, usedAt: at })
    .update({ usedAt: _.remove(), caseId: _.remove() });
}

function toDocument(upload: IssuedUpload): UploadDocument {
  return { _id: upload.id, cloudPath: upload.cloudPath, ownerOpenid: upload.ownerOpenid, issuedAt: upload.issuedAt, expiresAt: upload.expiresAt };
}

/** Dates may come back as Date or as strings: one shape for the rules. */
function fromDocument(doc: Record<string, unknown>): IssuedUpload {
  const date = (value: unknown) => (value instanceof Date ? value : new Date(value as string));
  return {
    id: String(doc._id),
    cloudPath: String(doc.cloudPath ?? ''),
    ownerOpenid: String(doc.ownerOpenid ?? ''),
    issuedAt: date(doc.issuedAt),
    expiresAt: date(doc.expiresAt),
    ...(doc.usedAt ? { usedAt: date(doc.usedAt) } : {}),
    ...(doc.caseId ? { caseId: String(doc.caseId) } : {}),
  };
}
