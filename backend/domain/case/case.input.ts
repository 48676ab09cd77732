/**
 * What a resident may send to open a case (`SubmitCaseInput` of typings/case.ts), checked at
 * the function's edge before anything else happens. Strict: unknown fields and
 * operator-looking objects are refused. Typed text (title, content, address, contact name)
 * goes through `freeText`: cleaned of what renders nothing, then held to its limits.
 */
import type { SubmitCaseInput } from '../../../typings/case';
import type { Assert } from '../exhaustive';
import type { Check } from '../validation';
import { freeText, number, object, oneOf, optional, text } from '../validation';
import { array, boolean } from './combinators';
import { CASE_CATEGORIES } from './case.state';

export const MAX_PHOTOS = 6;

const ID = /^[A-Za-z0-9_-]+$/;
/** What wx.cloud.uploadFile returns; anything else (an http URL) is not our storage. */
const CLOUD_FILE_ID = /^cloud:\/\/[A-Za-z0-9._-]+\/\S+$/;
/** Mainland mobile numbers: 11 digits starting 13–19. No +86, spaces or dashes: the client normalises. */
export const MOBILE_PHONE = /^1[3-9]\d{9}$/;
const REQUEST_ID = /^[A-Za-z0-9_-]+$/;

/** Up to MAX_PHOTOS cloud file ids from the upload step (storage checks they exist before a case keeps them). */
export const photoFileIdsInput = optional(
  array('照片', text('照片', { min: 1, max: 512, pattern: CLOUD_FILE_ID, patternHint: '照片须先上传，再提交上传得到的 fileID（cloud://…）' }), { max: MAX_PHOTOS }),
);

/** A document id as clients send it: letters, digits, '-' and '_'. */
export const idInput = (label: string) => text(label, { min: 1, max: 64, pattern: ID, patternHint: `${label}格式不正确` });

export const caseSubmissionSchema = object({
  category: oneOf('留言类别', CASE_CATEGORIES),
  title: freeText('标题', { min: 4, max: 40 }),
  content: freeText('内容', { min: 10, max: 1000 }),
  photoFileIds: photoFileIdsInput,
  location: optional(
    object({
      latitude: number('纬度', { min: -90, max: 90 }),
      longitude: number('经度', { min: -180, max: 180 }),
      address: optional(freeText('地址', { min: 1, max: 100 })),
    }),
  ),
  contact: optional(
    object({
      name: optional(freeText('联系人', { min: 1, max: 20 })),
      phone: optional(text('手机号', { min: 1, max: 20, pattern: MOBILE_PHONE, patternHint: '请填写 11 位手机号' })),
    }),
  ),
  anonymous: optional(boolean('匿名')),
  stationId: idInput('联络站'),
  deputyId: optional(idInput('代表')),
  requestId: text('请求编号', { min: 8, max: 64, pattern: REQUEST_ID, patternHint: '请求编号格式不正确' }),
});

/** A submission that passed `caseSubmissionSchema`. */
export type CaseSubmission = typeof caseSubmissionSchema extends Check<infer T> ? T : never;

/** Compile-time: what passes the schema is what the API contract promises to send. */
export type SubmissionMatchesContract = [
  Assert<CaseSubmission extends SubmitCaseInput ? true : false>,
  Assert<SubmitCaseInput extends CaseSubmission ? true : false>,
];
