/**
 * What a resident may send to open a case (`SubmitCaseInput` of typings/case.ts), checked at
 * the function's edge before anything else happens. Strict: unknown fields and
 * operator-looking objects are refused. Typed text (title, content, address, contact name)
 * goes through `freeText`: cleaned of what renders nothing, then held to its limits.
 *
 * Title and category may be left out (case.title.ts makes the title; the category is then
 * 不确定). The text may be left out when a voice message carries it: one of the two is needed,
 * and text without a voice message must say enough (10 characters) to act on.
 */
import type { SubmitCaseInput } from '../../../typings/case';
import type { Assert } from '../exhaustive';
import type { Check } from '../validation';
import { visibleLength } from '../text';
import { fieldPath, freeText, number, object, oneOf, optional, text } from '../validation';
import { array, boolean } from './combinators';
import { CASE_CATEGORIES } from './case.state';
import { TITLE_LIMITS } from './case.title';
import { CONTACT_NAME_MAX, MOBILE_PHONE, PHONE_MAX_CHARS } from '../contact';

export const MAX_PHOTOS = 6;

/** A voice message is at most a minute long (wx.getRecorderManager's duration is set to 60 s). */
export const VOICE_LIMITS = { minSec: 1, maxSec: 60 } as const;

/** What the text of a case must hold when no voice message carries it. */
export const CONTENT_LIMITS = { min: 10, max: 1000 } as const;

/** The longest description of where the problem is, in characters (freeText counts what shows). */
export const ADDRESS_MAX = 100;

/** Said (on `content`) when a submission has neither text nor a voice message. */
export const NOTHING_TO_SAY = '请写下或录下您遇到的问题';

const ID = /^[A-Za-z0-9_-]+$/;
/** What wx.cloud.uploadFile returns; anything else (an http URL) is not our storage. */
export const CLOUD_FILE_ID = /^cloud:\/\/[A-Za-z0-9._-]+\/\S+$/;
const REQUEST_ID = /^[A-Za-z0-9_-]+$/;

/** Up to MAX_PHOTOS cloud file ids from the upload step (storage checks they exist before a case keeps them). */
export const photoFileIdsInput = optional(
  array('照片', text('照片', { min: 1, max: 512, pattern: CLOUD_FILE_ID, patternHint: '照片须先上传，再提交上传得到的 fileID（cloud://…）' }), { max: MAX_PHOTOS }),
);

/** A document id as clients send it: letters, digits, '-' and '_'. */
export const idInput = (label: string) => text(label, { min: 1, max: 64, pattern: ID, patternHint: `${label}格式不正确` });

/** Optional typed text: absent, null, blank or only invisible characters mean "none"; otherwise `freeText` with its limits. */
function optionalTyped(label: string, limits: { min?: number; max: number }): Check<string | undefined> {
  const check = freeText(label, limits);
  return (value, path) => {
    if (value === undefined || value === null || (typeof value === 'string' && visibleLength(value) === 0)) return { ok: true, value: undefined };
    return check(value, path);
  };
}

/** Whole seconds as the recorder reported them; past the limit says so in a resident's words. */
const voiceSeconds: Check<number> = (value, path) => {
  const checked = number('语音时长', { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true })(value, path);
  if (!checked.ok) return checked;
  if (checked.value < VOICE_LIMITS.minSec) return { ok: false, field: path, reason: '语音太短，请重新录一遍' };
  if (checked.value > VOICE_LIMITS.maxSec) return { ok: false, field: path, reason: `语音最长 ${VOICE_LIMITS.maxSec} 秒，请重新录制` };
  return checked;
};

/** A voice message from the upload step; storage and the issued path are checked by the use case (photos.ts). */
export const voiceInput = optional(
  object({
    fileId: text('语音', { min: 1, max: 512, pattern: CLOUD_FILE_ID, patternHint: '语音须先上传，再提交上传得到的 fileID（cloud://…）' }),
    durationSec: voiceSeconds,
  }),
);

const submissionFields = object({
  category: optional(oneOf('留言类别', CASE_CATEGORIES)),
  title: optionalTyped('标题', TITLE_LIMITS),
  content: optionalTyped('内容', { max: CONTENT_LIMITS.max }),
  voice: voiceInput,
  photoFileIds: photoFileIdsInput,
  location: optional(
    object({
      latitude: number('纬度', { min: -90, max: 90 }),
      longitude: number('经度', { min: -180, max: 180 }),
      address: optional(freeText('地址', { min: 1, max: ADDRESS_MAX })),
    }),
  ),
  contact: optional(
    object({
      name: optional(freeText('联系人', { min: 1, max: CONTACT_NAME_MAX })),
      phone: optional(text('手机号', { min: 1, max: PHONE_MAX_CHARS, pattern: MOBILE_PHONE, patternHint: '请填写 11 位手机号' })),
    }),
  ),
  anonymous: optional(boolean('匿名')),
  public: optional(boolean('允许公开')),
  stationId: idInput('联络站'),
  deputyId: optional(idInput('代表')),
  requestId: text('请求编号', { min: 8, max: 64, pattern: REQUEST_ID, patternHint: '请求编号格式不正确' }),
});

type Fields = typeof submissionFields extends Check<infer T> ? T : never;

/** The fields, then what they must say together: text or a voice message, and enough text when it stands alone. */
export const caseSubmissionSchema: Check<Fields> = (value, path) => {
  const parsed = submissionFields(value, path);
  if (!parsed.ok || parsed.value.voice) return parsed;
  const shown = visibleLength(parsed.value.content ?? '');
  if (shown === 0) return { ok: false, field: fieldPath(path, 'content'), reason: NOTHING_TO_SAY };
  if (shown < CONTENT_LIMITS.min) return { ok: false, field: fieldPath(path, 'content'), reason: `内容至少 ${CONTENT_LIMITS.min} 个字` };
  return parsed;
};

/** A submission that passed `caseSubmissionSchema`. */
export type CaseSubmission = Fields;

/** Compile-time: what passes the schema is what the API contract promises to send. */
export type SubmissionMatchesContract = [Assert<CaseSubmission extends SubmitCaseInput ? true : false>, Assert<SubmitCaseInput extends CaseSubmission ? true : false>];
