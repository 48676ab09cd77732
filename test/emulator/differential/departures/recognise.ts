import { canonical } from '../canonical';
import type { Doc } from '../generate';
import type { Disagreement } from '../run';
import { fieldConditions, isDocument, operatorsOf, reach } from '../shapes';

/** What the departures recognise cases by: shapes of filters, updates and documents. */

export const NULL_QUERIES = 'jstests/core/null_query_semantics.js (MongoDB server repository)';

/** Field conditions of a filter case whose path meets something in the case's document. */
export function conditionsWhere(d: Disagreement, test: (path: string, condition: unknown, doc: Doc) => boolean): boolean {
  const doc = d.input.doc as Doc;
  return fieldConditions(d.input.filter).some(({ path, condition }) => test(path, condition, doc));
}

/** The one value at a path, arrays indexed by position (as an update addresses it). */
export function get(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) value = isDocument(value) || (Array.isArray(value) && /^\d+$/.test(part)) ? (value as Doc)[part] : undefined;
  return value;
}

export function containsNaN(value: unknown): boolean {
  if (typeof value === 'number') return Number.isNaN(value);
  if (Array.isArray(value)) return value.some(containsNaN);
  return isDocument(value) && Object.values(value).some(containsNaN);
}

export function hasDuplicates(values: unknown[]): boolean {
  const texts = values.map(canonical);
  return new Set(texts).size < texts.length;
}

export function bsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regex';
  return typeof value;
}

export function containsNull(value: unknown): boolean {
  if (value === null) return true;
  if (Array.isArray(value)) return value.some(containsNull);
  return isDocument(value) && Object.values(value).some(containsNull);
}

/** The $in and $nin lists of a condition, its $not and its operator-form $elemMatch included. */
export function listsOf(condition: unknown): unknown[][] {
  if (!isDocument(condition)) return [];
  const own = [condition.$in, condition.$nin].filter(Array.isArray);
  return [...own, ...listsOf(condition.$not), ...listsOf(condition.$elemMatch)];
}

export const uses = (condition: unknown, ...operators: string[]) => operatorsOf(condition).some((op) => operators.includes(op));

export function mentionsNull(condition: unknown): boolean {
  if (condition === null) return true;
  if (!isDocument(condition)) return false;
  return Object.entries(condition).some(([op, arg]) => (op === '$in' || op === '$nin' ? (arg as unknown[]).includes(null) : op.startsWith('$') && mentionsNull(arg)));
}

/** An equality with a whole array: `{a: [1]}`, `{$eq: [1]}`, `{$ne: []}`. */
export function hasArrayOperand(condition: unknown): boolean {
  if (Array.isArray(condition)) return true;
  return isDocument(condition) && (Array.isArray(condition.$eq) || Array.isArray(condition.$ne) || hasArrayOperand(condition.$not));
}

/** The emulator refuses the update, with a message naming MongoDB's rule; mingo applies something. */
export function refusedAs(pattern: RegExp): (d: Disagreement) => boolean {
  return (d) => !d.emulator.ok && d.mingo.ok && pattern.test(d.emulator.error);
}

/** The update uses one of these operators on a path the document lacks. */
export function onAbsentField(d: Disagreement, ...operators: string[]): boolean {
  const update = d.input.update as Record<string, Doc>;
  return operators.some((op) => Object.keys(update[op] ?? {}).some((path) => get(d.input.doc as Doc, path) === undefined));
}

export const UPDATE_ERRORS = 'MongoDB server, update errors';

/** Some document of a sort case meets something on the way along some sort key. */
export function sortKeysWhere(d: Disagreement, test: (r: ReturnType<typeof reach>) => boolean): boolean {
  const docs = d.input.docs as Doc[];
  return Object.keys(d.input.sort as Doc).some((path) => docs.some((doc) => test(reach(doc, path))));
}
