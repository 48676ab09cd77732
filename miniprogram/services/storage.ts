/**
 * Photo uploads for messages: the only code that knows how a file travels. Cloud mode uses
 * `wx.cloud.uploadFile`; local mode posts to the local back end's `/storage/upload`
 * (the emulator cannot stand behind wx.cloud). Either way the answer is a file id the
 * functions accept, and a failure is a value, never an exception.
 */
import { config } from '../config';
import { transportMode } from './transport-mode';
import type { Outcome } from './outcome';

export const UPLOAD_FAILURE_MESSAGE = '图片上传失败，请重试';

/** A phone photo is 2–8 MB; on 4G anything above this is worth shrinking first. */
const COMPRESS_ABOVE_BYTES = 300 * 1024;
const COMPRESS_QUALITY = 60;
/** Wide enough to read a sign or a document (base library ≥ 2.26; older ones ignore it). */
const COMPRESSED_WIDTH = 1600;
const UPLOAD_TIMEOUT_MS = 60_000;
const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif'];

export interface UploadedPhoto {
  fileId: string;
}

/** Uploads a photo (from wx.chooseMedia) under `<folder>/<yyyy>/<mm>/<random>.<ext>`. */
export function uploadPhoto(localPath: string, options: { folder: string }): Promise<Outcome<UploadedPhoto>> {
  // The executor also catches a device API that throws synchronously.
  return new Promise<Outcome<UploadedPhoto>>((resolve) => resolve(upload(localPath, options.folder))).then(
    (outcome) => outcome,
    (reason: unknown) => failure('upload threw', reason),
  );
}

async function upload(localPath: string, folder: string): Promise<Outcome<UploadedPhoto>> {
  const filePath = await shrink(localPath);
  const cloudPath = `${folder}/${monthFolder(new Date())}/${await randomName()}.${extensionOf(filePath)}`;
  return transportMode() === 'cloud' ? viaCloud(cloudPath, filePath) : viaLocalHost(cloudPath, filePath);
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

function viaCloud(cloudPath: string, filePath: string): Promise<Outcome<UploadedPhoto>> {
  return wx.cloud.uploadFile({ cloudPath, filePath }).then(
    (res) => (isFileId(res.fileID) ? { ok: true, data: { fileId: res.fileID } } : failure('cloud answered no fileID', res)),
    (reason: unknown) => failure('wx.cloud.uploadFile failed', reason),
  );
}

function viaLocalHost(cloudPath: string, filePath: string): Promise<Outcome<UploadedPhoto>> {
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
        else resolve(failure(`local upload answered ${statusCode}`, data, typeof body?.code === 'string' ? body.code : undefined));
      },
      fail: (err) => resolve(failure('wx.uploadFile failed', err)),
    });
  });
}

/** `yyyy/mm` on the phone's clock: folders an operator can browse by month. */
export function monthFolder(at: Date): string {
  return `${at.getFullYear()}/${String(at.getMonth() + 1).padStart(2, '0')}`;
}

/** The extension of what is uploaded (compressImage may keep a PNG a PNG); jpg when unknown. */
export function extensionOf(filePath: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(filePath)?.[1]?.toLowerCase();
  return extension && IMAGE_EXTENSIONS.includes(extension) ? extension : 'jpg';
}

/**
 * 128 random bits in hex. The name is what keeps a file id unguessable: functions accept
 * an id only from someone who was shown it (backend/platform/storage.ts).
 */
function randomName(): Promise<string> {
  return new Promise((resolve) => {
    const weak = () => resolve(Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join(''));
    if (typeof wx.getRandomValues !== 'function') return weak(); // base library < 2.15
    wx.getRandomValues({
      length: 16,
      success: ({ randomValues }) => resolve(Array.from(new Uint8Array(randomValues), (b) => b.toString(16).padStart(2, '0')).join('')),
      fail: weak,
    });
  });
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

function failure(what: string, detail: unknown, code = 'UPLOAD_FAILED'): Outcome<never> {
  // For the developer console only; the person sees one sentence.
  console.warn(`[storage] ${what}`, detail);
  return { ok: false, error: { code, message: UPLOAD_FAILURE_MESSAGE } };
}
