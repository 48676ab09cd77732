import { invalidParam, notSupported, requestFailed } from './errors';
import { Doc, isPlainObject } from './values';

/**
 * EJSON in and out. The SDK sends canonical EJSON (`stringifyByEJSON`, relaxed: false) and
 * reads answers with bson's `EJSON.parse`. Documents are stored in exactly the text we answer
 * with (Dates as `{"$date":{"$numberLong":"ms"}}`), so an unprojected read is passed through.
 */

const UNSUPPORTED_BSON = new Set(['$oid', '$numberDecimal', '$binary', '$timestamp', '$minKey', '$maxKey', '$symbol', '$code', '$dbPointer', '$undefined', '$uuid']);

/** Parses an EJSON string from a request; `now` resolves `db.serverDate()` markers. */
export function decodeEJSON(text: unknown, now: number, what = 'parameter'): unknown {
  if (typeof text !== 'string') {
    if (text === undefined || text === null) return undefined;
    // Raw callers may send objects; treat them as already-parsed EJSON.
    return reviveValue(structuredClone(text), now);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidParam(`${what} is not valid EJSON`);
  }
  return reviveValue(parsed, now);
}

/** Parses a stored document (never contains serverDate markers). */
export function decodeStored(text: string): Doc {
  const parsed = JSON.parse(text) as Doc;
  // Fast path: without a `$` nothing needs reviving.
  return text.includes('"$') ? (reviveValue(parsed, 0) as Doc) : parsed;
}

function reviveValue(value: unknown, now: number): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveValue(value[i], now);
    return value;
  }
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length >= 1 && keys[0].startsWith('$')) {
    const wrapped = reviveWrapper(keys, value, now);
    if (wrapped !== NOT_A_WRAPPER) return wrapped;
  }
  for (const key of keys) value[key] = reviveValue(value[key], now);
  return value;
}

const NOT_A_WRAPPER = Symbol('not-a-wrapper');

function reviveWrapper(keys: string[], value: Doc, now: number): unknown {
  const key = keys[0];
  const inner = value[key];
  if (keys.length === 1) {
    switch (key) {
      case '$date':
        return reviveDate(inner);
      case '$numberInt':
      case '$numberLong':
      case '$numberDouble':
        if (typeof inner !== 'string') return NOT_A_WRAPPER;
        return Number(inner);
      case '$regularExpression':
        if (!isPlainObject(inner)) return NOT_A_WRAPPER;
        return toRegExp(String(inner.pattern ?? ''), String(inner.options ?? ''));
      case '$tcb_server_date': {
        const offset = isPlainObject(inner) ? Number(reviveValue(inner.offset, now) ?? 0) : 0;
        return new Date(now + (Number.isFinite(offset) ? offset : 0));
      }
      default:
        if (UNSUPPORTED_BSON.has(key)) throw notSupported(`BSON type ${key}`);
    }
  }
  return NOT_A_WRAPPER;
}

function reviveDate(inner: unknown): Date {
  let ms: number;
  if (typeof inner === 'number') ms = inner;
  else if (typeof inner === 'string') ms = Date.parse(inner);
  else if (isPlainObject(inner) && typeof inner.$numberLong === 'string') ms = Number(inner.$numberLong);
  else throw invalidParam('invalid $date value');
  if (!Number.isFinite(ms)) throw invalidParam('invalid $date value');
  return new Date(ms);
}

/** MongoDB regex options are i, m, s, x; JS has no `x`, and Mongo rejects g/y/u/d. */
export function toRegExp(pattern: string, options: string): RegExp {
  for (const flag of options) {
    if (flag === 'x') throw notSupported('regex option "x" (extended)');
    if (!'ims'.includes(flag)) throw requestFailed(`invalid flag in regex options: ${flag}`);
  }
  try {
    return new RegExp(pattern, options);
  } catch (error) {
    throw requestFailed(`invalid regular expression: ${(error as Error).message}`);
  }
}

/**
 * Serialises a value as relaxed-compatible EJSON (the stored and answered form). Hand-rolled:
 * about twice as fast as JSON.stringify with a replacer, and writes are dominated by it.
 */
export function encodeEJSON(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : `{"$numberDouble":"${value}"}`;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const item = value[i];
          out += item === undefined || typeof item === 'function' ? 'null' : encodeEJSON(item);
        }
        return `${out}]`;
      }
      if (value instanceof Date) {
        const ms = value.getTime();
        if (!Number.isFinite(ms)) throw requestFailed('invalid Date value');
        return `{"$date":{"$numberLong":"${ms}"}}`;
      }
      if (value instanceof RegExp) return JSON.stringify({ $regularExpression: { pattern: value.source, options: value.flags } });
      let out = '{';
      let first = true;
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined || typeof item === 'function') continue;
        out += `${first ? '' : ','}${JSON.stringify(key)}:${encodeEJSON(item)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      return 'null';
  }
}
