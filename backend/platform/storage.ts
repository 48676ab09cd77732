import type { PhotoView } from '../../typings/case';
import { AUDIO_EXTENSIONS, PHOTO_EXTENSIONS, PHOTO_FOLDER, SUGGESTION_FOLDER } from '../domain/uploads';
import { cloudbase } from './cloudbase';

/**
 * The functions' one storage module: stored file ids become short-lived URLs to show, and
 * ids a sender brings are checked for shape and existence before a message keeps them.
 *
 * Ownership: CloudBase records who uploaded a file (storage security rules see it as
 * `resource.openid`), but no server SDK call reads it back, so a function cannot ask
 * "did this caller upload this file?". The functions therefore draw every photo's path
 * themselves (`case.uploadPaths`) and record whom they gave it to (data/uploads.ts); a message
 * accepts a file only from that person (use-cases/cases/photos.ts). The storage rule "仅创建者可写"
 * keeps anyone else from overwriting a path once its owner uploaded there.
 */
/** Long enough to read a case, zoom its photos and play its voice message; a forwarded link dies within hours. */
export const PHOTO_URL_MAX_AGE_SECONDS = 2 * 60 * 60;
/** CloudBase refuses more than 50 files per getTempFileURL call. */
const BATCH_SIZE = 50;
const EXISTENCE_CHECK_MAX_AGE_SECONDS = 60;

/** A storage answer that is neither a URL nor "no such file": a bug or a misconfiguration, never skipped. */
export class StorageError extends Error {
  constructor(
    readonly code: string,
    readonly fileId: string,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** URLs for the photos (or voice files) that still exist, in the order given. */
export async function photoUrls(fileIds: readonly string[]): Promise<PhotoView[]> {
  const answers = await tempUrls(fileIds, PHOTO_URL_MAX_AGE_SECONDS);
  return answers.flatMap((answer) => (answer.url ? [{ fileId: answer.fileId, url: answer.url }] : []));
}

/** The ids among these that name no stored file (empty when all exist). */
export async function missingFiles(fileIds: readonly string[]): Promise<string[]> {
  const answers = await tempUrls(fileIds, EXISTENCE_CHECK_MAX_AGE_SECONDS);
  return answers.filter((answer) => !answer.url).map((answer) => answer.fileId);
}

export async function fileExists(fileId: string): Promise<boolean> {
  return (await missingFiles([fileId])).length === 0;
}

// `cases/<yyyy>/<mm>/<32 hex>.<ext>`, the shape domain/uploads issues. Nothing personal belongs in
// the path: handlers are shown the ids (a `cases/<openid>/…` path would hand them the openid).
const caseFile = (extensions: readonly string[], folder = PHOTO_FOLDER) =>
  new RegExp(`^cloud://([a-z0-9-]+)\\.[a-z0-9-]+/(${folder}/\\d{4}/\\d{2}/[0-9a-f]{32}\\.(?:${extensions.join('|')}))$`);
const CASE_PHOTO = caseFile(PHOTO_EXTENSIONS);
const CASE_VOICE = caseFile(AUDIO_EXTENSIONS);
const SUGGESTION_FILE = caseFile([...PHOTO_EXTENSIONS, 'pdf'], SUGGESTION_FOLDER);

function casePath(shape: RegExp, fileId: unknown, envId: string): string | undefined {
  if (typeof fileId !== 'string') return undefined;
  const match = shape.exec(fileId);
  return match !== null && envId !== '' && match[1] === envId ? match[2] : undefined;
}

/**
 * The cloud path of an id shaped like a message photo of this environment (`cloud://`, this
 * env, the photo folder, an issued name, an image extension), or undefined: URLs, other
 * environments' files, audio and anything outside that folder (another folder, a traversal) have none.
 */
export function casePhotoPath(fileId: unknown, envId = currentEnvId()): string | undefined {
  return casePath(CASE_PHOTO, fileId, envId);
}

/** The same for a case's voice message: an issued name with an audio extension (never an image). */
export function caseVoicePath(fileId: unknown, envId = currentEnvId()): string | undefined {
  return casePath(CASE_VOICE, fileId, envId);
}

/** The same for a suggestion's attachment or a unit's answer: `suggestions/…`, an image or a PDF. */
export function suggestionFilePath(fileId: unknown, envId = currentEnvId()): string | undefined {
  return casePath(SUGGESTION_FILE, fileId, envId);
}

export function isCasePhotoId(fileId: unknown, envId = currentEnvId()): boolean {
  return casePhotoPath(fileId, envId) !== undefined;
}

export function isCaseVoiceId(fileId: unknown, envId = currentEnvId()): boolean {
  return caseVoicePath(fileId, envId) !== undefined;
}

/** The environment this function runs in, as CloudBase's runtime names it. */
function currentEnvId(): string {
  return process.env.TCB_ENV || process.env.SCF_NAMESPACE || '';
}

interface TempUrl {
  fileId: string;
  /** Undefined when the file does not exist. */
  url?: string;
}

async function tempUrls(fileIds: readonly string[], maxAge: number): Promise<TempUrl[]> {
  const batches: string[][] = [];
  for (let i = 0; i < fileIds.length; i += BATCH_SIZE) batches.push(fileIds.slice(i, i + BATCH_SIZE));
  const answered = await Promise.all(batches.map((batch) => tempUrlBatch(batch, maxAge)));
  return answered.flat();
}

async function tempUrlBatch(fileIds: string[], maxAge: number): Promise<TempUrl[]> {
  const { fileList } = await cloudbase().getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge })) });
  if (!Array.isArray(fileList) || fileList.length !== fileIds.length) {
    throw new StorageError('UNEXPECTED_ANSWER', fileIds[0], `getTempFileURL answered ${fileList?.length} entries for ${fileIds.length} files`);
  }
  // CloudBase answers in the order asked; the id we asked for is the one we report.
  return fileList.map((entry, i) => {
    const fileId = fileIds[i];
    if (entry.code === 'SUCCESS') return { fileId, url: entry.tempFileURL };
    if (entry.code === 'STORAGE_FILE_NONEXIST') return { fileId };
    throw new StorageError(entry.code, fileId, `getTempFileURL refused ${fileId}: ${entry.code}`);
  });
}
