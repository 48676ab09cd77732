import { FIELD_RULES, fieldTypeOf } from './subscribe-field-rules';

/**
 * What WeChat finds wrong with a subscribeMessage.send `data` object, the first thing only,
 * as its errmsg names one field at a time (47003 `argument invalid! data.<key>.value invalid`
 * or `… is empty`). With the template known, every keyword of it must be filled and no other
 * key sent; without it, each key is checked against its type alone.
 */
export type DataProblem = { kind: 'not-an-object' } | { kind: 'empty' | 'invalid'; key: string };

type Entries = Record<string, unknown>;

export function findDataProblem(data: unknown, templateKeys?: readonly string[]): DataProblem | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { kind: 'not-an-object' };
  const entries = data as Entries;
  const keys = templateKeys ?? Object.keys(entries);
  for (const key of keys) {
    const problem = keyProblem(key, entries);
    if (problem) return { kind: problem, key };
  }
  const extra = templateKeys ? Object.keys(entries).find((key) => !templateKeys.includes(key)) : undefined;
  return extra === undefined ? null : { kind: 'invalid', key: extra };
}

function keyProblem(key: string, entries: Entries): 'empty' | 'invalid' | null {
  const type = fieldTypeOf(key);
  if (!type) return 'invalid';
  const value = valueOf(entries[key]);
  if (value === undefined) return 'empty';
  if (value === null) return 'invalid';
  return FIELD_RULES[type].accepts(value) ? null : 'invalid';
}

/**
 * The `{ value }` of one entry as text: undefined when there is none (WeChat says "is empty"),
 * null when it is no text at all. The docs type `value` as any and show numbers as strings;
 * a JSON number is read as its decimal text.
 */
function valueOf(entry: unknown): string | null | undefined {
  const value = typeof entry === 'object' && entry !== null ? (entry as { value?: unknown }).value : undefined;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value !== 'string') return null;
  return value.trim() === '' ? undefined : value;
}
