/**
 * Cloud paths and file ids as CloudBase spells them. A file id is
 * `cloud://<envId>.<bucket>/<cloudPath>`, the bucket named from the env id the way CloudBase
 * names it (hex of its first two characters, the env id, an account appid).
 */

/** COS's limit on an object key, in UTF-8 bytes. */
export const MAX_CLOUD_PATH_BYTES = 850;

/** A stand-in Tencent Cloud account appid: the number at the end of every bucket name. */
const LOCAL_ACCOUNT_APPID = '1250000000';

// CloudBase's documented characters for a cloud path: [0-9a-zA-Z], / ! - _ . * and Chinese
// (plus parentheses). All survive encodeURI unambiguously, so a temp URL needs no escaping.
const SEGMENT = /^[0-9A-Za-z!\-_.*()\p{Script=Han}]+$/u;

/** Why a cloud path is refused, or undefined when it is fine. */
export function cloudPathProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return 'cloudPath must be a non-empty string';
  if (Buffer.byteLength(value) > MAX_CLOUD_PATH_BYTES) return `cloudPath is longer than ${MAX_CLOUD_PATH_BYTES} bytes`;
  if (value.includes('\0')) return 'cloudPath must not contain NUL';
  if (value.startsWith('/')) return 'cloudPath must be relative (no leading "/")';
  for (const segment of value.split('/')) {
    if (segment === '') return 'cloudPath must not contain empty segments ("//" or a trailing "/")';
    if (segment === '.' || segment === '..') return 'cloudPath must not contain "." or ".." segments';
    if (!SEGMENT.test(segment)) return `cloudPath segment "${segment}" has characters outside 0-9 a-z A-Z ! - _ . * ( ) and Chinese`;
  }
  return undefined;
}

export function bucketOf(envId: string): string {
  return `${Buffer.from(envId.slice(0, 2)).toString('hex')}-${envId}-${LOCAL_ACCOUNT_APPID}`;
}

export function fileIdOf(envId: string, cloudPath: string): string {
  return `cloud://${envId}.${bucketOf(envId)}/${cloudPath}`;
}

export type ParsedFileId = { ok: true; cloudPath: string } | { ok: false; code: 'INVALID_PARAM' | 'INVALID_ENV'; message: string };

/** The cloud path a file id names in this environment's bucket. */
export function parseFileId(fileId: unknown, envId: string): ParsedFileId {
  const match = typeof fileId === 'string' ? /^cloud:\/\/([^/]+)\/(.+)$/s.exec(fileId) : null;
  if (!match) return { ok: false, code: 'INVALID_PARAM', message: `"${String(fileId)}" is not a file id (cloud://<env>.<bucket>/<path>)` };
  const [, host, cloudPath] = match;
  if (host !== `${envId}.${bucketOf(envId)}`) {
    return { ok: false, code: 'INVALID_ENV', message: `file id is not in this environment's bucket ${envId}.${bucketOf(envId)}` };
  }
  const problem = cloudPathProblem(cloudPath);
  return problem ? { ok: false, code: 'INVALID_PARAM', message: problem } : { ok: true, cloudPath };
}

/** The path part of a URL for a cloud path (each segment percent-encoded). */
export function encodePath(cloudPath: string): string {
  return cloudPath.split('/').map(encodeURIComponent).join('/');
}
