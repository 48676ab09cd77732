import { requestFailed } from './errors';
import { GEO_OPERATORS, NearQuery, parseNear, parseRegion } from './geo-query';
import { encodeEJSON } from './codec';
import { bracketBounds, encodeKey, IndexKey } from './index-keys';
import { isOperatorObject } from './matcher';
import { Collection, FieldIndex, GeoIndex } from './store';
import { Doc, isPlainObject } from './values';

/**
 * Chooses which rows to read for a filter: a SQL query over the `_id` column, a declared index
 * or the R*Tree that yields a superset of the matching row ids. The matcher then checks every
 * candidate exactly, so a plan only has to be fast, never exact. `all` means a full scan.
 */
export type Plan = { kind: 'all' } | { kind: 'none' } | { kind: 'rids'; sql: string; params: unknown[]; score: number; via: string };

const ALL: Plan = { kind: 'all' };
const NONE: Plan = { kind: 'none' };

interface Constraint {
  keys?: IndexKey[];
  low?: { key: IndexKey; inclusive: boolean };
  high?: { key: IndexKey; inclusive: boolean };
}

export function planFilter(collection: Collection, filter: unknown): Plan {
  if (!isPlainObject(filter)) return ALL;
  return planDocument(collection, filter);
}

function planDocument(collection: Collection, filter: Doc): Plan {
  const plans: Plan[] = [];
  const constraints = new Map<string, Constraint[]>();
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const sub of condition) if (isPlainObject(sub)) plans.push(planDocument(collection, sub));
    } else if (key === '$or' && Array.isArray(condition) && condition.length > 0) {
      plans.push(union(condition.map((sub) => (isPlainObject(sub) ? planDocument(collection, sub) : ALL))));
    } else if (!key.startsWith('$')) {
      const geo = geoPlan(collection, key, condition);
      if (geo) plans.push(geo);
      const found = constraintsOf(condition);
      if (found.length) constraints.set(key, found);
    }
  }
  const id = constraints.get('_id');
  if (id) plans.push(idPlan(collection, id));
  for (const index of collection.fieldIndexes) {
    const plan = indexPlan(index, constraints);
    if (plan) plans.push(plan);
  }
  if (plans.some((p) => p.kind === 'none')) return NONE;
  let best: Plan = ALL;
  for (const plan of plans) if (plan.kind === 'rids' && (best.kind !== 'rids' || plan.score > best.score)) best = plan;
  return best;
}

function union(plans: Plan[]): Plan {
  if (plans.some((p) => p.kind === 'all')) return ALL;
  const parts = plans.filter((p): p is Extract<Plan, { kind: 'rids' }> => p.kind === 'rids');
  if (parts.length === 0) return NONE;
  return {
    kind: 'rids',
    sql: parts.map((p) => p.sql).join(' UNION '),
    params: parts.flatMap((p) => p.params),
    score: Math.min(...parts.map((p) => p.score)) - 5,
    via: `union(${parts.map((p) => p.via).join(', ')})`,
  };
}

/**
 * What an index can use from a field condition: key lists (eq/$in) or key ranges, one per
 * operator. They are only intersected for fields known not to hold arrays (see indexPlan).
 */
function constraintsOf(condition: unknown): Constraint[] {
  const out: Constraint[] = [];
  const push = (constraint: Constraint | undefined) => constraint && out.push(constraint);
  if (condition instanceof RegExp) push(prefixRange(condition));
  else if (!isOperatorObject(condition)) push(keyList([condition]));
  else {
    for (const [operator, arg] of Object.entries(condition)) {
      if (operator === '$eq') push(arg instanceof RegExp ? undefined : keyList([arg]));
      else if (operator === '$in' && Array.isArray(arg)) push(keyList(arg));
      else if (operator === '$gt' || operator === '$gte') push(rangeOf(arg, 'low', operator === '$gte'));
      else if (operator === '$lt' || operator === '$lte') push(rangeOf(arg, 'high', operator === '$lte'));
    }
  }
  return out;
}

function keyList(values: unknown[]): Constraint | undefined {
  const keys: IndexKey[] = [];
  for (const value of values) {
    // Arrays and regexes have matching rules the index cannot express.
    if (Array.isArray(value) || value instanceof RegExp || isOperatorObject(value)) return undefined;
    const key = encodeKey(value);
    if (key === undefined) return undefined;
    keys.push(key);
  }
  return { keys };
}

function rangeOf(bound: unknown, side: 'low' | 'high', inclusive: boolean): Constraint | undefined {
  const bracket = bracketBounds(bound);
  const key = encodeKey(bound);
  if (!bracket || key === undefined) return undefined;
  // Bound the other side by the type bracket so other types never slip in.
  return side === 'low'
    ? { low: { key, inclusive }, high: { key: bracket.high, inclusive: false } }
    : { low: { key: bracket.low, inclusive: true }, high: { key, inclusive } };
}

