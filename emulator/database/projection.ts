import { notSupported, requestFailed } from './errors';
import { compileFilter, isOperatorObject, Predicate } from './matcher';
import { Doc, isPlainObject } from './values';

/**
 * `field()` projections: inclusion or exclusion (never mixed, `_id` aside), dotted or nested
 * paths, `$slice` and `$elemMatch` (db.command.project). Output keeps the document's field order.
 */
type Rule =
  | { kind: 'include' }
  | { kind: 'exclude' }
  | { kind: 'slice'; skip: number; limit: number | undefined; fromEnd: boolean }
  | { kind: 'elemMatch'; test: (element: unknown) => boolean }
  | { kind: 'nested'; children: Map<string, Rule> };

export type Projector = (doc: Doc) => Doc;

export function compileProjection(spec: unknown): Projector | undefined {
  if (spec === undefined || spec === null) return undefined;
  if (!isPlainObject(spec)) throw requestFailed('projection must be an object');
  const root = new Map<string, Rule>();
  let includes = 0;
  let excludes = 0;
  let excludeId = false;
  let includeId = false;
  const add = (path: string, value: unknown) => {
    if (path.endsWith('.$')) throw notSupported(`positional projection '${path}'`);
    let rule: Rule;
    if (isOperatorObject(value)) rule = operatorRule(value, path);
    else if (value === true || value === 1) rule = { kind: 'include' };
    else if (value === false || value === 0) rule = { kind: 'exclude' };
    else if (typeof value === 'number') rule = value ? { kind: 'include' } : { kind: 'exclude' };
    else if (isPlainObject(value)) {
      for (const [key, inner] of Object.entries(value)) add(`${path}.${key}`, inner);
      return;
    } else throw notSupported(`projection expression for '${path}'`);
    if (path === '_id') {
      if (rule.kind === 'exclude') excludeId = true;
      if (rule.kind === 'include') includeId = true;
      return;
    }
    if (rule.kind === 'include' || rule.kind === 'elemMatch') includes++;
    if (rule.kind === 'exclude') excludes++;
    insertRule(root, path.split('.'), rule);
  };
  for (const [path, value] of Object.entries(spec)) add(path, value);
  if (includes > 0 && excludes > 0) throw requestFailed('Projection cannot have a mix of inclusion and exclusion.');
  // `{_id: 1}` alone is an inclusion projection of `_id` only, as in MongoDB.
  if (includes > 0 || (includeId && root.size === 0)) return (doc) => include(doc, root, !excludeId);
  if (root.size === 0 && !excludeId) return undefined;
  return (doc) => {
    const out = exclude(doc, root);
    if (excludeId) delete out._id;
    return out;
  };
}

function operatorRule(value: Doc, path: string): Rule {
  const [operator, ...rest] = Object.keys(value);
  if (rest.length > 0) throw requestFailed(`projection for '${path}' has more than one operator`);
  const arg = value[operator];
  if (operator === '$slice') {
    if (typeof arg === 'number') return { kind: 'slice', skip: arg < 0 ? -arg : 0, limit: arg < 0 ? undefined : arg, fromEnd: arg < 0 };
    if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'number' && typeof arg[1] === 'number' && arg[1] > 0) {
      return { kind: 'slice', skip: Math.abs(arg[0]), limit: arg[1], fromEnd: arg[0] < 0 };
    }
    throw requestFailed('$slice takes a number or [skip, limit] with limit > 0');
  }
  if (operator === '$elemMatch') {
    if (path.includes('.')) throw requestFailed('Cannot use $elemMatch projection on a nested field.');
    const predicate: Predicate = compileFilter(arg);
    return { kind: 'elemMatch', test: (e) => isPlainObject(e) && predicate(e) };
  }
  throw notSupported(`projection operator ${operator}`);
}

function insertRule(node: Map<string, Rule>, parts: string[], rule: Rule): void {
  const [head, ...rest] = parts;
  if (rest.length === 0) {
    if (node.has(head)) throw requestFailed(`Path collision at ${parts.join('.')}`);
    node.set(head, rule);
    return;
  }
  let child = node.get(head);
  if (!child) {
    child = { kind: 'nested', children: new Map() };
    node.set(head, child);
  }
  if (child.kind !== 'nested') throw requestFailed(`Path collision at ${parts.join('.')}`);
  insertRule(child.children, rest, rule);
}

function applySlice(value: unknown, rule: Extract<Rule, { kind: 'slice' }>): unknown {
  if (!Array.isArray(value)) return value;
  if (!rule.fromEnd) return value.slice(rule.skip, rule.limit === undefined ? undefined : rule.skip + rule.limit);
  const start = Math.max(0, value.length - rule.skip);
  return value.slice(start, rule.limit === undefined ? undefined : start + rule.limit);
}

function include(doc: Doc, rules: Map<string, Rule>, keepId: boolean): Doc {
  const out: Doc = {};
  for (const key of Object.keys(doc)) {
    const value = doc[key];
    if (key === '_id' && keepId && !rules.has('_id')) {
      out._id = value;
      continue;
    }
    const rule = rules.get(key);
    if (!rule || rule.kind === 'exclude') continue;
    if (rule.kind === 'include') out[key] = value;
    else if (rule.kind === 'slice') out[key] = applySlice(value, rule);
    else if (rule.kind === 'elemMatch') {
      if (Array.isArray(value)) {
        const hit = value.find(rule.test);
        if (hit !== undefined) out[key] = [hit];
      }
    } else if (isPlainObject(value)) out[key] = include(value, rule.children, false);
    else if (Array.isArray(value)) out[key] = includeInArray(value, rule.children);
  }
  return out;
}

// Sub-path inclusion keeps only the documents (and nested arrays) of an array.
function includeInArray(values: unknown[], rules: Map<string, Rule>): unknown[] {
  const out: unknown[] = [];
  for (const value of values) {
    if (isPlainObject(value)) out.push(include(value, rules, false));
    else if (Array.isArray(value)) out.push(includeInArray(value, rules));
  }
  return out;
}

function exclude(doc: Doc, rules: Map<string, Rule>): Doc {
  const out: Doc = {};
  for (const key of Object.keys(doc)) {
    const value = doc[key];
    const rule = rules.get(key);
    if (!rule) out[key] = value;
    else if (rule.kind === 'exclude') continue;
    else if (rule.kind === 'slice') out[key] = applySlice(value, rule);
    else if (rule.kind === 'nested') {
      if (isPlainObject(value)) out[key] = exclude(value, rule.children);
      else if (Array.isArray(value)) out[key] = value.map((v) => (isPlainObject(v) ? exclude(v, rule.children) : v));
      else out[key] = value;
    } else out[key] = value;
  }
  return out;
}
