import { assertStorable } from './documents';
import { invalidOperator, notSupported, requestFailed } from './errors';
import { compileFilter } from './matcher';
import { getAtPath, pathsOverlap, setAtPath, splitPath, unsetAtPath } from './paths';
import { parseSort, sortDocs } from './sort';
import { cloneValue, compareValues, Doc, isPlainObject, MISSING, typeName, valuesEqual } from './values';

/**
 * MongoDB update operators applied to one document. The SDK turns `update({a: {b: 1}})` into
 * `{$set: {'a.b': 1}}`, `_.remove()` into `$unset`, `_.push(...)` into `$push: {$each}` etc.
 */
interface FieldUpdate {
  operator: string;
  path: string;
  parts: string[];
  arg: unknown;
}

export interface UpdateSpec {
  updates: FieldUpdate[];
}

const OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$rename',
  '$push',
  '$addToSet',
  '$pull',
  '$pullAll',
  '$pop',
  '$currentDate',
  '$setOnInsert',
  '$bit',
]);

/** Parses `{ $op: { path: arg } }`. Plain fields (no operator) are merged as `$set`. */
export function parseUpdate(data: unknown): UpdateSpec {
  if (!isPlainObject(data)) throw requestFailed('update data must be an object');
  const updates: FieldUpdate[] = [];
  const keys = Object.keys(data);
  const operatorKeys = keys.filter((k) => k.startsWith('$'));
  if (operatorKeys.length > 0 && operatorKeys.length < keys.length) {
    throw requestFailed('update data cannot mix update operators and plain fields');
  }
  const spec: Doc = operatorKeys.length === 0 ? (keys.length ? { $set: data } : {}) : data;
  for (const operator of Object.keys(spec)) {
    if (!OPERATORS.has(operator)) throw invalidOperator(operator, 'update');
    const fields = spec[operator];
    if (!isPlainObject(fields)) throw requestFailed(`Modifiers operate on fields but we found type ${typeName(fields)} instead for ${operator}`);
    for (const [path, arg] of Object.entries(fields)) {
      const parts = splitPath(path);
      if (parts.some((p) => p === '$' || p.startsWith('$['))) throw notSupported(`positional update path '${path}'`);
      if (parts.some((p) => p.startsWith('$'))) throw requestFailed(`The dollar ($) prefixed field '${path}' is not valid for storage.`);
      updates.push({ operator, path, parts, arg });
      if (operator === '$rename') {
        if (typeof arg !== 'string') throw requestFailed(`The 'to' field for $rename must be a string: ${path}`);
        if (pathsOverlap(path, arg)) throw requestFailed(`The source and target field for $rename must not overlap: ${path}`);
        updates.push({ operator: '$rename-target', path: arg, parts: splitPath(arg), arg: undefined });
      }
    }
  }
  for (let i = 0; i < updates.length; i++) {
    for (let j = i + 1; j < updates.length; j++) {
      if (pathsOverlap(updates[i].path, updates[j].path)) {
        throw requestFailed(`Updating the path '${updates[j].path}' would create a conflict at '${updates[i].path}'`);
      }
    }
  }
  return { updates: updates.filter((u) => u.operator !== '$rename-target') };
}

export interface ApplyContext {
  /** True when the document is being created by an upsert ($setOnInsert applies). */
  inserting: boolean;
  now: number;
}

/** Applies the update in place. Throws (and the caller discards the copy) on a type error. */
export function applyUpdate(doc: Doc, spec: UpdateSpec, context: ApplyContext): void {
  const id = doc._id;
  for (const update of spec.updates) applyOne(doc, update, context);
  if (!valuesEqual(doc._id, id)) throw requestFailed("Performing an update on the path '_id' would modify the immutable field '_id'");
}

function applyOne(doc: Doc, update: FieldUpdate, context: ApplyContext): void {
  const { operator, parts, path, arg } = update;
  const current = getAtPath(doc, parts);
  const set = (value: unknown) => {
    assertStorable(value, path);
    setAtPath(doc, parts, value);
  };
  switch (operator) {
    case '$set':
      return set(cloneValue(arg));
    case '$setOnInsert':
      if (context.inserting) set(cloneValue(arg));
      return;
    case '$unset':
      unsetAtPath(doc, parts);
      return;
    case '$inc':
    case '$mul': {
      if (typeof arg !== 'number')
        throw requestFailed(`Cannot ${operator === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${JSON.stringify(arg)}}`);
      if (current === MISSING) return set(operator === '$inc' ? arg : 0);
      if (typeof current !== 'number') {
        throw requestFailed(
          `Cannot apply ${operator} to a value of non-numeric type. {_id: ${JSON.stringify(doc._id)}} has the field '${path}' of non-numeric type ${typeName(current)}`,
        );
      }
      return set(operator === '$inc' ? current + arg : current * arg);
    }
    case '$min':
    case '$max': {
      if (current === MISSING) return set(cloneValue(arg));
      const c = compareValues(arg, current);
      if ((operator === '$min' && c < 0) || (operator === '$max' && c > 0)) set(cloneValue(arg));
      return;
    }
    case '$rename': {
      if (current === MISSING) return;
      if (Array.isArray(getAtPath(doc, parts.slice(0, -1)))) throw requestFailed(`The source field cannot be an array element: ${path}`);
      const targetParts = splitPath(arg as string);
      if (Array.isArray(getAtPath(doc, targetParts.slice(0, -1)))) throw requestFailed(`The destination field cannot be an array element: ${arg}`);
      unsetAtPath(doc, parts);
      setAtPath(doc, targetParts, current);
      return;
    }
    case '$currentDate': {
      if (arg === true || (isPlainObject(arg) && arg.$type === 'date')) return set(new Date(context.now));
      if (isPlainObject(arg) && arg.$type === 'timestamp') throw notSupported('$currentDate with $type timestamp');
      throw requestFailed(`$currentDate: ${path} must be true or {$type: 'date'}`);
    }
    case '$bit':
      return set(applyBit(current, arg, path));
    default:
      return applyArrayOperator(doc, update, current, set);
  }
}

