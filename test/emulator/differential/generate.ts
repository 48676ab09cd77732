import { Random } from './random';

/**
 * Random documents, filters, updates, projections and sorts from the part of MongoDB's query
 * language the emulator accepts, drawn from small pools so that equalities, ranges and array
 * rules meet often. Shapes are what the SDK sends once its commands are translated
 * (`_.gt(1)` → `{$gt: 1}`, `_.push({each})` → `{$push: {$each}}`, `field()` → `{a: 1}`, …).
 */
export type Doc = Record<string, unknown>;

const DAY = 86_400_000;
const SCALARS: readonly unknown[] = [0, 1, 2, 3, -1, 2.5, 10, 'a', 'b', 'ab', 'B', '', 'a1', true, false, null, new Date(0), new Date(DAY), new Date(-DAY)];
/** Rarer values, each with rules of its own (NaN, big numbers, astral characters). */
const EXOTIC: readonly unknown[] = [NaN, 2 ** 31, -0, 'é', '😀', 'a\u0000b', Number.MAX_SAFE_INTEGER];
const FIELDS = ['a', 'b', 'c'];
const SUBFIELDS = ['x', 'y'];
/** Paths a query or sort may name: top level, nested, through arrays by position. */
const QUERY_PATHS = ['a', 'b', 'c', 'a.x', 'a.y', 'b.x', 'c.y', 'a.0', 'a.1', 'a.0.x', 'a.x.y', 'd'];
const UPDATE_PATHS = ['a', 'b', 'c', 'd', 'a.x', 'a.y', 'b.x', 'a.0', 'a.1', 'a.1.x', 'a.x.y'];
const PROJECTION_PATHS = ['a', 'b', 'c', 'a.x', 'a.y', 'b.x', 'b.y', 'c.x'];
const REGEX_SOURCES = ['^a', 'b', 'A', '^$', '1$', '.', '^ab$'];

export function scalar(r: Random): unknown {
  const value = r.chance(0.03) ? r.pick(EXOTIC) : r.pick(SCALARS);
  return value instanceof Date ? new Date(value.getTime()) : value;
}

function subdocument(r: Random, depth: number): Doc {
  const doc: Doc = {};
  for (const field of SUBFIELDS) if (r.chance(0.7)) doc[field] = value(r, depth + 1);
  return doc;
}

/** A stored value: scalars mostly, then arrays, documents, arrays of documents, nested arrays. */
export function value(r: Random, depth = 0): unknown {
  if (depth >= 2) return scalar(r);
  return r.weighted<unknown>([
    [55, () => scalar(r)],
    [14, () => Array.from({ length: r.int(0, 3) }, () => scalar(r))],
    [13, () => subdocument(r, depth)],
    [13, () => Array.from({ length: r.int(0, 3) }, () => subdocument(r, depth))],
    [3, () => [scalar(r), [scalar(r), scalar(r)]]],
    [2, () => new RegExp(r.pick(REGEX_SOURCES), r.pick(['', 'i']))],
  ]);
}

export function document(r: Random, id: number): Doc {
  const doc: Doc = { _id: id };
  for (const field of FIELDS) if (r.chance(0.8)) doc[field] = value(r);
  return doc;
}

export function collection(r: Random, size: number): Doc[] {
  return Array.from({ length: size }, (_, i) => document(r, i + 1));
}

// ---- filters ---------------------------------------------------------------------------

function regex(r: Random): RegExp {
  return new RegExp(r.pick(REGEX_SOURCES), r.chance(0.3) ? 'i' : '');
}

/** A value a query compares with: mostly scalars, sometimes a whole array or document. */
function operand(r: Random): unknown {
  return r.weighted<unknown>([
    [80, () => scalar(r)],
    [10, () => Array.from({ length: r.int(0, 2) }, () => scalar(r))],
    [10, () => subdocument(r, 1)],
  ]);
}

