import type { ExpressionOperator, Options } from 'mingo/types/core';
import { requestFailed } from './errors';
import { isPlainObject } from './values';

/**
 * Aggregation expression operators where mingo differs from MongoDB (what CloudBase runs):
 * `$week` (mingo derives it from the ISO week), `$indexOfCP` (missing), `$substrBytes`/`$substr`
 * (mingo refuses a negative length and counts UTF-16 units), `$dateToString`'s `%U`.
 * Semantics follow MongoDB's server (expression.cpp) and its jstests.
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
  const from = args.length > 2 ? indexArgument(start, 'starting') : 0;
  const to = args.length > 3 ? Math.min(indexArgument(end, 'ending'), chars.length) : chars.length;
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
  const bytes = Buffer.from(coerceToString(args[0]), 'utf8');
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

function indexArgument(value: unknown, which: 'starting' | 'ending'): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw requestFailed(`$indexOfCP requires an integral ${which} index, found a value of type: ${bsonType(value)}`);
  }
  if (value < 0) throw requestFailed(`$indexOfCP requires a nonnegative ${which} index, found: ${value}`);
  return value;
}

/** MongoDB's Value::coerceToString for the types the SDK can send. */
function coerceToString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  throw requestFailed(`$substrBytes: can't convert from BSON type ${bsonType(value)} to String`);
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
