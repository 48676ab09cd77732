/**
 * The cases' one seam to storage (backend/platform/storage.ts): photo ids a resident or
 * handler sends are checked before a case keeps them, and stored ids become short-lived URLs.
 */
import type { PhotoView } from '../../../typings/case';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { fieldPath } from '../../domain/validation';
import { isCasePhotoId, missingFiles, photoUrls } from '../../platform/storage';

/**
 * Said to a client that uploaded elsewhere: the path the mini-program uploads to (CASE_PHOTO in
 * platform/storage.ts), so a developer knows what to send without reading our code.
 */
export const NOT_A_CASE_PHOTO = '照片须先上传到 cases/年/月/ 下，文件名为 16–64 位随机字母或数字（可含 _ 和 -），格式为 jpg、jpeg、png、webp 或 gif，再提交上传得到的 fileID';

/** Only photos uploaded to this environment's `cases/<yyyy>/<mm>/` folder under a random name, and still there. */
export async function checkPhotos(fileIds: readonly string[] | undefined): Promise<Result<void>> {
  if (!fileIds?.length) return ok(undefined);
  const foreign = fileIds.findIndex((fileId) => !isCasePhotoId(fileId));
  if (foreign >= 0) return fail('INVALID_INPUT', NOT_A_CASE_PHOTO, fieldPath('photoFileIds', foreign));
  const missing = await missingFiles(fileIds);
  if (missing.length) return fail('INVALID_INPUT', '照片已失效，请重新上传', fieldPath('photoFileIds', fileIds.indexOf(missing[0])));
  return ok(undefined);
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
