/**
 * What the event actions accept (and the event part of reception.publish), checked at the
 * function's edge with the shared combinators. Typed text goes through `freeText`.
 */
import { array } from '../case/combinators';
import { CLOUD_FILE_ID, idInput } from '../case/case.input';
import type { Check } from '../validation';
import { freeText, object, text } from '../validation';
import { EVENT_RULES } from './event.rules';

/** true or false, nothing truthy in between. */
const yesNo =
  (label: string): Check<boolean> =>
  (value, path) =>
    typeof value === 'boolean' ? { ok: true, value } : { ok: false, field: path, reason: `${label}必须是 true 或 false` };

export const eventDetailsSchema = object({
  topic: freeText('主题', { min: 1, max: EVENT_RULES.topicMax }),
  departments: array('邀请单位', freeText('邀请单位', { min: 1, max: EVENT_RULES.departmentMax }), { max: EVENT_RULES.departmentsMax }),
  place: freeText('地点', { min: 1, max: EVENT_RULES.placeMax }),
});

export const eventRefSchema = object({ receptionId: idInput('活动编号') });

export const attendEventSchema = object({ receptionId: idInput('活动编号'), attending: yesNo('是否参加') });

export const askEventSchema = object({ receptionId: idInput('活动编号'), question: freeText('问题', { min: 1, max: EVENT_RULES.questionMax }) });

export const summariseEventSchema = object({
  receptionId: idInput('活动编号'),
  summary: freeText('活动回顾', { min: 1, max: EVENT_RULES.summaryMax }),
  photoFileIds: array('照片', text('照片', { min: 1, max: 512, pattern: CLOUD_FILE_ID, patternHint: '照片须先上传，再提交上传得到的 fileID（cloud://…）' }), {
    max: EVENT_RULES.maxPhotos,
  }),
});