// /^literal/ without flags is a string range.
function prefixRange(re: RegExp): Constraint | undefined {
  if (re.flags !== '' || !re.source.startsWith('^')) return undefined;
  const literal = re.source.slice(1);
  if (literal === '' || /[\\^$.*+?()[\]{}|]/.test(literal)) return undefined;
  const next = literal.slice(0, -1) + String.fromCharCode(literal.charCodeAt(literal.length - 1) + 1);
  return { low: { key: `s:${literal}`, inclusive: true }, high: { key: `s:${next}`, inclusive: false } };
}

/**
 * One usable constraint for a field. Key lists win (the shortest). Ranges are intersected only
 * when the field never held an array: on arrays, {$gt: 5, $lt: 3} can match via two elements.
 */
function pick(constraints: Constraint[], multikey: boolean): Constraint {
  const lists = constraints.filter((c) => c.keys);
  if (lists.length) return lists.reduce((a, b) => (b.keys!.length < a.keys!.length ? b : a));
  if (multikey) return constraints[0];
  let low: Constraint['low'];
  let high: Constraint['high'];
  for (const c of constraints) {
    if (c.low && (!low || bracketOf(c.low.key) === bracketOf(low.key))) low = tighter(low, c.low, 1);
    if (c.high && (!high || bracketOf(c.high.key) === bracketOf(high.key))) high = tighter(high, c.high, -1);
  }
  return { low, high };
}

/** The type of a key: its prefix letter, so a bracket's sentinel ('s;', 'd;') is of its bracket ('s:', 'd:'). */
function bracketOf(key: IndexKey): string {
  return typeof key === 'number' || key === '' ? 'number' : key.slice(0, 1);
}

function tighter(a: Constraint['low'], b: Constraint['low'], sign: 1 | -1): Constraint['low'] {
  if (!a) return b;
  if (!b) return a;
  // A bracket sentinel ('' caps numbers) is always the looser bound.
  if (typeof a.key !== typeof b.key) return typeof a.key === 'number' ? a : b;
  if (a.key === b.key) return { key: a.key, inclusive: a.inclusive && b.inclusive };
  return (a.key > b.key ? 1 : -1) === sign ? a : b;
}

function keysSql(column: string, keys: IndexKey[], params: unknown[]): string {
  if (keys.length === 1) {
    params.push(keys[0]);
    return `${column} = ?`;
  }
  params.push(...keys);
  return `${column} IN (${keys.map(() => '?').join(', ')})`;
}

function rangeSql(column: string, constraint: Constraint, params: unknown[]): string {
  const parts: string[] = [];
  if (constraint.low) {
    parts.push(`${column} ${constraint.low.inclusive ? '>=' : '>'} ?`);
    params.push(constraint.low.key);
  }
  if (constraint.high) {
    parts.push(`${column} ${constraint.high.inclusive ? '<=' : '<'} ?`);
    params.push(constraint.high.key);
  }
  return parts.join(' AND ');
}

function idPlan(collection: Collection, constraints: Constraint[]): Plan {
  const constraint = pick(constraints, true);
  if (!constraint.keys) return ALL;
  if (constraint.keys.length === 0) return NONE;
  // _id is stored raw (string or number), not as an index key.
  const ids = constraint.keys.map((k) => (typeof k === 'number' ? k : k.startsWith('s:') ? k.slice(2) : undefined));
  if (ids.some((id) => id === undefined)) return ALL;
  const params: unknown[] = [];
  const where = keysSql('_id', ids as IndexKey[], params);
  return { kind: 'rids', sql: `SELECT rid FROM ${collection.table} WHERE ${where}`, params, score: 1000 - ids.length, via: '_id' };
}

function indexPlan(index: FieldIndex, constraints: Map<string, Constraint[]>): Plan | undefined {
  const where: string[] = [];
  const params: unknown[] = [];
  let score = 0;
  let exact = true;
  for (let i = 0; i < index.fields.length; i++) {
    const found = constraints.get(index.fields[i]);
    if (!found) {
      exact = false;
      break;
    }
    const constraint = pick(found, index.multikey[i]);
    if (constraint.keys) {
      if (constraint.keys.length === 0) return NONE;
      where.push(keysSql(`k${i}`, constraint.keys, params));
      score += constraint.keys.length === 1 ? 20 : 15;
      if (constraint.keys.length > 1) exact = false;
      continue;
    }
    where.push(rangeSql(`k${i}`, constraint, params));
    score += 5;
    exact = false;
    break;
  }
  if (where.length === 0) return undefined;
  if (index.unique && exact) score = 500;
  return { kind: 'rids', sql: `SELECT DISTINCT rid FROM ${index.table} WHERE ${where.join(' AND ')}`, params, score, via: index.name };
}