/** One field operator and its argument, as `{ $op: arg }`. */
function operator(r: Random, depth: number): Doc {
  return r.weighted<Doc>([
    [10, () => ({ $eq: operand(r) })],
    [6, () => ({ $ne: operand(r) })],
    [14, () => ({ [r.pick(['$gt', '$gte', '$lt', '$lte'])]: scalar(r) })],
    [5, () => ({ [r.pick(['$gt', '$gte'])]: scalar(r), [r.pick(['$lt', '$lte'])]: scalar(r) })],
    [8, () => ({ $in: Array.from({ length: r.int(0, 3) }, () => (r.chance(0.15) ? regex(r) : operand(r))) })],
    [5, () => ({ $nin: Array.from({ length: r.int(0, 3) }, () => operand(r)) })],
    [6, () => ({ $exists: r.chance(0.5) })],
    [5, () => ({ $type: r.pick(['number', 'double', 'int', 'string', 'object', 'array', 'bool', 'date', 'null', 'regex', 2, 4]) })],
    [4, () => ({ $size: r.int(0, 3) })],
    [5, () => ({ $all: Array.from({ length: r.int(0, 2) }, () => scalar(r)) })],
    [6, () => ({ $elemMatch: depth < 2 ? elemMatch(r, depth) : { $gte: scalar(r) } })],
    [5, () => ({ $not: r.chance(0.3) ? regex(r) : operator(r, depth + 1) })],
    [6, () => (r.chance(0.5) ? { $regex: regex(r) } : { $regex: r.pick(REGEX_SOURCES), $options: r.pick(['', 'i', 'm', 's']) })],
    [3, () => ({ $mod: [r.pick([2, 3, -2]), r.pick([0, 1, -1])] })],
  ]);
}

function elemMatch(r: Random, depth: number): Doc {
  if (r.chance(0.4)) return { ...operator(r, depth + 1), ...(r.chance(0.3) ? operator(r, depth + 1) : {}) };
  return filter(r, depth + 1, SUBFIELDS);
}

/** A field's condition: a literal (equality), a regex, or operators. */
function condition(r: Random, depth: number): unknown {
  return r.weighted<unknown>([
    [30, () => operand(r)],
    [5, () => regex(r)],
    [65, () => operator(r, depth)],
  ]);
}

/** A filter: 1–2 field conditions, sometimes with $and/$or/$nor around sub-filters. */
export function filter(r: Random, depth = 0, paths: readonly string[] = QUERY_PATHS): Doc {
  const out: Doc = {};
  for (const path of r.some(paths, r.int(1, 2))) out[path] = condition(r, depth);
  if (depth < 2 && r.chance(0.25)) {
    const logical = r.pick(['$and', '$or', '$nor']);
    out[logical] = Array.from({ length: r.int(1, 3) }, () => filter(r, depth + 1, paths));
  }
  return out;
}

// ---- updates ---------------------------------------------------------------------------

function pushArgument(r: Random): unknown {
  if (r.chance(0.5)) return value(r, 1);
  const arg: Doc = { $each: Array.from({ length: r.int(0, 3) }, () => (r.chance(0.7) ? scalar(r) : subdocument(r, 1))) };
  if (r.chance(0.3)) arg.$position = r.int(-2, 3);
  if (r.chance(0.3)) arg.$slice = r.int(-3, 3);
  if (r.chance(0.3)) arg.$sort = r.chance(0.5) ? r.pick([1, -1]) : { [r.pick(SUBFIELDS)]: r.pick([1, -1]) };
  return arg;
}

function pullArgument(r: Random): unknown {
  return r.weighted<unknown>([
    [40, () => scalar(r)],
    [20, () => ({ [r.pick(['$gt', '$gte', '$lt', '$lte'])]: scalar(r) })],
    [15, () => ({ $in: [scalar(r), scalar(r)] })],
    [25, () => ({ [r.pick(SUBFIELDS)]: scalar(r) })],
  ]);
}

