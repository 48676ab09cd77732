/**
 * The `uploads` collection: one document per issued photo path, `_id` = the path's random name
 * (domain/uploads). Written when a path is issued; marked used inside the transaction that
 * writes the message keeping the photo. Holds the openid it was issued to (index owner_issued).
 */
import type { IssuedUpload } from '../domain/uploads';
import type { Database } from '../platform/cloudbase';
import type { Transaction } from './transaction';
import { getInTransaction } from './transaction';

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
  const { total } = await db.collection(UPLOADS).where({ ownerOpenid: openid, issuedAt: db.command.gte(since) }).count();
  return Number(total ?? 0);
}

/** The records of these ids, by id (absent ids: never issued). */
export async function findUploads(db: Database, ids: readonly string[]): Promise<Map<string, IssuedUpload>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { data } = await db.collection(UPLOADS).where({ _id: db.command.in(unique) }).limit(unique.length).get();
  return new Map(data.map((doc) => fromDocument(doc as Record<string, unknown>)).map((upload) => [upload.id, upload]));
}

export async function uploadInTransaction(tx: Transaction, id: string): Promise<IssuedUpload | undefined> {
  const doc = await getInTransaction<Record<string, unknown>>(tx, UPLOADS, id);
  return doc ? fromDocument(doc) : undefined;
}

export async function markUsedInTransaction(tx: Transaction, id: string, caseId: string, at: Date): Promise<void> {
  await tx.collection(UPLOADS).doc(id).update({ usedAt: at, caseId });
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
