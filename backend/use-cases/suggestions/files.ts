/**
 * A suggestion's files (attachments, a unit's signed answer) through the same upload-claim
 * machinery as a message's photos (data/uploads.ts): `suggestion.uploadPaths` issues
 * `suggestions/<yyyy>/<mm>/<32 hex>.<ext>` paths to the caller (photos and PDFs — PDFs only here);
 * a save or an answer accepts a file only from the person it was issued to, unused (or already
 * this suggestion's), unexpired and stored, and claims it for the suggestion by one conditional
 * update right before the step is written (given back if the step is not).
 */
import type { SuggestionUploadPathsInput, UploadPathsOutput } from '../../../typings/uploads';
import { fail, ok, type Result } from '../../domain/result';
import type { SuggestionAttachment } from '../../domain/suggestion';
import { claimRefusal, issueUploads, SUGGESTION_FOLDER, uploadAllowanceStart, uploadIdOf, UPLOAD_RULES, withinUploadAllowance } from '../../domain/uploads';
import { fieldPath } from '../../domain/validation';
import { claimUploads, countIssuedSince, findUploads, insertUploads, releaseUploads } from '../../data/uploads';
import type { Database } from '../../platform/cloudbase';
import { missingFiles, suggestionFilePath } from '../../platform/storage';
import type { SuggestionContext } from './context';

export const NOT_A_SUGGESTION_FILE = '附件须先上传到系统分配的上传路径（suggestions/年/月/32 位随机名，照片或 pdf），再提交上传得到的 fileID';

export async function issueSuggestionUploadPaths(ctx: SuggestionContext, openid: string, input: SuggestionUploadPathsInput): Promise<Result<UploadPathsOutput>> {
  if (!openid) return fail('UNAUTHENTICATED');
  if (!withinUploadAllowance(await countIssuedSince(ctx.db, openid, uploadAllowanceStart(ctx.now)), input.extensions.length))
    return fail('RATE_LIMITED', '上传附件太频繁，请稍后再试');
  const uploads = issueUploads(openid, input.extensions, ctx.now, ctx.randomId, SUGGESTION_FOLDER);
  await insertUploads(ctx.db, uploads);
  return ok({ paths: uploads.map((upload) => ({ cloudPath: upload.cloudPath, expiresAt: upload.expiresAt.toISOString() })) });
}

/** The files one step brings, where the input named them. */
export interface FileClaim {
  readonly sender: string;
  readonly fileIds: readonly string[];
  /** The input field of the list ('attachmentFileIds') or of the one file ('attachmentFileId'). */
  readonly field: string;
  readonly single?: boolean;
  readonly pdfOnly?: boolean;
}

const kindOf = (path: string): SuggestionAttachment['kind'] => (path.endsWith('.pdf') ? 'pdf' : 'photo');

const MESSAGES = {
  not_yours: '不是您本人上传的，请删除后重新添加',
  used: '已经用在别处，请删除后重新添加',
  expired: `上传已超过 ${UPLOAD_RULES.validDays} 天，请删除后重新添加`,
} as const;

/**
 * Every check the sender can act on, before any work is done: the files as attachments (with
 * their kinds), or the first refusal. `own`: the suggestion the files may already belong to.
 */
export async function checkFiles(db: Database, claim: FileClaim, now: Date, own?: string): Promise<Result<SuggestionAttachment[]>> {
  const at = (i: number) => (claim.single ? claim.field : fieldPath(claim.field, i));
  const which = (i: number) => (claim.single ? '答复函' : `第 ${i + 1} 个附件`);
  const paths: string[] = [];
  for (const [i, fileId] of claim.fileIds.entries()) {
    const path = suggestionFilePath(fileId);
    if (!path) return fail('INVALID_INPUT', NOT_A_SUGGESTION_FILE, at(i));
    if (claim.pdfOnly && kindOf(path) !== 'pdf') return fail('INVALID_INPUT', '答复函须为 pdf 文件', at(i));
    if (claim.fileIds.indexOf(fileId) !== i) return fail('INVALID_INPUT', `${which(i)}重复了，请删除后再提交`, at(i));
    paths.push(path);
  }
  const records = await findUploads(
    db,
    paths.flatMap((path) => uploadIdOf(path) ?? []),
  );
  for (const [i, path] of paths.entries()) {
    const record = records.get(uploadIdOf(path) ?? '');
    const refusal = claimRefusal(own && record?.caseId === own ? { ...record, usedAt: undefined } : record, path, claim.sender, now);
    if (refusal) return fail('INVALID_INPUT', `${which(i)}${MESSAGES[refusal]}`, at(i));
  }
  const missing = paths.length ? await missingFiles(claim.fileIds) : [];
  const gone = claim.fileIds.findIndex((fileId) => missing.includes(fileId));
  if (gone >= 0) return fail('INVALID_INPUT', `${which(gone)}已失效，请重新上传`, at(gone));
  return ok(claim.fileIds.map((fileId, i) => ({ fileId, kind: kindOf(paths[i]) })));
}

/** Claims the checked files for the suggestion; `release` gives them back if the step then is not written. */
export async function claimFiles(db: Database, claim: FileClaim, suggestionId: string, now: Date): Promise<Result<{ release(): Promise<void> }>> {
  const ids = claim.fileIds.flatMap((fileId) => uploadIdOf(suggestionFilePath(fileId) ?? '') ?? []);
  const release = () => releaseUploads(db, ids, suggestionId, now);
  if (ids.length === 0) return ok({ release: async () => undefined });
  if ((await claimUploads(db, ids, claim.sender, suggestionId, now)) === ids.length) return ok({ release });
  await release();
  return fail('CONFLICT', '附件刚刚被用在别处，请重新上传后再提交');
}
