/**
 * `case.uploadPaths`: where the caller may upload the photos (and the voice message) of one
 * message. The paths are recorded as theirs (data/uploads.ts) before they are answered, so a
 * message can later accept a file only from the person it was issued to (use-cases/cases/photos.ts).
 */
import type { UploadPathsInput, UploadPathsOutput } from '../../../typings/uploads';
import { fail, ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { isAudioExtension, issueUploads, uploadAllowanceStart, withinUploadAllowance } from '../../domain/uploads';
import { countIssuedSince, insertUploads } from '../../data/uploads';
import type { Database } from '../../platform/cloudbase';

export interface UploadContext {
  readonly db: Database;
  readonly now: Date;
  /** 32 hex digits of a secure random source. */
  readonly randomName: () => string;
}

/** `openid` is the caller's WeChat identity, whatever their role. */
export async function issueUploadPaths(ctx: UploadContext, openid: string, input: UploadPathsInput): Promise<Result<UploadPathsOutput>> {
  const { db, now } = ctx;
  if (!openid) return fail('UNAUTHENTICATED');
  // Counted by query, not in a transaction: a burst of parallel calls may pass a few more, which only expire unused.
  if (!withinUploadAllowance(await countIssuedSince(db, openid, uploadAllowanceStart(now)), input.extensions.length)) {
    const voiceOnly = input.extensions.every((extension) => isAudioExtension(extension));
    return fail('RATE_LIMITED', voiceOnly ? '上传语音太频繁，请稍后再试' : '上传照片太频繁，请稍后再试');
  }
  const uploads = issueUploads(openid, input.extensions, now, ctx.randomName);
  await insertUploads(db, uploads);
  return ok({ paths: uploads.map((upload) => ({ cloudPath: upload.cloudPath, expiresAt: upload.expiresAt.toISOString() })) });
}
