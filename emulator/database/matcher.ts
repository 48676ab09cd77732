import { invalidOperator, notSupported, requestFailed } from './errors';
import { nearestDistance, parseNear, parseRegion, storedPoints } from './geo-query';
import { compileExpr } from './mingo-context';
import { resolvePath, splitPath } from './paths';
import { compareValues, Doc, isPlainObject, MISSING, typeRank, valuesEqual } from './values';

/**
 * Compiles a MongoDB filter into a predicate, with MongoDB's semantics: dotted paths through
 * arrays, a leaf array matches when it or any element does, null matches missing, comparisons
 * only within a type bracket. Unknown operators throw rather than match wrongly.
 */
export type Predicate = (doc: Doc) => boolean;
type ValuesTest = (values: unknown[]) => boolean;
type LeafTest = (value: unknown) => boolean;

export function compileFilter(filter: unknown): Predicate {
  if (filter === undefined || filter === null) return () => true;
  if (!isPlainObject(filter)) throw requestFailed('query must be an object');
  return compileDocument(filter);
}

function compileDocument(filter: Doc): Predicate {
  const predicates: Predicate[] = [];
  for (const key of Object.keys(filter)) {
    const condition = filter[key];
    if (key.startsWith('$')) predicates.push(compileTopLevel(key, condition));
    else predicates.push(compileField(key, condition));
  }
  if (predicates.length === 0) return () => true;
  if (predicates.length === 1) return predicates[0];
  return (doc) => {
    for (const predicate of predicates) if (!predicate(doc)) return false;
    return true;
  };
}

function compileTopLevel(operator: string, condition: unknown): Predicate {
  switch (operator) {
    case '$and':
    case '$or':
    case '$nor': {
      if (!Array.isArray(condition) || condition.length === 0) throw requestFailed(`${operator} must be a nonempty array`);
      const subs = condition.map((sub) => {
        if (!isPlainObject(sub)) throw requestFailed(`${operator} entries need to be full objects`);
        return compileDocument(sub);
      });
      if (operator === '$and') return (doc) => subs.every((s) => s(doc));
      if (operator === '$or') return (doc) => subs.some((s) => s(doc));
      return (doc) => !subs.some((s) => s(doc));
    }
    case '$expr':
      return compileExpr(condition);
    case '$comment':
      return () => true;
    case '$where':
      throw notSupported('$where (server-side JavaScript)');
    case '$text':
      throw notSupported('$text (needs a text index)');
    case '$jsonSchema':
      throw notSupported('$jsonSchema');
    default:
      throw invalidOperator(operator, 'top level query');
  }
}

function compileField(path: string, condition: unknown): Predicate {
  const parts = splitPath(path);
  const test = compileCondition(condition, path);
  return (doc) => test(resolvePath(doc, parts));
}

export function isOperatorObject(value: unknown): value is Doc {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.some((k) => k.startsWith('$'));
}

/** A field's condition: a literal (equality), a RegExp, or an operator object. */
function compileCondition(condition: unknown, path: string): ValuesTest {
  if (condition instanceof RegExp) return anyLeaf((v) => regexMatches(condition, v));
  if (isOperatorObject(condition)) return compileOperators(condition, path);
  return eqTest(condition);
}

/** True when a test holds for some value, or for some element of a value that is an array. */
function anyLeaf(test: LeafTest): ValuesTest {
  return (values) => {
    for (const value of values) {
      if (test(value)) return true;
      if (Array.isArray(value)) for (const element of value) if (test(element)) return true;
    }
    return false;
  };
}

function regexMatches(re: RegExp, value: unknown): boolean {
  return typeof value === 'string' && re.test(value);
}

function eqTest(target: unknown): ValuesTest {
  if (target === null) return anyLeaf((v) => v === null || v === MISSING);
  if (target instanceof RegExp) {
    // {$eq: /re/} compares regex values; only the implicit form {field: /re/} pattern-matches.
    return anyLeaf((v) => v instanceof RegExp && String(v) === String(target));
  }
  if (typeof target === 'string' || typeof target === 'boolean' || typeof target === 'number') {
    return Number.isNaN(target) ? anyLeaf((v) => Number.isNaN(v)) : anyLeaf((v) => v === target);
  }
  const rank = typeRank(target);
  return anyLeaf((v) => v !== MISSING && typeRank(v) === rank && valuesEqual(v, target));
}