/** One `{ $op: { path: arg } }` entry. */
function updateOperator(r: Random): [string, unknown] {
  return r.weighted<[string, unknown]>([
    [20, () => ['$set', value(r, 1)]],
    [8, () => ['$unset', '']],
    [8, () => ['$inc', r.chance(0.9) ? r.pick([1, -2, 0.5]) : 'x']],
    [5, () => ['$mul', r.pick([2, -1, 0])]],
    [5, () => ['$min', scalar(r)]],
    [5, () => ['$max', scalar(r)]],
    [12, () => ['$push', pushArgument(r)]],
    [7, () => ['$addToSet', r.chance(0.5) ? scalar(r) : { $each: [scalar(r), scalar(r)] }]],
    [8, () => ['$pull', pullArgument(r)]],
    [4, () => ['$pullAll', [scalar(r), scalar(r)]]],
    [6, () => ['$pop', r.pick([1, -1])]],
    [6, () => ['$rename', r.pick(['e', 'f.g', 'b', 'a.z'])]],
    [3, () => ['$bit', { [r.pick(['and', 'or', 'xor'])]: r.int(0, 7) }]],
  ]);
}

/** Paths an update can write in this document without first going through a scalar. */
function writablePaths(doc: Doc): string[] {
  const out: string[] = [];
  const visit = (value: unknown, prefix: string, depth: number) => {
    if (depth > 2) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        out.push(`${prefix}.${i}`);
        visit(item, `${prefix}.${i}`, depth + 1);
      });
      out.push(`${prefix}.${value.length}`);
      return;
    }
    if (typeof value !== 'object' || value === null || value instanceof Date || value instanceof RegExp) return;
    for (const [key, item] of Object.entries(value)) {
      if (key === '_id') continue;
      out.push(prefix ? `${prefix}.${key}` : key);
      visit(item, prefix ? `${prefix}.${key}` : key, depth + 1);
    }
    for (const field of SUBFIELDS) if (prefix && !(field in value)) out.push(`${prefix}.${field}`);
  };
  visit(doc, '', 0);
  return out.length ? out : ['d'];
}

/**
 * An update: 1–2 operator entries, mostly on paths the document can take (existing fields,
 * new fields of existing documents), sometimes anywhere; a few name overlapping paths.
 */
export function update(r: Random, doc: Doc = {}): Doc {
  const out: Record<string, Doc> = {};
  const writable = writablePaths(doc);
  const path = () => (r.chance(0.75) ? r.pick(writable) : r.pick(UPDATE_PATHS));
  const paths = r.chance(0.1) ? [path(), path()] : [...new Set(Array.from({ length: r.int(1, 2) }, path))];
  for (const target of paths) {
    const [op, arg] = updateOperator(r);
    out[op] = { ...out[op], [target]: arg };
  }
  return out;
}

// ---- projections and sorts -------------------------------------------------------------

/** `field()` projections: inclusion or exclusion, `_id: 0`, `$slice`, `$elemMatch`. */
export function projection(r: Random): Doc {
  const out: Doc = {};
  const include = r.chance(0.5);
  for (const path of r.some(PROJECTION_PATHS, r.int(0, 2))) out[path] = include ? r.pick([1, true]) : r.pick([0, false]);
  if (r.chance(0.25)) out._id = r.pick([0, 1]);
  if (r.chance(0.2)) out[r.pick(['a', 'b', 'c'])] = { $slice: r.chance(0.6) ? r.int(-2, 2) : [r.int(-2, 2), r.int(1, 2)] };
  if (r.chance(0.15)) out[r.pick(['a', 'b'])] = { $elemMatch: r.chance(0.6) ? { [r.pick(SUBFIELDS)]: scalar(r) } : { x: { $gte: scalar(r) } } };
  return out;
}

export function sort(r: Random): Record<string, 1 | -1> {
  const out: Record<string, 1 | -1> = {};
  for (const path of r.some(['a', 'b', 'c', 'a.x', 'b.y', 'a.0'], r.int(1, 2))) out[path] = r.pick([1, -1] as const);
  return out;
}

/**
 * A deep copy made in this realm: jest runs tests in their own realm, where structuredClone's
 * Dates and objects fail `instanceof Date` and the plain-object checks.
 */
export function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (typeof value === 'object' && value !== null && !(value instanceof RegExp)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copy(item)])) as T;
  }
  return value;
}
