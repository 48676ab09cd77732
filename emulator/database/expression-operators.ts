import type { ExpressionOperator, Options } from 'mingo/types/core';
import { requestFailed } from './errors';
import { isPlainObject } from './values';

/**
 * Aggregation expression operators where mingo differs from MongoDB (what CloudBase runs):
 * `$week` (mingo derives it from the ISO week), `$indexOfCP` (missing), `$substrBytes`/`$substr`
 * (mingo refuses a negative length and counts UTF-16 units), `$substrCP`, `$strLenCP` and
 * `$indexOfBytes` (mingo counts UTF-16 units, not code points or UTF-8 bytes), `$dateToString`'s
 * `%U`. Semantics follow MongoDB's server (expression.cpp) and its jstests.
 */
type Compute = (obj: unknown, expr: unknown, operator: string | null, options?: Options) => unknown;

/* eslint-disable @typescript-eslint/no-require-imports */
const { computeValue } = require('mingo/core') as { computeValue: Compute };
const { $dateToString: mingoDateToString } = require('mingo/operators/expression/date') as Record<string, ExpressionOperator>;
/* eslint-enable @typescript-eslint/no-require-imports */

const DAY_MS = 86_400_000;

/** `%U`: weeks start on Sunday; days before the year's first Sunday are in week 0. */
export function sundayWeek(date: Date): number {
  const dayOfYear = Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS);
  return Math.floor((dayOfYear + 7 - date.getUTCDay()) / 7);
}

const $week: ExpressionOperator = (obj, expr, options) => {
  const local = localDate('$week', computeValue(obj, expr, null, options));
  return local === null ? null : sundayWeek(local);
};

const $indexOfCP: ExpressionOperator = (obj, expr, options) => {
  const args = computeValue(obj, expr, null, options);
  if (!Array.isArray(args) || args.length < 2 || args.length > 4) throw requestFailed('Expression $indexOfCP takes at least 2 arguments, and at most 4');
  const [input, token, start, end] = args as unknown[];
  if (input === null || input === undefined) return null;
  if (typeof input !== 'string') throw requestFailed(`$indexOfCP requires a string as the first argument, found: ${bsonType(input)}`);
  if (typeof token !== 'string') throw requestFailed(`$indexOfCP requires a string as the second argument, found: ${bsonType(token)}`);
  const chars = Array.from(input);
  const tokenChars = Array.from(token);
  const from = args.length > 2 ? indexArgument('$indexOfCP', start, 'starting') : 0;
  const to = args.length > 3 ? Math.min(indexArgument('$indexOfCP', end, 'ending'), chars.length) : chars.length;
  // The token must lie wholly inside [start, end): MongoDB's jstests check it against $substrCP.
  if (from > to) return -1;
  for (let i = from; i + tokenChars.length <= to; i++) {
    if (tokenChars.every((c, k) => chars[i + k] === c)) return i;
  }
  return -1;
};

/** `$substrBytes` (and `$substr`, its alias): UTF-8 byte offsets; a negative length means "to the end". */
const $substrBytes: ExpressionOperator = (obj, expr, options) => {
  const args = computeValue(obj, expr, null, options);
  if (!Array.isArray(args) || args.length !== 3) throw requestFailed('Expression $substrBytes takes exactly 3 arguments');
  const bytes = Buffer.from(coerceToString('$substrBytes', args[0]), 'utf8');
  const [, start, count] = args as unknown[];
  if (typeof start !== 'number') throw requestFailed(`$substrBytes:  starting index must be a numeric type (is BSON type ${bsonType(start)})`);
  if (typeof count !== 'number') throw requestFailed(`$substrBytes:  length must be a numeric type (is BSON type ${bsonType(count)})`);
  // MongoDB casts both to an unsigned size: a negative start is past the end, a negative length unbounded.
  const lower = start < 0 ? Infinity : Math.trunc(start);
  const upper = count < 0 ? Infinity : lower + Math.trunc(count);
  if (lower < bytes.length && isContinuation(bytes[lower])) throw requestFailed('$substrBytes:  Invalid range, starting index is a UTF-8 continuation byte.');
  if (upper < bytes.length && isContinuation(bytes[upper])) throw requestFailed('$substrBytes:  Invalid range, ending index is in the middle of a UTF-8 character.');
  if (lower >= bytes.length) return '';
  return bytes.subarray(lower, Math.min(upper, bytes.length)).toString('utf8');
};

/** `$substrCP`: a start and a length in Unicode code points, both non-negative 32-bit integers. */
const $substrCP: ExpressionOperator = (obj, expr, options) => {
  const [input, start, count] = operands('$substrCP', 3, 3, obj, expr, options);
  const chars = Array.from(coerceToString('$substrCP', input));
  const from = int32Argument('$substrCP', start, 'starting index');
  const length = int32Argument('$substrCP', count, 'length');
  if (length < 0) throw requestFailed('$substrCP: length must be a nonnegative integer.');
  if (from < 0) throw requestFailed('$substrCP: the starting index must be nonnegative integer.');
  return chars.slice(from, from + length).join('');
};

/** `$strLenCP`: code points, not UTF-16 units; null and missing are refused, not counted. */
const $strLenCP: ExpressionOperator = (obj, expr, options) => {
  const [input] = operands('$strLenCP', 1, 1, obj, expr, options);
  if (typeof input !== 'string') throw requestFailed(`$strLenCP requires a string argument, found: ${bsonType(input)}`);
  return Array.from(input).length;
};

