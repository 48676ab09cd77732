/**
 * What the schedule, publish, checkIn, presenceCode, follow and followed actions accept, checked at the function's edge
 * with the shared combinators. Strict: unknown fields, numbers as strings and operator-looking
 * objects are refused.
 */
import type { ReceptionKind } from '../../../typings/api';
import type { Check } from '../validation';
import { fieldPath, number, object, oneOf, optional, text } from '../validation';
import { eventDetailsSchema } from '../event/event.input';
import { PRESENCE_CODE_RULES } from './presence-code';
import { RECEPTION_RULES } from './reception.rules';
import { HHMM, YMD } from './reception.time';

const ID = /^[A-Za-z0-9_-]+$/;
const id = (label: string) => text(label, { min: 1, max: 64, pattern: ID, patternHint: `${label}格式不正确` });
const time = (label: string) => text(label, { min: 1, max: 5, pattern: HHMM, patternHint: `${label}应为 时:分，如 09:30` });

/** A list of `min`–`max` items, each checked with its index in the field path. */
export function listOf<T>(label: string, item: Check<T>, limits: { min: number; max: number }): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return { ok: false, field: path, reason: `${label}格式不正确` };
    if (value.length < limits.min) return { ok: false, field: path, reason: `请至少选择 ${limits.min} 项${label}` };
    if (value.length > limits.max) return { ok: false, field: path, reason: `${label}不能超过 ${limits.max} 项` };
    const items: T[] = [];
    for (const [index, element] of value.entries()) {
      const checked = item(element, fieldPath(path, index));
      if (!checked.ok) return checked;
      items.push(checked.value);
    }
    return { ok: true, value: items };
  };
}

/** true or false, nothing truthy in between. */
export function yesNo(label: string): Check<boolean> {
  return (value, path) => (typeof value === 'boolean' ? { ok: true, value } : { ok: false, field: path, reason: `${label}必须是 true 或 false` });
}

export const scheduleSchema = object({ stationId: optional(id('联络站编号')) });

/** 接待日 (with 约访 slots), 述职会, 代表论坛 or 约见 (no slots); absent: a reception day, as before the others existed. */
export const RECEPTION_KINDS = ['reception', 'report_meeting', 'forum', 'meeting'] as const satisfies readonly ReceptionKind[];

export const publishReceptionSchema = object({
  stationId: id('联络站编号'),
  kind: optional(oneOf('活动类型', RECEPTION_KINDS)),
  date: text('接待日期', { min: 1, max: 10, pattern: YMD, patternHint: '接待日期应为 年-月-日，如 2026-01-10' }),
  start: time('开始时间'),
  end: time('结束时间'),
  deputyIds: listOf('接待代表', id('代表编号'), { min: 1, max: 20 }),
  slots: listOf(
    '预约时段',
    object({
      start: time('时段开始时间'),
      end: time('时段结束时间'),
      capacity: number('每个时段可约人数', { ...RECEPTION_RULES.slotCapacity, integer: true }),
    }),
    { min: 0, max: RECEPTION_RULES.maxSlots },
  ),
  event: optional(eventDetailsSchema),
});

const PRESENCE_CODE = new RegExp(`^\\d{${PRESENCE_CODE_RULES.digits}}$`);
const presenceCodeText = text('签到码', {
  min: 1,
  max: PRESENCE_CODE_RULES.digits,
  pattern: PRESENCE_CODE,
  patternHint: `签到码是 ${PRESENCE_CODE_RULES.digits} 位数字，请看联络员手机上显示的签到码`,
});

/** Missing altogether is what a mini-program from before presence codes sends: say what check-in needs now. */
const presenceCode: Check<string> = (value, path) =>
  value === undefined || value === null
    ? { ok: false, field: path, reason: `签到需要联络员手机上的签到码，请扫描它，或输入 ${PRESENCE_CODE_RULES.digits} 位签到码` }
    : presenceCodeText(value, path);

export const checkInSchema = object({
  // The QR code's scene: at most 32 characters of WeChat's scene alphabet, ours letters, digits and '-'.
  code: optional(text('联络站二维码', { min: 1, max: 32, pattern: ID, patternHint: '联络站二维码不正确' })),
  presenceCode,
  latitude: number('纬度', { min: -90, max: 90 }),
  longitude: number('经度', { min: -180, max: 180 }),
});

export const presenceCodeSchema = object({ receptionId: id('接待编号') });

export const followStationSchema = object({ stationId: id('联络站编号'), follow: yesNo('是否关注') });

/** The caller's own follows: nothing to choose, so any field is refused (不认识的字段 …). */
export const followedSchema = object({});
export const followingSchema = object({ stationId: id('联络站编号') });
