/**
 * WeChat's rules for subscription-message template values (订阅消息参数值内容限制).
 * Import them through `./subscribe-fields`, which also offers `fitField`.
 * A template field's type is the prefix of its key: `thing1` is a thing, `character_string12`
 * a character_string. Pure TS, no SDK: the back end shapes data with `fitField` before
 * sending and the local emulator refuses what `validateField` refuses (errcode 47003).
 * Where WeChat's documentation is vague we are stricter, so what passes here passes there.
 */

export type SubscribeFieldType =
  'thing' | 'short_thing' | 'number' | 'letter' | 'symbol' | 'character_string' | 'time' | 'date' | 'amount' | 'phone_number' | 'car_number' | 'name' | 'phrase' | 'enum';

export interface FieldRule {
  /** WeChat's limit, as documented, for error messages and reviewers. */
  limit: string;
  accepts(value: string): boolean;
}

const HAN = /\p{Script=Han}/u;
const chars = (value: string): number => [...value].length; // people and WeChat count characters, not UTF-16 units
const within = (max: number, pattern: RegExp) => (value: string) => chars(value) <= max && pattern.test(value);

// 24-hour clock, no seconds: WeChat documents `15:01`, and `11:50:00` has been refused in practice.
const CLOCK = '(?:[01]?\\d|2[0-3]):[0-5]\\d';
const DAY = '(\\d{4})(?:年(\\d{1,2})月(\\d{1,2})日|-(\\d{1,2})-(\\d{1,2})|/(\\d{1,2})/(\\d{1,2}))';
const TIME_POINT = new RegExp(`^(?:${DAY} )?${CLOCK}$`);
const DATE_POINT = new RegExp(`^${DAY}(?: ${CLOCK})?$`);

/** A period is two points joined by `~`, as WeChat allows for time and date. */
function pointsOf(value: string): string[] {
  const points = value.split('~').map((part) => part.trim());
  return points.length <= 2 ? points : [];
}

function isRealDay(match: RegExpExecArray | null): boolean {
  if (!match) return false;
  if (match[1] === undefined) return true; // a bare clock time
  const [year, month, day] = [match[1], match[2] ?? match[4] ?? match[6], match[3] ?? match[5] ?? match[7]].map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pointsMatch = (pattern: RegExp) => (value: string) => {
  const points = pointsOf(value);
  return points.length > 0 && points.every((point) => isRealDay(pattern.exec(point)));
};

function isName(value: string): boolean {
  // Chinese names (mixed with letters counts as Chinese) ≤ 10; pure Latin names ≤ 20.
  if (HAN.test(value)) return within(10, /^[\p{Script=Han}A-Za-z·]+$/u)(value);
  return within(20, /^[A-Za-z][A-Za-z .'-]*$/)(value);
}

function isCarNumber(value: string): boolean {
  // ≤ 8; only the first and the last may be Chinese (粤A8Z888挂), the rest letters or digits.
  return within(8, /^[\p{Script=Han}A-Za-z0-9](?:[A-Za-z0-9]*[\p{Script=Han}A-Za-z0-9])?$/u)(value);
}

export const SUBSCRIBE_FIELD_RULES: Readonly<Record<SubscribeFieldType, FieldRule>> = {
  thing: { limit: '20个以内字符', accepts: within(20, /^[^\r\n]+$/) },
  short_thing: { limit: '5个以内字符', accepts: within(5, /^[^\r\n]+$/) },
  number: { limit: '32位以内数字，可带小数', accepts: within(32, /^\d+(?:\.\d+)?$/) },
  letter: { limit: '32位以内字母', accepts: within(32, /^[A-Za-z]+$/) },
  symbol: { limit: '5位以内符号', accepts: within(5, /^[\p{P}\p{S}]+$/u) },
  character_string: { limit: '32位以内数字、字母或符号', accepts: within(32, /^[\x21-\x7e]+$/) },
  time: { limit: '24小时制时间（可加年月日），时间段用~连接', accepts: pointsMatch(TIME_POINT) },
  date: { limit: '年月日（可加24小时制时间），时间段用~连接', accepts: pointsMatch(DATE_POINT) },
  amount: { limit: '币种符号+10位以内数字，可带小数，结尾可带“元”', accepts: (v) => /^[¥￥$€£]?\d{1,10}(?:\.\d{1,2})?元?$/.test(v) },
  phone_number: { limit: '17位以内数字、符号', accepts: within(17, /^[\d+-]+$/) },
  car_number: { limit: '8位以内，首尾可为汉字，其余字母或数字', accepts: isCarNumber },
  name: { limit: '10个以内汉字或20个以内字母', accepts: isName },
  phrase: { limit: '5个以内纯汉字', accepts: within(5, /^\p{Script=Han}+$/u) },
  // Only the template's own enum values pass in WeChat; without them we can only insist on a value.
  enum: { limit: '只能是模板的枚举值', accepts: (v) => /^\S(?:.*\S)?$/.test(v) },
};

const TYPE_ALIASES: Record<string, SubscribeFieldType> = { enum_string: 'enum' };

/** `thing1` → `thing`; `character_string12` → `character_string`; null for keys WeChat has no type for. */
export function fieldTypeOf(key: string): SubscribeFieldType | null {
  const prefix = /^([a-z_]+?)_?\d*$/.exec(key)?.[1];
  if (!prefix) return null;
  if (prefix in TYPE_ALIASES) return TYPE_ALIASES[prefix];
  return Object.prototype.hasOwnProperty.call(SUBSCRIBE_FIELD_RULES, prefix) ? (prefix as SubscribeFieldType) : null;
}

export interface FieldProblem {
  /** WeChat's errmsg says `is empty` for one and `invalid` for the other. */
  kind: 'empty' | 'invalid';
  reason: string;
}

export function validateField(key: string, value: unknown): FieldProblem | null {
  const type = fieldTypeOf(key);
  if (!type) return { kind: 'invalid', reason: `unknown field type for key "${key}"` };
  if (value === undefined || value === null || value === '') return { kind: 'empty', reason: 'value is empty' };
  // WeChat wants strings: numbers sent as JSON numbers have been refused in practice.
  if (typeof value !== 'string') return { kind: 'invalid', reason: `value must be a string, got ${typeof value}` };
  if (value.trim() === '') return { kind: 'empty', reason: 'value is blank' };
  const rule = SUBSCRIBE_FIELD_RULES[type];
  return rule.accepts(value) ? null : { kind: 'invalid', reason: `${type}: ${rule.limit}` };
}

export type SubscribeData = Record<string, { value: string }>;

/** The first problem in a whole `data` object, in key order, as WeChat reports one at a time. */
export function findDataProblem(data: unknown): { key: string; problem: FieldProblem } | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { key: '', problem: { kind: 'invalid', reason: 'data must be an object of { value }' } };
  }
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    const value = typeof entry === 'object' && entry !== null ? (entry as { value?: unknown }).value : undefined;
    const problem = validateField(key, value);
    if (problem) return { key, problem };
  }
  return null;
}
