/**
 * Photo and voice uploads for messages: the only code that knows how a file travels. The `case`
 * function first issues the paths (`uploadPaths`, one call for all the files of a pick) and records them
 * as the caller's: a message later accepts only files uploaded to paths issued to its sender.
 * Cloud mode then uses `wx.cloud.uploadFile`; local mode posts to the local back end's
 * `/storage/upload` (the emulator cannot stand behind wx.cloud). Either way the answer is a
 * file id the functions accept, and a failure is a value, never an exception.
 */
import type { AudioExtension, DocumentExtension, PhotoExtension } from '../../typings/uploads';
import { config } from '../config';
import { callApi } from './api-client';
import { transportMode } from './transport-mode';
import type { Outcome } from './outcome';

export const UPLOAD_FAILURE_MESSAGE = '图片上传失败，请重试';
export const VOICE_UPLOAD_FAILURE_MESSAGE = '语音上传失败，请重试';

/** A phone photo is 2–8 MB; on 4G anything above this is worth shrinking first. */
const COMPRESS_ABOVE_BYTES = 300 * 1024;
const COMPRESS_QUALITY = 60;
/** Wide enough to read a sign or a document (base library ≥ 2.26; older ones ignore it). */
const COMPRESSED_WIDTH = 1600;
const UPLOAD_TIMEOUT_MS = 60_000;
const IMAGE_EXTENSIONS: readonly PhotoExtension[] = ['jpg', 'jpeg', 'png', 'webp', 'gif'];
const AUDIO_EXTENSIONS: readonly AudioExtension[] = ['mp3', 'aac', 'm4a', 'wav'];

export interface UploadedPhoto {
  fileId: string;
}

export type UploadedVoice = UploadedPhoto;

/**
 * Which function issues the paths: a message's files (`case`), or a 代表建议's and its answer's
 * (`suggestion`, which also takes PDFs): each accepts only files uploaded to paths it issued.
 */
export type UploadVia = 'case' | 'suggestion' | 'consultation';

/** The functions that take PDFs: a 代表建议's, and a 立法意见征集 draft's attachments. */
export type DocumentVia = Exclude<UploadVia, 'case'>;

export const DOCUMENT_UPLOAD_FAILURE_MESSAGE = 'PDF 上传失败，请重试';

/**
 * Uploads the photos of one pick (from wx.chooseMedia): each shrunk when large, then ONE call
 * for their paths, then each uploaded to its own. One outcome per photo, in order, each
 * settling when its own upload ends, so a thumbnail need not wait for the others.
 */
export function uploadPhotos(localPaths: readonly string[], via: UploadVia = 'case'): Promise<Outcome<UploadedPhoto>>[] {
  // A photo that cannot be shrunk goes as it is (shrink never fails the upload).
  const files = localPaths.map((localPath) => shrink(localPath).catch(() => localPath));
  return uploadEach(files, extensionOf, UPLOAD_FAILURE_MESSAGE, via);
}

/** A PDF picked from a chat (wx.chooseMessageFile), uploaded as it is to a path of `via`'s uploadPaths. */
export function uploadDocument(localPath: string, via: DocumentVia = 'suggestion'): Promise<Outcome<UploadedPhoto>> {
  return uploadEach([Promise.resolve(localPath)], () => 'pdf', DOCUMENT_UPLOAD_FAILURE_MESSAGE, via)[0];
}

/**
 * A recording (wx.getRecorderManager's tempFilePath), uploaded as it is: one call for its path,
 * with the file's audio extension, then the same route as the photos. Each retry asks afresh.
 */
export function uploadVoice(localPath: string): Promise<Outcome<UploadedVoice>> {
  return uploadEach([Promise.resolve(localPath)], audioExtensionOf, VOICE_UPLOAD_FAILURE_MESSAGE)[0];
}

type UploadExtension = PhotoExtension | AudioExtension | DocumentExtension;

/** The paths for these extensions, from the function whose records will take the files. */
function issuePaths(via: UploadVia, extensions: UploadExtension[]) {
  // Each function's contract narrows what it takes: voices only for a message, PDFs only for a suggestion.
  if (via === 'suggestion') return callApi('suggestion', 'uploadPaths', { extensions: extensions as (PhotoExtension | DocumentExtension)[] });
  if (via === 'consultation') return callApi('consultation', 'uploadPaths', { extensions: extensions as (PhotoExtension | DocumentExtension)[] });
  return callApi('case', 'uploadPaths', { extensions: extensions as (PhotoExtension | AudioExtension)[] });
}

