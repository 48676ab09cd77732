import { HttpAnswer, type BinaryResponse, type InspectRoute, type RouteRequest } from '../types';
import { parseMultipart } from '../http/multipart';
import { sniffAudioType, sniffImageType, sniffPdf, contentTypeFor } from './content-type';
import { cosError, cosStored } from './cos-answers';
import { MAX_FILE_BYTES, type StorageContext } from './context';
import { cloudPathProblem, fileIdOf } from './paths';
import { PathConflict } from './store';

/** Room for the multipart envelope around a file of MAX_FILE_BYTES. */
const MULTIPART_OVERHEAD_BYTES = 256 * 1024;
const MB = MAX_FILE_BYTES / 1024 / 1024;

/**
 * Storage over plain HTTP:
 * - `PUT /storage/cos/<cloudPath>` — where getUploadMetadata sends the SDK's bytes (COS's role);
 * - `GET|HEAD /storage/files/<cloudPath>?sign=&t=` — a temp URL, as the CDN serves it;
 * - `POST /storage/upload` — the mini-program's `wx.uploadFile` in local mode (it cannot use
 *   `wx.cloud.uploadFile` against us): photos and voice messages only (images and audio, by
 *   their bytes), caller from `X-WX-OPENID`;
 * - `GET /_emulator/storage/files?prefix=` — what is stored, for tests and tools.
 */
export function storageRoutes(ctx: StorageContext): InspectRoute[] {
  const seconds = () => Math.floor(ctx.now().getTime() / 1000);

  return [
    {
      method: 'PUT',
      path: '/storage/cos/*',
      rawBody: true,
      // Past the limit the handler still sees the body and answers COS's EntityTooLarge; far past it, the server cuts it off.
      maxBodyBytes: 4 * MAX_FILE_BYTES,
      async handle(_query, body, request): Promise<BinaryResponse> {
        const cloudPath = pathFrom(request);
        if (cloudPath === undefined) return cosError(400, 'InvalidURI', 'the object key is not a valid cloud path', request.rest);
        const auth = new URLSearchParams(header(request, 'authorization') ?? '');
        const end = Number((auth.get('q-sign-time') ?? '').split(';')[1]);
        if (!Number.isInteger(end) || !ctx.signer.verify('upload', cloudPath, end, auth.get('q-signature') ?? '')) {
          return cosError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', cloudPath);
        }
        if (end < seconds()) return cosError(403, 'AccessDenied', 'Request has expired', cloudPath);
        const bytes = body as Buffer;
        if (bytes.length > MAX_FILE_BYTES) {
          return cosError(400, 'EntityTooLarge', `Your proposed upload exceeds the maximum allowed object size of ${MB} MB.`, cloudPath);
        }
        const stored = put(ctx, cloudPath, bytes, { declaredType: header(request, 'content-type'), uploaderOpenid: null });
        if (stored instanceof PathConflict) return cosError(409, 'PathConflict', stored.message, cloudPath);
        return cosStored(stored.etag);
      },
    },
    {
      method: 'GET',
      path: '/storage/files/*',
      async handle(query, _body, request): Promise<BinaryResponse> {
        const cloudPath = pathFrom(request);
        if (cloudPath === undefined) return cosError(400, 'InvalidURI', 'the object key is not a valid cloud path', request.rest);
        const t = Number(query.get('t'));
        if (!Number.isInteger(t) || !ctx.signer.verify('download', cloudPath, t, query.get('sign') ?? '')) {
          return cosError(403, 'AccessDenied', 'Access Denied. (bad or missing sign)', cloudPath);
        }
        if (t < seconds()) return cosError(403, 'AccessDenied', 'Request has expired', cloudPath);
        const file = ctx.store.stat(cloudPath);
        if (!file) return cosError(404, 'NoSuchKey', 'The specified key does not exist.', cloudPath);
        return { contentType: file.contentType, binary: ctx.store.read(file), headers: { etag: file.etag, 'last-modified': new Date(file.createdAt).toUTCString() } };
      },
    },
    {
      method: 'POST',
      path: '/storage/upload',
      rawBody: true,
      maxBodyBytes: MAX_FILE_BYTES + MULTIPART_OVERHEAD_BYTES,
      async handle(_query, body, request) {
        const openid = header(request, 'x-wx-openid');
        if (!openid || !/^[A-Za-z0-9_-]{1,64}$/.test(openid)) {
          return refuse(401, 'UNAUTHENTICATED', "uploads need the caller's WeChat identity in X-WX-OPENID");
        }
        const type = header(request, 'content-type') ?? '';
        if (!type.startsWith('multipart/form-data')) return refuse(400, 'INVALID_PARAM', 'send multipart/form-data (wx.uploadFile)');
        let fields: Record<string, string | Buffer>;
        try {
          fields = await parseMultipart(body as Buffer, type);
        } catch (error) {
          return refuse(400, 'INVALID_PARAM', `unreadable multipart body: ${(error as Error).message}`);
        }
        const { file, cloudPath } = fields;
        if (!Buffer.isBuffer(file)) return refuse(400, 'INVALID_PARAM', 'the file part must be named "file" (wx.uploadFile name: \'file\')');
        const problem = cloudPathProblem(cloudPath);
        if (problem) return refuse(400, 'INVALID_PARAM', problem);
        const path = cloudPath as string;
        if (file.length > MAX_FILE_BYTES) return refuse(413, 'PAYLOAD_TOO_LARGE', `file is ${file.length} bytes; at most ${MB} MB`);
        // A PDF only to a .pdf path: a PDF named .jpg is refused as any other non-image is.
        const mediaType = sniffImageType(file) ?? sniffAudioType(file) ?? (path.toLowerCase().endsWith('.pdf') ? sniffPdf(file) : undefined);
        if (!mediaType)
          return refuse(415, 'UNSUPPORTED_MEDIA_TYPE', 'only JPEG, PNG, WebP and GIF images, MP3, AAC, M4A and WAV audio and PDFs (to a .pdf path) may be uploaded');
        // CloudBase's default storage rule: only the creator may overwrite a file.
        const existing = ctx.store.stat(path);
        if (existing && existing.uploaderOpenid !== openid) return refuse(403, 'STORAGE_EXCEED_AUTHORITY', `"${path}" belongs to another uploader`);
        const stored = put(ctx, path, file, { declaredType: mediaType, uploaderOpenid: openid });
        if (stored instanceof PathConflict) return refuse(409, 'PATH_CONFLICT', stored.message);
        return { fileID: fileIdOf(ctx.envId, path) };
      },
    },
    {
      method: 'GET',
      path: '/_emulator/storage/files',
      handle: async (query) => ({ files: ctx.store.list(query.get('prefix') ?? '') }),
    },
  ];
}

function put(ctx: StorageContext, cloudPath: string, bytes: Buffer, meta: { declaredType?: string; uploaderOpenid: string | null }) {
  try {
    return ctx.store.put(cloudPath, bytes, { contentType: contentTypeFor(cloudPath, bytes, meta.declaredType), uploaderOpenid: meta.uploaderOpenid, at: ctx.now() });
  } catch (error) {
    if (error instanceof PathConflict) return error;
    throw error;
  }
}

/** The cloud path after a route's prefix, or undefined when it is not one we store. */
function pathFrom(request: RouteRequest): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(request.rest);
  } catch {
    return undefined;
  }
  return cloudPathProblem(decoded) ? undefined : decoded;
}

function header(request: RouteRequest, name: string): string | undefined {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

const refuse = (status: number, code: string, message: string) => new HttpAnswer(status, { code, message });
