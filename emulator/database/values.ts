/**
 * Document values and MongoDB's ordering of them (the BSON comparison order), shared by
 * the matcher, sort, update operators and index keys so they all agree.
 */
export type Doc = Record<string, unknown>;

/** A path that resolves to nothing; matches `null` in queries, sorts as null. */
export const MISSING: unique symbol = Symbol('missing');
export type Missing = typeof MISSING;

export function isPlainObject(value: unknown): value is Doc {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** BSON canonical type order: null < numbers < string < object < array < bool < date < regex. */
export function typeRank(value: unknown): number {
  if (value === null || value === undefined || value === MISSING) return 2;
  switch (typeof value) {
    case 'number':
      return 3;
    case 'string':
      return 4;
    case 'boolean':
      return 9;
    case 'object':
      if (Array.isArray(value)) return 6;
      if (value instanceof Date) return 10;
      if (value instanceof RegExp) return 12;
      return 5;
    default:
      return 13;
  }
}

/** Strings compare by code point (= MongoDB's UTF-8 byte order, = SQLite's BINARY collation). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) < codePointRank(y) ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

// UTF-16 puts surrogates (astral code points) below U+E000..U+FFFF; lift them above.
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Total order over document values, as MongoDB sorts and compares them. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 2:
      return 0;
    case 3:
      return compareNumbers(a as number, b as number);
    case 4:
      return compareStrings(a as string, b as string);
    case 9:
      return a === b ? 0 : a ? 1 : -1;
    case 10:
      return compareNumbers((a as Date).getTime(), (b as Date).getTime());
    case 12:
      return compareStrings(String(a), String(b));
    case 6:
      return compareArrays(a as unknown[], b as unknown[]);
    case 5:
      return compareObjects(a as Doc, b as Doc);
    default:
      return 0;
  }
}

function compareArrays(a: unknown[], b: unknown[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

// BSON documents compare field by field, in order: value type, then name, then value.
function compareObjects(a: Doc, b: Doc): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const va = a[ka[i]];
    const vb = b[kb[i]];
    const rt = typeRank(va) - typeRank(vb);
    if (rt !== 0) return rt < 0 ? -1 : 1;
    const rk = compareStrings(ka[i], kb[i]);
    if (rk !== 0) return rk;
    const rv = compareValues(va, vb);
    if (rv !== 0) return rv;
  }
  return ka.length === kb.length ? 0 : ka.length < kb.length ? -1 : 1;
}

export function valuesEqual(a: unknown, b: unknown): boolean {
  return compareValues(a, b) === 0;
}

/** Deep copy of a document value (Dates copied, RegExps shared: they are immutable here). */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneValue) as unknown as T;
  if (value instanceof Date) return new Date(value.getTime()) as unknown as T;
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const key of Object.keys(value)) out[key] = cloneValue(value[key]);
    return out as T;
  }
  return value;
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined || value === MISSING) return 'missing';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  if (typeof value === 'object') return 'object';
  return typeof value;
}
