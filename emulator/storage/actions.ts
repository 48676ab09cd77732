import { randomBytes } from 'node:crypto';
import { CloudBaseError, type AdminHandler } from '../types';
import { cloudPathProblem, encodePath, fileIdOf, parseFileId } from './paths';
import type { StorageContext } from './context';

/** CloudBase refuses a batch of more than 50 files (node-sdk's own tests rely on it). */
export const MAX_BATCH = 50;
/** How long a temp URL lives when the caller gives no maxAge: CloudBase's one day. */
export const DEFAULT_URL_MAX_AGE_SECONDS = 86_400;
/** How long an upload authorisation from getUploadMetadata lasts. */
export const UPLOAD_TTL_SECONDS = 600;

/** The `/admin` actions of @cloudbase/node-sdk's storage module, in the shapes it reads. */
export function storageActions(ctx: StorageContext): Record<string, AdminHandler> {
  const seconds = () => Math.floor(ctx.now().getTime() / 1000);

  return {
    // app.uploadFile, step 1: where and how to PUT the bytes (step 2 is the COS route).
    'storage.getUploadMetadata': async (req) => {
      const cloudPath = req.path;
      const problem = cloudPathProblem(cloudPath);
      if (problem) throw new CloudBaseError('INVALID_PARAM', problem);
      if (req.method !== undefined && req.method !== 'put') {
        throw new CloudBaseError('OPERATION_NOT_SUPPORTED', `[emulator] upload method "${String(req.method)}" is not supported; only "put"`);
      }
      const path = cloudPath as string;
      const start = seconds();
      const end = start + UPLOAD_TTL_SECONDS;
      const signature = ctx.signer.sign('upload', path, end);
      return {
        data: {
          url: `${ctx.publicUrl()}/storage/cos/${encodePath(path)}`,
          authorization: `q-sign-algorithm=sha256&q-ak=local&q-sign-time=${start};${end}&q-key-time=${start};${end}&q-signature=${signature}`,
          token: `local-session-${randomBytes(8).toString('hex')}`,
          fileId: fileIdOf(ctx.envId, path),
          cosFileId: randomBytes(16).toString('base64'),
          download_url: `${ctx.publicUrl()}/storage/files/${path}`,
        },
      };
    },

    // app.getTempFileURL (and downloadFile, getFileInfo, which start with it).
    'storage.batchGetDownloadUrl': async (req) => {
      const list = batch(req.file_list, 'file_list') as { fileid?: unknown; max_age?: unknown }[];
      const download_list = list.map((item) => {
        if (typeof item !== 'object' || item === null) throw new CloudBaseError('INVALID_PARAM', 'file_list items must be objects');
        const maxAge = item.max_age ?? DEFAULT_URL_MAX_AGE_SECONDS;
        if (typeof maxAge !== 'number' || !Number.isInteger(maxAge) || maxAge <= 0) {
          throw new CloudBaseError('INVALID_PARAM', `maxAge must be a positive whole number of seconds, got ${JSON.stringify(maxAge)}`);
        }
        const fileID = String(item.fileid);
        const parsed = parseFileId(item.fileid, ctx.envId);
        if (!parsed.ok) return { code: parsed.code, message: parsed.message, fileID, tempFileURL: '' };
        if (!ctx.store.stat(parsed.cloudPath)) return { code: 'STORAGE_FILE_NONEXIST', fileID, tempFileURL: '' };
        const t = seconds() + maxAge;
        // Unescaped path, as CloudBase answers: the SDK encodeURI()s the URL itself before using it.
        const tempFileURL = `${ctx.publicUrl()}/storage/files/${parsed.cloudPath}?sign=${ctx.signer.sign('download', parsed.cloudPath, t)}&t=${t}`;
        return { code: 'SUCCESS', fileID, tempFileURL };
      });
      return { data: { download_list } };
    },

    // app.deleteFile
    'storage.batchDeleteFile': async (req) => {
      const delete_list = batch(req.fileid_list, 'fileid_list').map((fileID) => {
        const parsed = parseFileId(fileID, ctx.envId);
        if (!parsed.ok) return { code: parsed.code, message: parsed.message, fileID };
        return { code: ctx.store.remove(parsed.cloudPath) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST', fileID };
      });
      return { data: { delete_list } };
    },
  };
}

function batch(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value)) throw new CloudBaseError('INVALID_PARAM', `${name} must be an array`);
  if (value.length > MAX_BATCH) throw new CloudBaseError('INVALID_PARAM', `${name} holds ${value.length} files; at most ${MAX_BATCH} per call`);
  return value;
}
