/**
 * What the activity actions accept, checked at the function's edge with the shared combinators;
 * typed text goes through `freeText`. The date is a real day (`calendarDate`); its window (not
 * ahead of today, this year or last) needs the clock and is checked by `checkActivityDate`.
 */
import type { ConfirmActivityInput, ListActivitiesInput, RecordActivityInput, ReviseActivityInput } from '../../../typings/activity';
import { array, boolean, calendarDate } from '../case/combinators';
import { CLOUD_FILE_ID, idInput } from '../case/case.input';
import type { Assert } from '../exhaustive';
import type { Check } from '../validation';
import { freeText, number, object, oneOf, optional, optionalFreeText, text } from '../validation';
import { fail, ok, type Result } from '../result';
import { ACTIVITY_KINDS, ACTIVITY_RULES } from './activity.rules';

const REQUEST_ID = /^[A-Za-z0-9_-]+$/;
const STATUSES = ['recorded', 'confirmed', 'disputed', 'withdrawn'] as const;
const date = calendarDate('日期');
const place = freeText('地点', { min: 1, max: ACTIVITY_RULES.placeMax });
const note = optionalFreeText('情况说明', ACTIVITY_RULES.noteMax);
const photoFileIds = optional(
  array('照片', text('照片', { min: 1, max: 512, pattern: CLOUD_FILE_ID, patternHint: '照片须先上传，再提交上传得到的 fileID（cloud://…）' }), {
    max: ACTIVITY_RULES.maxPhotos,
  }),
);

export const recordActivitySchema = object({
  requestId: text('请求编号', { min: 8, max: 64, pattern: REQUEST_ID, patternHint: '请求编号格式不正确' }),
  deputyId: idInput('代表'),
  kind: oneOf('活动类型', ACTIVITY_KINDS),
  date,
  place,
  note,
  photoFileIds,
});

const confirmFields = object({
  activityId: idInput('履职活动编号'),
  confirm: boolean('是否确认'),
  reason: optionalFreeText('异议理由', ACTIVITY_RULES.reasonMax),
});

/** A dispute says why, in at least two characters. */
export const confirmActivitySchema: Check<ConfirmActivityInput> = (value, path) => {
  const parsed = confirmFields(value, path);
  if (!parsed.ok || parsed.value.confirm) return parsed;
  if ([...(parsed.value.reason ?? '')].length < ACTIVITY_RULES.reasonMin)
    return { ok: false, field: 'reason', reason: `请写明异议理由（至少 ${ACTIVITY_RULES.reasonMin} 个字）` };
  return parsed;
};

const reviseFields = object({
  activityId: idInput('履职活动编号'),
  withdraw: optional(boolean('是否撤回')),
  kind: optional(oneOf('活动类型', ACTIVITY_KINDS)),
  date: optional(date),
  place: optional(place),
  note,
  photoFileIds,
});

/** Withdraw, or send again with the corrected kind, date and place. */
export const reviseActivitySchema: Check<ReviseActivityInput> = (value, path) => {
  const parsed = reviseFields(value, path);
  if (!parsed.ok || parsed.value.withdraw) return parsed;
  for (const field of ['kind', 'date', 'place'] as const) {
    if (parsed.value[field] === undefined) return { ok: false, field, reason: '更正后重新发送，请填写活动类型、日期和地点' };
  }
  return parsed;
};

export const listActivitiesSchema = object({
  deputyId: optional(idInput('代表编号')),
  status: optional(oneOf('状态', STATUSES)),
  page: optional(number('页码', { min: 0, max: 500, integer: true })),
});

/** Not ahead of `today`, and within this year or last ('YYYY-MM-DD' compare as text). */
export function checkActivityDate(date: string, today: string): Result<string> {
  if (date > today) return fail('INVALID_INPUT', '活动日期不能晚于今天', 'date');
  const firstDay = `${Number(today.slice(0, 4)) - 1}-01-01`;
  if (date < firstDay) return fail('INVALID_INPUT', '只能登记今年和去年的履职活动', 'date');
  return ok(date);
}

type Parsed<C> = C extends Check<infer T> ? T : never;
export type RecordMatchesContract = Assert<Parsed<typeof recordActivitySchema> extends RecordActivityInput ? true : false>;
export type ReviseMatchesContract = Assert<Parsed<typeof reviseActivitySchema> extends ReviseActivityInput ? true : false>;
export type ListMatchesContract = Assert<Parsed<typeof listActivitiesSchema> extends ListActivitiesInput ? true : false>;
