import { encodeEJSON } from './codec';
import { resolvePath } from './paths';
import { Doc, MISSING } from './values';

/**
 * Index keys as SQLite values. Numbers stay numbers (so SQLite orders and compares them
 * numerically, 1 == 1.0); everything else becomes text with a type prefix so types never
 * collide ('s:' strings, 'd:' dates, 'b:' booleans, 'n' null/missing, 'o:' documents).
 * Within a type, SQLite's ordering equals MongoDB's, which makes range scans possible.
 */
export type IndexKey = number | string;

export const NULL_KEY = 'n';
const EMPTY_ARRAY_KEY = 'u';
// Dates shifted by this many ms are non-negative and fit in 17 digits.
const DATE_SHIFT = 9e15;

export function encodeKey(value: unknown): IndexKey | undefined {
  if (value === null || value === MISSING || value === undefined) return NULL_KEY;
  switch (typeof value) {
    case 'number':
      return Number.isNaN(value) ? 'N' : value;
    case 'string':
      return `s:${value}`;
    case 'boolean':
      return value ? 'b:1' : 'b:0';
    default:
      if (value instanceof Date) return encodeDate(value.getTime());
      if (value instanceof RegExp) return `r:${String(value)}`;
      if (Array.isArray(value)) return undefined;
      return `o:${encodeEJSON(value)}`;
  }
}

function encodeDate(ms: number): string {
  return `d:${String(ms + DATE_SHIFT).padStart(17, '0')}`;
}

/** Key-range bounds of one type bracket, for `$gt`-style scans: [low, high] exclusive of neighbours. */
export function bracketBounds(value: unknown): { low: IndexKey; high: IndexKey } | undefined {
  if (typeof value === 'number' && !Number.isNaN(value)) return { low: -Infinity, high: '' };
  if (typeof value === 'string') return { low: 's:', high: 's;' };
  if (value instanceof Date) return { low: 'd:', high: 'd;' };
  return undefined;
}

/**
 * The keys a document contributes to an index on `parts`, mirroring the matcher: every value the
 * path reaches, and each element of an array value (multikey). Missing counts as null.
 */
export function keysForPath(doc: Doc, parts: string[]): { keys: IndexKey[]; sawArray: boolean } {
  const keys = new Set<IndexKey>();
  // An array met on the way makes the field multikey too: {'a.b': {$gt: 5, $lt: 3}} can match
  // {a: [{b: 10}, {b: 1}]} through two elements, so its ranges must not be intersected.
  let sawArray = parts.slice(0, -1).some((_, i) => resolvePath(doc, parts.slice(0, i + 1)).some(Array.isArray));
  for (const value of resolvePath(doc, parts)) {
    if (Array.isArray(value)) {
      sawArray = true;
      if (value.length === 0) keys.add(EMPTY_ARRAY_KEY);
      for (const element of value) {
        const key = encodeKey(element);
        // Nested arrays are only reachable by whole-array equality, which never uses the index.
        if (key !== undefined) keys.add(key);
      }
    } else {
      const key = encodeKey(value);
      if (key !== undefined) keys.add(key);
    }
  }
  // A path that reaches nothing (through an array of non-documents) still has its null entry,
  // so the document stays in the index for the other fields of a compound key.
  if (keys.size === 0) keys.add(NULL_KEY);
  return { keys: [...keys], sawArray };
}

// A pathological multikey compound (two big arrays) would explode; MongoDB forbids it outright.
const MAX_ENTRIES = 10_000;

/**
 * Index entries for a compound index (the cartesian product of each field's keys), and which
 * fields held an array: the planner must not intersect ranges on those.
 */
export function indexEntries(doc: Doc, fields: string[][]): { entries: IndexKey[][]; arrays: boolean[] } {
  let entries: IndexKey[][] = [[]];
  const arrays: boolean[] = [];
  for (const parts of fields) {
    const { keys, sawArray } = keysForPath(doc, parts);
    arrays.push(sawArray);
    const next: IndexKey[][] = [];
    for (const entry of entries) for (const key of keys) next.push([...entry, key]);
    entries = next;
    if (entries.length > MAX_ENTRIES) throw new Error(`index entries exceed ${MAX_ENTRIES} for one document`);
  }
  return { entries, arrays };
}
