import { requestFailed } from './errors';
import { resolvePath, splitPath } from './paths';
import { compareValues, Doc, isPlainObject, MISSING } from './values';

/**
 * MongoDB sort: ascending compares a field's smallest value (array elements included),
 * descending its largest; missing sorts as null, an empty array below it; ties keep natural
 * (insertion) order.
 */
export interface SortKey {
  parts: string[];
  direction: 1 | -1;
}

export function parseSort(spec: unknown): SortKey[] {
  if (spec === undefined || spec === null) return [];
  // The SDK sends an object {field: 1|-1}; accept the old [{field, direction}] list too.
  if (Array.isArray(spec)) {
    return spec.map((item) => {
      if (!isPlainObject(item) || typeof item.field !== 'string') throw requestFailed('invalid order item');
      return { parts: splitPath(item.field), direction: item.direction === 'desc' || item.direction === -1 ? -1 : 1 };
    });
  }
  if (!isPlainObject(spec)) throw requestFailed('order must be an object');
  return Object.entries(spec).map(([field, direction]) => {
    if (direction !== 1 && direction !== -1) throw requestFailed(`bad sort specification for ${field}: must be 1 or -1`);
    return { parts: splitPath(field), direction };
  });
}

/** An empty array's sort key: below null, in both directions (MongoDB's "Comparison/Sort Order", Arrays). */
const EMPTY_ARRAY: unique symbol = Symbol('empty array');

function compareKeys(a: unknown, b: unknown): number {
  if (a === EMPTY_ARRAY || b === EMPTY_ARRAY) return a === b ? 0 : a === EMPTY_ARRAY ? -1 : 1;
  return compareValues(a, b);
}

function sortValue(doc: Doc, key: SortKey): unknown {
  let best: unknown = MISSING;
  let seen = false;
  const consider = (value: unknown) => {
    if (!seen || compareKeys(value, best) * key.direction < 0) best = value;
    seen = true;
  };
  for (const value of resolvePath(doc, key.parts)) {
    if (Array.isArray(value)) {
      if (value.length === 0) consider(EMPTY_ARRAY);
      for (const element of value) consider(element);
    } else consider(value);
  }
  return best === MISSING ? null : best;
}

/** Sorts items (each carrying a doc) in place; Array.prototype.sort is stable. */
export function sortDocs<T extends { doc: Doc }>(items: T[], keys: SortKey[]): T[] {
  if (keys.length === 0) return items;
  const decorated = items.map((item) => ({ item, values: keys.map((k) => sortValue(item.doc, k)) }));
  decorated.sort((a, b) => compareSortValues(a.values, b.values, keys));
  for (let i = 0; i < items.length; i++) items[i] = decorated[i].item;
  return items;
}

export function sortValues(doc: Doc, keys: SortKey[]): unknown[] {
  return keys.map((k) => sortValue(doc, k));
}

export function compareSortValues(a: unknown[], b: unknown[], keys: SortKey[]): number {
  for (let i = 0; i < keys.length; i++) {
    const c = compareKeys(a[i], b[i]);
    if (c !== 0) return c * keys[i].direction;
  }
  return 0;
}
