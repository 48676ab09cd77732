import { randomUUID } from 'node:crypto';
import { requestFailed } from './errors';
import { Doc, isPlainObject } from './values';

/** Document-level rules shared by inserts, replacements and updates. */

/** CloudBase's generated ids are 32 hex characters (randomUUID is pooled, hence fast). */
export function generateId(): string {
  return randomUUID().replace(/-/g, '');
}

export type DocId = string | number;

export function validId(id: unknown): id is DocId {
  return (typeof id === 'string' && id.length > 0) || (typeof id === 'number' && Number.isFinite(id));
}

/** MongoDB refuses `$`-prefixed field names in stored documents; so do we (keeps EJSON unambiguous). */
export function assertStorable(value: unknown, path = ''): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertStorable(item, `${path}.${i}`));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const key of Object.keys(value)) {
    const child = path ? `${path}.${key}` : key;
    if (key.startsWith('$')) throw requestFailed(`The dollar ($) prefixed field '${key}' in '${child}' is not valid for storage.`);
    assertStorable(value[key], child);
  }
}

/** A document ready to store: `_id` first (as MongoDB keeps it), validated. */
export function withId(doc: Doc, id: DocId): Doc {
  const { _id: _ignored, ...rest } = doc;
  void _ignored;
  const out: Doc = { _id: id, ...rest };
  assertStorable(out);
  return out;
}
