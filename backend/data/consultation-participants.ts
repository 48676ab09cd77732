/**
 * The `consultation_participants` collection: one marker per commenter and consultation
 * (`<consultationId>:<hash of the openid>`, never the openid itself) counting their counted
 * comments, so the consultation's `participants` counter moves only on a commenter's first
 * counted comment and their last one withdrawn. Written only inside the comment transactions.
 */
import { createHash } from 'node:crypto';
import type { ParticipantDocument } from '../domain/consultation/consultation.model';
import type { Database } from '../platform/cloudbase';
import { getInTransaction, inTransaction, insertInTransaction, type Transaction } from './transaction';

export const CONSULTATION_PARTICIPANTS = 'consultation_participants';

export const participantId = (consultationId: string, openid: string): string => `${consultationId}:${createHash('sha256').update(openid).digest('hex').slice(0, 32)}`;

/** Adds `delta` to the commenter's counted comments: +1 / -1 on the consultation's participants when they start or stop counting. */
export async function moveParticipantInTransaction(tx: Transaction, consultationId: string, openid: string, delta: 1 | -1): Promise<number> {
  const id = participantId(consultationId, openid);
  const marker = await getInTransaction<ParticipantDocument>(tx, CONSULTATION_PARTICIPANTS, id);
  const before = Number(marker?.counted ?? 0);
  const after = Math.max(0, before + delta);
  if (!marker) await insertInTransaction(tx, CONSULTATION_PARTICIPANTS, { _id: id, consultationId, counted: after });
  else await tx.collection(CONSULTATION_PARTICIPANTS).doc(id).update({ counted: after });
  return (before === 0 ? 0 : 1) === (after === 0 ? 0 : 1) ? 0 : after > 0 ? 1 : -1;
}

/**
 * Account deletion: the marker's id is a hash of the openid, so it moves to `newId` (random)
 * with its count, or goes when it counts nothing — the consultation's participants stay as
 * they are. Nothing to do when the marker is gone already (an earlier try moved it).
 */
export async function rekeyParticipantInTransaction(tx: Transaction, consultationId: string, openid: string, newId: string): Promise<void> {
  const id = participantId(consultationId, openid);
  const marker = await getInTransaction<ParticipantDocument>(tx, CONSULTATION_PARTICIPANTS, id);
  if (!marker) return;
  await tx.collection(CONSULTATION_PARTICIPANTS).doc(id).remove();
  const counted = Number(marker.counted ?? 0);
  if (counted > 0) await insertInTransaction(tx, CONSULTATION_PARTICIPANTS, { _id: `${consultationId}:${newId}`, consultationId, counted });
}

/** The same, on its own: for a consultation where none of the person's comments is left. */
export async function rekeyParticipant(db: Database, consultationId: string, openid: string, newId: string): Promise<void> {
  await inTransaction(db, (tx) => rekeyParticipantInTransaction(tx, consultationId, openid, newId));
}