/** ONE call for the paths of all `files`, then each uploaded to its own, each outcome settling on its own. */
function uploadEach(
  files: readonly Promise<string>[],
  extension: (filePath: string) => UploadExtension,
  message: string,
  via: UploadVia = 'case',
): Promise<Outcome<UploadedPhoto>>[] {
  const paths = Promise.all(files).then((filePaths) => issuePaths(via, filePaths.map(extension)));
  return files.map((file, i) =>
    (async (): Promise<Outcome<UploadedPhoto>> => {
      const issued = await paths;
      if (!issued.ok) return failure(message, 'no upload path', issued.error, issued.error.code);
      const path = issued.data.paths[i];
      if (!path) return failure(message, 'fewer upload paths than files', issued.data);
      const filePath = await file;
      return transportMode() === 'cloud' ? viaCloud(path.cloudPath, filePath, message) : viaLocalHost(path.cloudPath, filePath, message);
    })().catch((reason: unknown) => failure(message, 'upload threw', reason)),
  );
}

/** One photo, e.g. a retry of a failed upload: a fresh path, since the last one may be spent or expired. */
export function uploadPhoto(localPath: string, via: UploadVia = 'case'): Promise<Outcome<UploadedPhoto>> {
  return uploadPhotos([localPath], via)[0];
}

/** A compressed copy when the photo is large (or its size unknown); the original if compressing fails. */
async function shrink(localPath: string): Promise<string> {
  const size = await fileSize(localPath);
  if (size !== undefined && size <= COMPRESS_ABOVE_BYTES) return localPath;
  return new Promise((resolve) => {
    wx.compressImage({
      src: localPath,
      quality: COMPRESS_QUALITY,
      compressedWidth: COMPRESSED_WIDTH,
      success: ({ tempFilePath }) => resolve(tempFilePath),
      fail: (err) => {
        console.warn('[storage] compressImage failed; uploading the original', err);
        resolve(localPath);
      },
    });
  });
}

function fileSize(filePath: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    wx.getFileSystemManager().getFileInfo({
      filePath,
      success: ({ size }) => resolve(size),
      fail: () => resolve(undefined),
    });
  });
}

function viaCloud(cloudPath: string, filePath: string, message: string): Promise<Outcome<UploadedPhoto>> {
  return wx.cloud.uploadFile({ cloudPath, filePath }).then(
    (res) => (isFileId(res.fileID) ? { ok: true, data: { fileId: res.fileID } } : failure(message, 'cloud answered no fileID', res)),
    (reason: unknown) => failure(message, 'wx.cloud.uploadFile failed', reason),
  );
}

function viaLocalHost(cloudPath: string, filePath: string, message: string): Promise<Outcome<UploadedPhoto>> {
  return new Promise((resolve) => {
    wx.uploadFile({
      url: `${config.localHost}/storage/upload`,
      filePath,
      name: 'file',
      formData: { cloudPath },
      header: { 'X-WX-OPENID': config.localOpenid },
      timeout: UPLOAD_TIMEOUT_MS,
      success: ({ statusCode, data }) => {
        const body = parseJson(data) as { fileID?: unknown; code?: unknown };
        if (statusCode === 200 && isFileId(body?.fileID)) resolve({ ok: true, data: { fileId: body.fileID } });
        else resolve(failure(message, `local upload answered ${statusCode}`, data, typeof body?.code === 'string' ? body.code : undefined));
      },
      fail: (err) => resolve(failure(message, 'wx.uploadFile failed', err)),
    });
  });
}

/** The extension of what is uploaded (compressImage may keep a PNG a PNG); jpg when unknown. */
export function extensionOf(filePath: string): PhotoExtension {
  const extension = /\.([A-Za-z0-9]+)$/.exec(filePath)?.[1]?.toLowerCase();
  return IMAGE_EXTENSIONS.find((known) => known === extension) ?? 'jpg';
}

/** The extension of a recording; mp3 (what the recorder is asked for) when unknown. */
export function audioExtensionOf(filePath: string): AudioExtension {
  const extension = /\.([A-Za-z0-9]+)$/.exec(filePath)?.[1]?.toLowerCase();
  return AUDIO_EXTENSIONS.find((known) => known === extension) ?? 'mp3';
}

function isFileId(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('cloud://');
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function failure(message: string, what: string, detail: unknown, code = 'UPLOAD_FAILED'): Outcome<never> {
  // For the developer console only; the person sees one sentence.
  console.warn(`[storage] ${what}`, detail);
  return { ok: false, error: { code, message } };
}