function geoPlan(collection: Collection, path: string, condition: unknown): Plan | undefined {
  if (!isOperatorObject(condition)) return undefined;
  const index = collection.geoIndexes.find((g) => g.field === path);
  for (const operator of ['$geoWithin', '$geoIntersects'] as const) {
    if (condition[operator] === undefined || !index) continue;
    const region = parseRegion(operator, condition[operator], path);
    const params: unknown[] = [];
    const sql = region.boxes
      .map((box) => {
        params.push(box.minX, box.maxX, box.minY, box.maxY);
        return `SELECT id AS rid FROM ${index.table} WHERE maxX >= ? AND minX <= ? AND maxY >= ? AND minY <= ?`;
      })
      .join(' UNION ');
    return { kind: 'rids', sql, params, score: 30, via: index.name };
  }
  return undefined;
}

/**
 * CloudBase needs a 2dsphere index for geo queries: a geo operator on a field without one
 * fails (MongoDB's message), and `$near`/`$nearSphere` may only appear at the top level.
 */
export function checkGeo(collection: Collection, filter: unknown): NearQuery | undefined {
  let near: NearQuery | undefined;
  const visit = (node: unknown, topLevel: boolean) => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item, false));
    if (!isPlainObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$and' && topLevel && Array.isArray(value)) value.forEach((item) => visit(item, true));
      else if (key.startsWith('$')) visit(value, false);
      else if (isOperatorObject(value)) {
        for (const operator of Object.keys(value)) {
          if (!GEO_OPERATORS.has(operator)) continue;
          if (!geoIndexFor(collection, key)) {
            throw requestFailed(`unable to find index for ${operator} query: geo queries need a 2dsphere index, and '${key}' in collection ${collection.name} has none`);
          }
          if (operator === '$near' || operator === '$nearSphere') {
            if (!topLevel) throw requestFailed(`${operator} is not allowed inside $or, $nor, $not or $elemMatch`);
            if (near) throw requestFailed('Too many geoNear expressions');
            near = parseNear(operator, value, key);
          }
        }
        if (value.$elemMatch !== undefined) visit(value.$elemMatch, false);
        if (value.$not !== undefined) visit(value.$not, false);
      }
    }
  };
  visit(filter, true);
  return near;
}

export function geoIndexFor(collection: Collection, path: string): GeoIndex | undefined {
  return collection.geoIndexes.find((g) => g.field === path);
}

// More alternatives than this in one $in make the text prefilter not worth it.
const MAX_NEEDLES = 16;

/**
 * Substrings a matching document's stored text must contain, as groups (all groups must hold,
 * any needle of a group): an equality on a string/number/boolean/date/document value means its
 * EJSON text appears in the document's EJSON text. A cheap, always-safe prefilter for scans.
 */
export function textNeedles(filter: unknown): string[][] {
  const groups: string[][] = [];
  if (!isPlainObject(filter)) return groups;
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const sub of condition) groups.push(...textNeedles(sub));
      continue;
    }
    if (key.startsWith('$')) continue;
    let values: unknown[] | undefined;
    if (!isOperatorObject(condition)) values = [condition];
    else if (Object.keys(condition).length === 1 && condition.$eq !== undefined) values = [condition.$eq];
    else if (Object.keys(condition).length === 1 && Array.isArray(condition.$in)) values = condition.$in;
    const needles = values?.map(needleOf);
    if (needles && needles.length > 0 && needles.length <= MAX_NEEDLES && needles.every((n): n is string => n !== undefined)) {
      groups.push([...new Set(needles)]);
    }
  }
  return groups;
}

function needleOf(value: unknown): string | undefined {
  // null matches missing fields and regexes match text: neither shows up verbatim.
  if (value === null || value === undefined || value instanceof RegExp) return undefined;
  if (value instanceof Date) return `"${value.getTime()}"`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (Array.isArray(value)) return undefined;
  const text = encodeEJSON(value);
  return text.length >= 1 ? text : undefined;
}

/** Whether a filter uses `$near`/`$nearSphere` anywhere (not allowed in count or later $match). */
export function usesNear(filter: unknown): boolean {
  if (Array.isArray(filter)) return filter.some(usesNear);
  if (!isPlainObject(filter)) return false;
  return Object.entries(filter).some(([key, value]) => key === '$near' || key === '$nearSphere' || usesNear(value));
}
