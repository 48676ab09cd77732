/**
 * What the visit actions accept, checked at the function's edge with the shared combinators.
 * Issue, voice or photos: at least one, said in the recorder's words.
 */
import { array } from '../case/combinators';
import { CLOUD_FILE_ID, idInput, voiceInput } from '../case/case.input';
import { CASE_CATEGORIES, type CaseCategory } from '../case/case.state';
import type { Check } from '../validation';
import { fieldPath, object, oneOf, optional, optionalFreeText, text } from '../validation';
import { VISIT_RULES } from './visit.rules';

const REQUEST_ID = /^[A-Za-z0-9_-]+$/;
const MOBILE_PHONE = /^1\d{10}$/;

const visitFields = object({
  requestId: text('请求编号', { min: 8, max: 64, pattern: REQUEST_ID, patternHint: '请求编号格式不正确' }),
  receptionId: idInput('接待日'),
  bookingId: optional(idInput('预约')),
  deputyId: optional(idInput('代表')),
  issue: optionalFreeText('反映的问题', VISIT_RULES.issueMax),
  photoFileIds: optional(
    array('照片', text('照片', { min: 1, max: 512, pattern: CLOUD_FILE_ID, patternHint: '照片须先上传，再提交上传得到的 fileID（cloud://…）' }), {
      max: VISIT_RULES.maxPhotos,
    }),
  ),
  voice: voiceInput,
  name: optionalFreeText('姓名', 20),
  phone: optional(text('手机号', { min: 11, max: 11, pattern: MOBILE_PHONE, patternHint: '请填写 11 位手机号' })),
  answer: optionalFreeText('当场答复', VISIT_RULES.answerMax),
  category: optional(
    oneOf(
      '留言类别',
      CASE_CATEGORIES.filter((c): c is Exclude<CaseCategory, 'unsure'> => c !== 'unsure'),
    ),
  ),
});

export type VisitRecord = typeof visitFields extends Check<infer T> ? T : never;

/** The fields, then: something the resident raised. A booking brings its topic, so a booked visit may leave the issue out. */
export const recordVisitSchema: Check<VisitRecord> = (value, path) => {
  const parsed = visitFields(value, path);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (!v.issue && !v.voice && !(v.photoFileIds?.length ?? 0) && !v.bookingId) {
    return { ok: false, field: fieldPath(path, 'issue'), reason: '请记下群众反映的问题（文字、语音或照片至少一项）' };
  }
  return parsed;
};

export const visitsSchema = object({ receptionId: idInput('接待日') });
export const visitRefSchema = object({ visitId: idInput('登记') });
export const visitToCaseSchema = object({
  visitId: idInput('登记'),
  requestId: text('请求编号', { min: 8, max: 64, pattern: REQUEST_ID, patternHint: '请求编号格式不正确' }),
});
