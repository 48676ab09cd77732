/**
 * The cases' one seam to storage (backend/platform/storage.ts) and to the record of issued upload
 * paths (data/uploads.ts): photo ids a resident or handler sends are checked before a message
 * keeps them — this environment's photo folder, issued to the sender, not used yet, not expired,
 * uploaded — and claimed by one conditional update right before the message is written (given
 * back if it is not); stored ids become short-lived URLs.
 */
import type { PhotoView } from '../../../typings/case';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { claimRefusal, claimRefusalMessage, uploadIdOf } from '../../domain/uploads';
import { fieldPath } from '../../domain/validation';
import { claimUploads, findUploads, releaseUploads } from '../../data/uploads';
import type { Database } from '../../platform/cloudbase';
import { casePhotoPath, missingFiles, photoUrls } from '../../platform/storage';

/**
 * Said to a client that uploaded elsewhere: where the mini-program uploads (CASE_PHOTO in
 * platform/storage.ts), so a developer knows what to send without reading our code.
 */
export const NOT_A_CASE_PHOTO = '照片须先上传到系统分配的上传路径（cases/年/月/32 位随机名，格式为 jpg、jpeg、png、webp 或 gif），再提交上传得到的 fileID';

/** The photos one message brings, and who sends them (the caller's WeChat openid, whatever their role). */
export interface PhotoClaim {
  readonly sender: string;
  readonly fileIds: readonly string[];
}

/** A claim only when the message carries photos. */
export function photoClaim(sender: string, fileIds: readonly string[] | undefined): PhotoClaim | undefined {
  return fileIds?.length ? { sender, fileIds } : undefined;
}

const refused = (message: string, index: number) => fail('INVALID_INPUT', message, fieldPath('photoFileIds', index));

/**
 * Every check with an answer the sender can act on, before any work is done (and before
 * WeChat's content check is spent). The claim itself is made again, exactly, by `claimPhotos`.
 * `ownCase`: a retried submission's case, whose own earlier claim does not count as a use.
 */
export async function checkPhotos(db: Database, claim: PhotoClaim | undefined, now: Date, ownCase?: string): Promise<Result<void>> {
  if (!claim) return ok(undefined);
  const { fileIds, sender } = claim;
  const paths = fileIds.map((fileId) => casePhotoPath(fileId));
  const foreign = paths.findIndex((path) => path === undefined);
  if (foreign >= 0) return refused(NOT_A_CASE_PHOTO, foreign);
  // The same photo twice in one message would be claimed once and kept twice.
  const repeated = fileIds.findIndex((fileId, i) => fileIds.indexOf(fileId) !== i);
  if (repeated >= 0) return refused(`第 ${repeated + 1} 张照片重复了，请删除后再发送`, repeated);

  const records = await findUploads(db, paths.flatMap((path) => uploadIdOf(path!) ?? []));
  for (const [i, path] of paths.entries()) {
    const id = uploadIdOf(path!);
    const record = id ? records.get(id) : undefined;
    const refusal = claimRefusal(ownCase && record?.caseId === ownCase ? { ...record, usedAt: undefined } : record, path!, sender, now);
    if (refusal) return refused(claimRefusalMessage(refusal, i), i);
  }
  const missing = await missingFiles(fileIds);
  if (missing.length) return refused('照片已失效，请重新上传', fileIds.indexOf(missing[0]));
  return ok(undefined);
}

/** The paths a claim marks, by id (the checks above have already refused any other file). */
const uploadIds = (claim: PhotoClaim): string[] => claim.fileIds.flatMap((fileId) => uploadIdOf(casePhotoPath(fileId) ?? '') ?? []);

/**
 * Right before the message is written: marks every path used by `caseId`, each only while it
 * is still the sender's, unexpired and unused. When another message claimed one meanwhile (or
 * it expired), gives back what this call took and refuses on the first photo that failed, as
 * `checkPhotos` would: then nothing of this claim is left. `release` undoes a claim that
 * succeeded when the message itself then could not be written.
 */
export async function claimPhotos(db: Database, claim: PhotoClaim | undefined, caseId: string, now: Date): Promise<Result<{ release(): Promise<void> }>> {
  const none = { release: async () => undefined };
  if (!claim) return ok(none);
  const ids = uploadIds(claim);
  const release = () => releaseUploads(db, ids, caseId, now);
  if ((await claimUploads(db, ids, claim.sender, caseId, now)) === ids.length) return ok({ release });
  await release();
  const records = await findUploads(db, ids);
  for (const [i, fileId] of claim.fileIds.entries()) {
    const path = casePhotoPath(fileId);
    const id = path ? uploadIdOf(path) : undefined;
    const record = id ? records.get(id) : undefined;
    const refusal = path ? claimRefusal(record?.caseId === caseId ? { ...record, usedAt: undefined } : record, path, claim.sender, now) : 'not_yours';
    if (refusal) return refused(claimRefusalMessage(refusal, i), i);
  }
  // Every photo claimable again by now (a claim given back meanwhile): the sender may simply send again.
  return refused(claimRefusalMessage('used', 0), 0);
}

/** URLs for the photos that still exist; a storage failure shows no photos rather than no case. */
export async function photoViews(fileIds: readonly string[]): Promise<Map<string, PhotoView>> {
  if (fileIds.length === 0) return new Map();
  try {
    return new Map((await photoUrls([...new Set(fileIds)])).map((view) => [view.fileId, view]));
  } catch (error) {
    console.error('[cases] photo URLs unavailable', error);
    return new Map();
  }
}
