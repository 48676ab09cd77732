import { shanghaiWallClock } from '../domain/calendar';
import { fieldTypeOf, validateField, type SubscribeData, type SubscribeFieldType } from './subscribe-field-rules';

/**
 * Shapes a value so WeChat accepts it for a template field: long text is cut with '…'
 * inside the limit, instants are written in China time, stray characters are dropped.
 * Text-like fields left empty read "无". Where no shaping can keep the meaning (an amount
 * with no number, an unparsable time, an empty enum) it throws a TypeError: a bug in the
 * caller, not something to send. Whatever it returns passes `validateField`.
 */
export type FittableValue = string | number | Date;

const PLACEHOLDER = '无';
const ELLIPSIS = '…';
const HAN = /\p{Script=Han}/u;

const normalise = (text: string): string => text.replace(/\s+/g, ' ').trim();
const take = (text: string, max: number): string => [...text].slice(0, max).join('');
const keep = (text: string, allowed: RegExp): string => [...text].filter((c) => allowed.test(c)).join('');

function cut(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : characters.slice(0, max - 1).join('') + ELLIPSIS;
}

function unfit(type: SubscribeFieldType, raw: FittableValue): never {
  throw new TypeError(`cannot shape ${JSON.stringify(raw)} into a ${type} field`);
}

function instantOf(raw: FittableValue): Date | null {
  const instant = raw instanceof Date ? raw : new Date(raw);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

function chinaDate(instant: Date): string {
  const t = shanghaiWallClock(instant);
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日`;
}

function chinaTime(instant: Date): string {
  const t = shanghaiWallClock(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${chinaDate(instant)} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

function firstNumber(raw: FittableValue): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? Math.abs(raw) : null;
  const match = /\d+(?:\.\d+)?/.exec(String(raw).replace(/,/g, ''));
  return match ? Number(match[0]) : null;
}

function fitName(text: string): string {
  if (HAN.test(text)) return take(keep(text, /[\p{Script=Han}A-Za-z·]/u), 10);
  return take(keep(text, /[A-Za-z .'-]/).replace(/^[^A-Za-z]+/, ''), 20).trim();
}

function fitCarNumber(text: string): string {
  const characters = [...keep(text.toUpperCase(), /[\p{Script=Han}A-Z0-9]/u)];
  // Only the first and the last character may be Chinese.
  return take(characters.filter((c, i) => !HAN.test(c) || i === 0 || i === characters.length - 1).join(''), 8);
}

type Fitter = (text: string, raw: FittableValue) => string;

const FITTERS: Record<SubscribeFieldType, Fitter> = {
  thing: (text) => cut(text, 20) || PLACEHOLDER,
  short_thing: (text) => cut(text, 5) || PLACEHOLDER,
  phrase: (text) => take(keep(text, HAN), 5) || PLACEHOLDER,
  name: (text) => fitName(text) || PLACEHOLDER,
  letter: (text) => take(keep(text, /[A-Za-z]/), 32) || 'NA',
  symbol: (text) => take(keep(text, /[\p{P}\p{S}]/u), 5) || '-',
  character_string: (text) => take(keep(text, /[\x21-\x7e]/), 32) || '-',
  phone_number: (text, raw) => take(keep(text, /[\d+-]/), 17) || unfit('phone_number', raw),
  car_number: (text, raw) => fitCarNumber(text) || unfit('car_number', raw),
  enum: (text, raw) => text || unfit('enum', raw),
  number: (_text, raw) => {
    const n = firstNumber(raw);
    if (n === null) return unfit('number', raw);
    // Plain digits, never `1e+21`; past 32 digits the fraction goes first, then the tail.
    const plain = (digits: number) => n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: digits });
    return plain(20).length <= 32 ? plain(20) : take(plain(0), 32);
  },
  amount: (_text, raw) => {
    const n = firstNumber(raw);
    if (n === null || n >= 1e10) return unfit('amount', raw);
    return `¥${Number.isInteger(n) ? n : n.toFixed(2)}`;
  },
  time: (text, raw) => {
    if (typeof raw === 'string' && validateField('time', text) === null) return text;
    const instant = instantOf(raw);
    return instant ? chinaTime(instant) : unfit('time', raw);
  },
  date: (text, raw) => {
    if (typeof raw === 'string' && validateField('date', text) === null) return text;
    const instant = instantOf(raw);
    return instant ? chinaDate(instant) : unfit('date', raw);
  },
};

export function fitField(key: string, raw: FittableValue): string {
  const type = fieldTypeOf(key);
  if (!type) throw new TypeError(`"${key}" is not a WeChat template field key`);
  const text = raw instanceof Date ? '' : normalise(String(raw));
  const value = FITTERS[type](text, raw);
  const problem = validateField(key, value);
  if (problem) throw new Error(`fitField(${key}) produced "${value}", which WeChat refuses: ${problem.reason}`);
  return value;
}

/** `{ thing1: '…', time2: new Date() }` → WeChat's `{ thing1: { value }, time2: { value } }`. */
export function fitData(data: Record<string, FittableValue>): SubscribeData {
  return Object.fromEntries(Object.entries(data).map(([key, raw]) => [key, { value: fitField(key, raw) }]));
}