function arrayAt(doc: Doc, current: unknown, path: string, operator: string): unknown[] | undefined {
  if (current === MISSING) return undefined;
  if (!Array.isArray(current)) {
    throw requestFailed(
      `Cannot apply ${operator} to a non-array value: the field '${path}' must be an array but is of type ${typeName(current)} in document {_id: ${JSON.stringify(doc._id)}}`,
    );
  }
  return current;
}

function applyArrayOperator(doc: Doc, update: FieldUpdate, current: unknown, set: (value: unknown) => void): void {
  const { operator, path, arg } = update;
  switch (operator) {
    case '$push': {
      const array = arrayAt(doc, current, path, operator) ?? [];
      return set(push(array.slice(), arg));
    }
    case '$addToSet': {
      const array = (arrayAt(doc, current, path, operator) ?? []).slice();
      const values = isPlainObject(arg) && '$each' in arg ? eachOf(arg) : [arg];
      for (const value of values) if (!array.some((e) => valuesEqual(e, value))) array.push(cloneValue(value));
      return set(array);
    }
    case '$pull': {
      const array = arrayAt(doc, current, path, operator);
      if (!array) return;
      const matches = pullMatcher(arg);
      return set(array.filter((e) => !matches(e)));
    }
    case '$pullAll': {
      if (!Array.isArray(arg)) throw requestFailed('$pullAll requires an array argument');
      const array = arrayAt(doc, current, path, operator);
      if (!array) return;
      return set(array.filter((e) => !arg.some((v) => valuesEqual(e, v))));
    }
    case '$pop': {
      if (arg !== 1 && arg !== -1) throw requestFailed('$pop expects 1 or -1');
      const array = arrayAt(doc, current, path, operator);
      if (!array || array.length === 0) return;
      return set(arg === 1 ? array.slice(0, -1) : array.slice(1));
    }
    default:
      throw invalidOperator(operator, 'update');
  }
}

function eachOf(arg: Doc): unknown[] {
  if (!Array.isArray(arg.$each)) throw requestFailed('The argument to $each must be an array');
  return arg.$each;
}

/** `$push` with the $each/$position/$sort/$slice modifiers, applied in MongoDB's order. */
function push(array: unknown[], arg: unknown): unknown[] {
  if (!isPlainObject(arg) || !Object.keys(arg).some((k) => k.startsWith('$'))) {
    array.push(cloneValue(arg));
    return array;
  }
  for (const key of Object.keys(arg)) {
    if (!['$each', '$position', '$sort', '$slice'].includes(key)) throw requestFailed(`Unrecognized clause in $push: ${key}`);
  }
  const values = eachOf(arg).map(cloneValue);
  let position = array.length;
  if (arg.$position !== undefined) {
    if (typeof arg.$position !== 'number' || !Number.isInteger(arg.$position)) throw requestFailed('$position must be an integer');
    position = arg.$position < 0 ? Math.max(0, array.length + arg.$position) : Math.min(arg.$position, array.length);
  }
  array.splice(position, 0, ...values);
  if (arg.$sort !== undefined) sortArray(array, arg.$sort);
  if (arg.$slice !== undefined) {
    if (typeof arg.$slice !== 'number' || !Number.isInteger(arg.$slice)) throw requestFailed('$slice must be an integer');
    return arg.$slice >= 0 ? array.slice(0, arg.$slice) : array.slice(Math.max(0, array.length + arg.$slice));
  }
  return array;
}

function sortArray(array: unknown[], spec: unknown): void {
  if (spec === 1 || spec === -1) {
    array.sort((a, b) => compareValues(a, b) * (spec as number));
    return;
  }
  const keys = parseSort(spec);
  const items = array.map((value) => ({ doc: (isPlainObject(value) ? value : {}) as Doc, value }));
  sortDocs(items, keys);
  items.forEach((item, i) => (array[i] = item.value));
}

/** `$pull` condition: a value, a value-operator object ({$gte: 5}), or a query on subdocuments. */
function pullMatcher(condition: unknown): (element: unknown) => boolean {
  if (isPlainObject(condition)) {
    const keys = Object.keys(condition);
    if (keys.length > 0 && keys.every((k) => k.startsWith('$'))) {
      const predicate = compileFilter({ v: condition });
      return (e) => predicate({ v: e });
    }
    const predicate = compileFilter(condition);
    return (e) => isPlainObject(e) && predicate(e);
  }
  if (condition instanceof RegExp) return (e) => typeof e === 'string' && condition.test(e);
  return (e) => valuesEqual(e, condition);
}

function applyBit(current: unknown, arg: unknown, path: string): number {
  if (!isPlainObject(arg)) throw requestFailed(`$bit: ${path} needs {and|or|xor: integer}`);
  let value = current === MISSING ? 0 : current;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw requestFailed(`Cannot apply $bit to a value of non-integral type: ${path}`);
  for (const [op, operand] of Object.entries(arg)) {
    if (typeof operand !== 'number' || !Number.isInteger(operand)) throw requestFailed('$bit operands must be integers');
    if (op === 'and') value &= operand;
    else if (op === 'or') value |= operand;
    else if (op === 'xor') value ^= operand;
    else throw requestFailed(`The $bit modifier only supports 'and', 'or', and 'xor', not '${op}'`);
  }
  return value;
}