function rangeTest(operator: string, bound: unknown): ValuesTest {
  if (bound === null) {
    // Only null/missing sits in null's bracket: $gte/$lte null behave like $eq null.
    return operator === '$gte' || operator === '$lte' ? eqTest(null) : () => false;
  }
  if (bound instanceof RegExp) throw requestFailed(`Can't have RegEx as arg to ${operator}`);
  const rank = typeRank(bound);
  const accept = operator === '$gt' ? (c: number) => c > 0 : operator === '$gte' ? (c: number) => c >= 0 : operator === '$lt' ? (c: number) => c < 0 : (c: number) => c <= 0;
  // NaN sorts below every number but only matches ranges bounded by NaN (as in MongoDB).
  const nanBound = typeof bound === 'number' && Number.isNaN(bound);
  return anyLeaf((v) => v !== MISSING && typeRank(v) === rank && !(typeof v === 'number' && Number.isNaN(v) !== nanBound) && accept(compareValues(v, bound)));
}

function inTest(list: unknown, operator: string): ValuesTest {
  if (!Array.isArray(list)) throw requestFailed(`${operator} needs an array`);
  const primitives = new Set<unknown>();
  const others: LeafTest[] = [];
  for (const item of list) {
    if (isOperatorObject(item)) throw requestFailed(`cannot nest $ under ${operator}`);
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') primitives.add(item);
    else if (item instanceof RegExp) others.push((v) => regexMatches(item, v));
    else if (item === null) others.push((v) => v === null || v === MISSING);
    else {
      const rank = typeRank(item);
      others.push((v) => v !== MISSING && typeRank(v) === rank && valuesEqual(v, item));
    }
  }
  return anyLeaf((v) => primitives.has(v) || others.some((t) => t(v)));
}

function elemMatchTest(spec: unknown, path: string): ValuesTest {
  if (!isPlainObject(spec)) throw requestFailed('$elemMatch needs an Object');
  const keys = Object.keys(spec);
  const valueForm = keys.length > 0 && keys.every((k) => k.startsWith('$') && !['$and', '$or', '$nor', '$expr'].includes(k));
  let element: LeafTest;
  if (valueForm) {
    const test = compileOperators(spec, path);
    element = (e) => test([e]);
  } else {
    const predicate = compileDocument(spec);
    element = (e) => isPlainObject(e) && predicate(e);
  }
  return (values) => values.some((v) => Array.isArray(v) && v.some(element));
}

function allTest(list: unknown, path: string): ValuesTest {
  if (!Array.isArray(list)) throw requestFailed('$all needs an array');
  if (list.length === 0) return () => false;
  const tests = list.map((item) =>
    isPlainObject(item) && item.$elemMatch !== undefined
      ? elemMatchTest(item.$elemMatch, path)
      : item instanceof RegExp
        ? anyLeaf((v) => regexMatches(item, v))
        : eqTest(item),
  );
  return (values) => tests.every((t) => t(values));
}

const TYPE_ALIASES: Record<string, (v: unknown) => boolean> = {
  double: (v) => typeof v === 'number',
  number: (v) => typeof v === 'number',
  // EJSON's int/double distinction is lost once parsed; integers are classified by value.
  int: (v) => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31,
  long: (v) => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) >= 2 ** 31,
  string: (v) => typeof v === 'string',
  object: (v) => isPlainObject(v),
  array: (v) => Array.isArray(v),
  bool: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date,
  null: (v) => v === null,
  regex: (v) => v instanceof RegExp,
};
const TYPE_NUMBERS: Record<number, string> = { 1: 'double', 2: 'string', 3: 'object', 4: 'array', 8: 'bool', 9: 'date', 10: 'null', 11: 'regex', 16: 'int', 18: 'long' };

