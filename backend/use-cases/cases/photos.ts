/**
 * The cases' one seam to storage (backend/platform/storage.ts) and to the record of issued upload
 * paths (data/uploads.ts): photo ids (and a case's voice message) a resident or handler sends
 * are checked before a message keeps them — this environment's case folder, an image (a voice:
 * audio) extension, issued to the sender, not used yet, not expired, uploaded — and claimed by
 * one conditional update right before the message is written (given back if it is not); stored
 * ids become short-lived URLs. A voice message rides in the same claim as the photos: the same
 * round trips, the same single write.
 */
import type { PhotoView } from '../../../typings/case';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { AUDIO_EXTENSIONS, claimRefusal, claimRefusalMessage, uploadIdOf } from '../../domain/uploads';
import { fieldPath } from '../../domain/validation';
import { claimUploads, findUploads, releaseUploads } from '../../data/uploads';
import type { Database } from '../../platform/cloudbase';
import { casePhotoPath, caseVoicePath, missingFiles, photoUrls } from '../../platform/storage';

/**
 * Said to a client that uploaded elsewhere: where the mini-program uploads (CASE_PHOTO in
 * platform/storage.ts), so a developer knows what to send without reading our code.
 */
export const NOT_A_CASE_PHOTO = '照片须先上传到系统分配的上传路径（cases/年/月/32 位随机名，格式为 jpg、jpeg、png、webp 或 gif），再提交上传得到的 fileID';
export const NOT_A_CASE_VOICE = `语音须先上传到系统分配的上传路径（cases/年/月/32 位随机名，格式为 ${AUDIO_EXTENSIONS.join('、')}），再提交上传得到的 fileID`;

/** The photos one message brings (and a case's voice message), and who sends them (the caller's WeChat openid, whatever their role). */
export interface PhotoClaim {
  readonly sender: string;
  readonly fileIds: readonly string[];
  readonly voiceFileId?: string;
}

/** A claim only when the message carries photos or a voice message. */
export function photoClaim(sender: string, fileIds: readonly string[] | undefined, voiceFileId?: string): PhotoClaim | undefined {
  if (!fileIds?.length && !voiceFileId) return undefined;
  return { sender, fileIds: fileIds ?? [], ...(voiceFileId ? { voiceFileId } : {}) };
}

/** One file of a claim: its cloud path when it has the shape its kind needs, and what a refusal names. */
interface Attachment {
  readonly fileId: string;
  readonly path: string | undefined;
  readonly field: string;
  /** Its place among the photos, or the voice message. */
  readonly which: number | 'voice';
}

function attachmentsOf(claim: PhotoClaim): Attachment[] {
  const photos = claim.fileIds.map((fileId, i): Attachment => ({ fileId, path: casePhotoPath(fileId), field: fieldPath('photoFileIds', i), which: i }));
  const voice = claim.voiceFileId;
  return voice ? [...photos, { fileId: voice, path: caseVoicePath(voice), field: 'voice.fileId', which: 'voice' }] : photos;
}

const refused = (attachment: Attachment, message: string) => fail('INVALID_INPUT', message, attachment.field);
const refusedClaim = (attachment: Attachment, refusal: Parameters<typeof claimRefusalMessage>[0]) => refused(attachment, claimRefusalMessage(refusal, attachment.which));

/**
 * Every check with an answer the sender can act on, before any work is done (and before
 * WeChat's content check is spent). The claim itself is made again, exactly, by `claimPhotos`.
 * `ownCase`: a retried submission's case, whose own earlier claim does not count as a use.
 */
export async function checkPhotos(db: Database, claim: PhotoClaim | undefined, now: Date, ownCase?: string): Promise<Result<void>> {
  if (!claim) return ok(undefined);
  const { sender } = claim;
  const attachments = attachmentsOf(claim);
  const foreign = attachments.find((attachment) => attachment.path === undefined);
  if (foreign) return refused(foreign, foreign.which === 'voice' ? NOT_A_CASE_VOICE : NOT_A_CASE_PHOTO);
  // The same photo twice in one message would be claimed once and kept twice (a voice file never has a photo's extension).
  const repeated = claim.fileIds.findIndex((fileId, i) => claim.fileIds.indexOf(fileId) !== i);
  if (repeated >= 0) return refused(attachments[repeated], `第 ${repeated + 1} 张照片重复了，请删除后再发送`);

  const records = await findUploads(
    db,
    attachments.flatMap(({ path }) => uploadIdOf(path!) ?? []),
  );
  for (const attachment of attachments) {
    const id = uploadIdOf(attachment.path!);
    const record = id ? records.get(id) : undefined;
    const refusal = claimRefusal(ownCase && record?.caseId === ownCase ? { ...record, usedAt: undefined } : record, attachment.path!, sender, now);
    if (refusal) return refusedClaim(attachment, refusal);
  }
  const missing = await missingFiles(attachments.map(({ fileId }) => fileId));
  const gone = attachments.find(({ fileId }) => missing.includes(fileId));
  if (gone) return refused(gone, gone.which === 'voice' ? '语音已失效，请重新录制' : '照片已失效，请重新上传');
  return ok(undefined);
}

/** The paths a claim marks, by id (the checks above have already refused any other file). */
const uploadIds = (attachments: readonly Attachment[]): string[] => attachments.flatMap(({ path }) => uploadIdOf(path ?? '') ?? []);

/**
 * Right before the message is written: marks every path used by `caseId`, each only while it
 * is still the sender's, unexpired and unused. When another message claimed one meanwhile (or
 * it expired), gives back what this call took and refuses on the first file that failed, as
 * `checkPhotos` would: then nothing of this claim is left. `release` undoes a claim that
 * succeeded when the message itself then could not be written.
 */
export async function claimPhotos(db: Database, claim: PhotoClaim | undefined, caseId: string, now: Date): Promise<Result<{ release(): Promise<void> }>> {
  const none = { release: async () => undefined };
  if (!claim) return ok(none);
  const attachments = attachmentsOf(claim);
  const ids = uploadIds(attachments);
  const release = () => releaseUploads(db, ids, caseId, now);
  if ((await claimUploads(db, ids, claim.sender, caseId, now)) === ids.length) return ok({ release });
  await release();
  const records = await findUploads(db, ids);
  for (const attachment of attachments) {
    const { path } = attachment;
    const id = path ? uploadIdOf(path) : undefined;
    const record = id ? records.get(id) : undefined;
    const refusal = path ? claimRefusal(record?.caseId === caseId ? { ...record, usedAt: undefined } : record, path, claim.sender, now) : 'not_yours';
    if (refusal) return refusedClaim(attachment, refusal);
  }
  // Every file claimable again by now (a claim given back meanwhile): the sender may simply send again.
  return refusedClaim(attachments[0], 'used');
}

/** URLs for the photos (and voice files) that still exist; a storage failure shows none rather than no case. */
export async function photoViews(fileIds: readonly string[]): Promise<Map<string, PhotoView>> {
  if (fileIds.length === 0) return new Map();
  try {
    return new Map((await photoUrls([...new Set(fileIds)])).map((view) => [view.fileId, view]));
  } catch (error) {
    console.error('[cases] photo URLs unavailable', error);
    return new Map();
  }
}
