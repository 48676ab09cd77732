/**
 * The cases' one seam to storage (backend/platform/storage.ts): photo ids a resident or
 * handler sends are checked before a case keeps them, and stored ids become short-lived URLs.
 */
import type { PhotoView } from '../../../typings/case';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { isCasePhotoId, missingFiles, photoUrls } from '../../platform/storage';

/** Only photos uploaded to this environment's `cases/` folder, and still there. */
export async function checkPhotos(fileIds: readonly string[] | undefined): Promise<Result<void>> {
  if (!fileIds?.length) return ok(undefined);
  const foreign = fileIds.findIndex((fileId) => !isCasePhotoId(fileId));
  if (foreign >= 0) return fail('INVALID_INPUT', '照片须先上传', `photoFileIds[${foreign}]`);
  const missing = await missingFiles(fileIds);
  if (missing.length) return fail('INVALID_INPUT', '照片已失效，请重新上传', `photoFileIds[${fileIds.indexOf(missing[0])}]`);
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