function typeTest(spec: unknown): ValuesTest {
  const names = (Array.isArray(spec) ? spec : [spec]).map((t) => (typeof t === 'number' ? TYPE_NUMBERS[t] : t));
  const checks = names.map((name) => {
    const check = typeof name === 'string' ? TYPE_ALIASES[name] : undefined;
    if (!check) throw notSupported(`$type ${JSON.stringify(name)}`);
    return { name, check };
  });
  const leaf = anyLeaf((v) => checks.some(({ name, check }) => name !== 'array' && check(v)));
  return (values) => values.some((v) => Array.isArray(v) && checks.some(({ name }) => name === 'array')) || leaf(values);
}

function modTest(spec: unknown): ValuesTest {
  if (!Array.isArray(spec) || spec.length !== 2 || typeof spec[0] !== 'number' || typeof spec[1] !== 'number') {
    throw requestFailed('malformed mod, needs to be an array of 2 numbers');
  }
  const divisor = Math.trunc(spec[0]);
  const remainder = Math.trunc(spec[1]);
  if (divisor === 0) throw requestFailed('divisor cannot be 0');
  return anyLeaf((v) => typeof v === 'number' && Number.isFinite(v) && Math.trunc(v) % divisor === remainder);
}

function regexTest(pattern: unknown, options: unknown): ValuesTest {
  let re: RegExp;
  if (pattern instanceof RegExp) re = options ? new RegExp(pattern.source, String(options)) : pattern;
  else if (typeof pattern === 'string') {
    try {
      re = new RegExp(pattern, typeof options === 'string' ? options : '');
    } catch (error) {
      throw requestFailed(`invalid regular expression: ${(error as Error).message}`);
    }
  } else throw requestFailed('$regex has to be a string');
  return anyLeaf((v) => regexMatches(re, v));
}

function compileOperators(ops: Doc, path: string): ValuesTest {
  const tests: ValuesTest[] = [];
  for (const operator of Object.keys(ops)) {
    const arg = ops[operator];
    switch (operator) {
      case '$eq':
        tests.push(eqTest(arg));
        break;
      case '$ne': {
        const eq = eqTest(arg);
        tests.push((values) => !eq(values));
        break;
      }
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        tests.push(rangeTest(operator, arg));
        break;
      case '$in':
        tests.push(inTest(arg, operator));
        break;
      case '$nin': {
        const inList = inTest(arg, operator);
        tests.push((values) => !inList(values));
        break;
      }
      case '$exists': {
        const wanted = Boolean(arg);
        tests.push((values) => values.some((v) => v !== MISSING) === wanted);
        break;
      }
      case '$size': {
        if (typeof arg !== 'number' || !Number.isInteger(arg)) throw requestFailed('$size needs a whole number');
        tests.push((values) => values.some((v) => Array.isArray(v) && v.length === arg));
        break;
      }
      case '$all':
        tests.push(allTest(arg, path));
        break;
      case '$elemMatch':
        tests.push(elemMatchTest(arg, path));
        break;
      case '$not': {
        let inner: ValuesTest;
        if (arg instanceof RegExp) inner = anyLeaf((v) => regexMatches(arg, v));
        else if (isOperatorObject(arg)) inner = compileOperators(arg, path);
        else throw requestFailed('$not needs a regex or a document');
        tests.push((values) => !inner(values));
        break;
      }
      case '$regex':
        tests.push(regexTest(arg, ops.$options));
        break;
      case '$options':
        if (ops.$regex === undefined) throw requestFailed('$options needs a $regex');
        break;
      case '$mod':
        tests.push(modTest(arg));
        break;
      case '$type':
        tests.push(typeTest(arg));
        break;
      case '$near':
      case '$nearSphere': {
        const near = parseNear(operator, ops, path);
        tests.push((values) => {
          const d = nearestDistance(values, near.center, operator);
          return d >= near.minDistance && d <= near.maxDistance;
        });
        break;
      }
      case '$minDistance':
      case '$maxDistance':
        if (ops.$near === undefined && ops.$nearSphere === undefined) throw requestFailed(`${operator} needs $near or $nearSphere`);
        break;
      case '$geoWithin':
      case '$geoIntersects': {
        const region = parseRegion(operator, arg, path);
        tests.push((values) => storedPoints(values, operator).some((points) => points.length > 0 && region.test(points)));
        break;
      }
      default:
        throw invalidOperator(operator, 'query');
    }
  }
  return (values) => {
    for (const test of tests) if (!test(values)) return false;
    return true;
  };
}