/** `$indexOfBytes`: the answer, start and end are UTF-8 byte offsets (a start may split a character). */
const $indexOfBytes: ExpressionOperator = (obj, expr, options) => {
  const args = operands('$indexOfBytes', 2, 4, obj, expr, options);
  const [input, token, start, end] = args;
  if (input === null || input === undefined) return null;
  if (typeof input !== 'string') throw requestFailed(`$indexOfBytes requires a string as the first argument, found: ${bsonType(input)}`);
  if (typeof token !== 'string') throw requestFailed(`$indexOfBytes requires a string as the second argument, found: ${bsonType(token)}`);
  const bytes = Buffer.from(input, 'utf8');
  const from = args.length > 2 ? indexArgument('$indexOfBytes', start, 'starting') : 0;
  const to = args.length > 3 ? Math.min(indexArgument('$indexOfBytes', end, 'ending'), bytes.length) : bytes.length;
  if (from > bytes.length || to < from) return -1;
  return bytes.subarray(0, to).indexOf(Buffer.from(token, 'utf8'), from);
};

/**
 * `$dateToString`: `%U` is MongoDB's week and `%%` a literal percent; mingo gets the rest of the
 * format one `%%`-free piece at a time (it prints `%%` as "undefined" and fails on a piece
 * without any specifier).
 */
const $dateToString: ExpressionOperator = (obj, expr, options) => {
  const args = computeValue(obj, expr, null, options);
  if (!isPlainObject(args) || typeof args.format !== 'string') return mingoDateToString(obj, expr, options);
  const local = localDate('$dateToString', { date: args.date, timezone: args.timezone });
  if (local === null) return mingoDateToString(obj, expr, options);
  const week = String(sundayWeek(local)).padStart(2, '0');
  return args.format
    .split('%%')
    .map((piece) => {
      const format = piece.split('%U').join(week);
      if (!/%[bBYGmdjHMSLwuVzZ]/.test(format)) return format;
      const literal = Object.fromEntries(Object.entries({ ...args, format }).map(([key, value]) => [key, { $literal: value }]));
      return mingoDateToString(obj, literal, options);
    })
    .join('%');
};

export const conformanceExpressionOperators: Record<string, ExpressionOperator> = {
  $week,
  $indexOfCP,
  $substrBytes,
  $substr: $substrBytes,
  $substrCP,
  $strLenCP,
  $indexOfBytes,
  $dateToString,
};

/** A date operator's argument (`<date>` or `{ date, timezone }`) as a Date whose UTC fields are local time. */
function localDate(operator: string, value: unknown): Date | null {
  let date = value;
  let timezone: unknown;
  if (isPlainObject(value)) {
    date = value.date;
    timezone = value.timezone;
  }
  if (date === null || date === undefined) return null;
  if (!(date instanceof Date)) throw requestFailed(`${operator}: can't convert from BSON type ${bsonType(date)} to Date`);
  if (timezone === null || timezone === undefined) return date;
  if (typeof timezone !== 'string') throw requestFailed(`${operator}: timezone must evaluate to a string, found ${bsonType(timezone)}`);
  return new Date(date.getTime() + offsetMinutes(timezone, date) * 60_000);
}

/** A MongoDB timezone (`+08`, `+0800`, `+08:00`, or an Olson name) as minutes east of UTC at `at`. */
function offsetMinutes(timezone: string, at: Date): number {
  const fixed = /^([+-])(\d{2}):?(\d{2})?$/.exec(timezone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0));
  let parts: Intl.DateTimeFormatPart[];
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    parts = format.formatToParts(at);
  } catch {
    throw requestFailed(`unrecognized time zone identifier: "${timezone}"`);
  }
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((wall - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The operands of `{ op: [a, b, …] }`, evaluated; anything but an array is one operand (so a field
 * holding an array is a single, wrongly typed operand, as in MongoDB).
 */
function operands(operator: string, min: number, max: number, obj: unknown, expr: unknown, options?: Options): unknown[] {
  const list = Array.isArray(expr) ? expr : [expr];
  if (list.length < min || list.length > max) {
    const takes = min === max ? `exactly ${min}` : `at least ${min}, and at most ${max}`;
    throw requestFailed(`Expression ${operator} takes ${takes} arguments. ${list.length} were passed in.`);
  }
  return list.map((operand) => computeValue(obj, operand, null, options));
}

/** MongoDB's Value::integral(): a whole number that fits a 32-bit int. */
function isIntegral(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31;
}

function int32Argument(operator: string, value: unknown, what: string): number {
  if (typeof value !== 'number') throw requestFailed(`${operator}: ${what} must be a numeric type (is BSON type ${bsonType(value)})`);
  if (!isIntegral(value)) throw requestFailed(`${operator}: ${what} cannot be represented as a 32-bit integral value: ${value}`);
  return value;
}

function indexArgument(operator: string, value: unknown, which: 'starting' | 'ending'): number {
  if (!isIntegral(value)) {
    throw requestFailed(`${operator} requires an integral ${which} index, found a value of type: ${bsonType(value)}`);
  }
  if (value < 0) throw requestFailed(`${operator} requires a nonnegative ${which} index, found: ${value}`);
  return value;
}

/** MongoDB's Value::coerceToString for the types the SDK can send. */
function coerceToString(operator: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  throw requestFailed(`${operator}: can't convert from BSON type ${bsonType(value)} to String`);
}

function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}

function bsonType(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  if (typeof value === 'boolean') return 'bool';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}
