import { requestFailed } from './errors';
import { Doc, isPlainObject, MISSING, typeName } from './values';

/** Dotted paths ('a.b.0.c') with MongoDB's array semantics. */

const INDEX = /^(0|[1-9][0-9]*)$/;

export function splitPath(path: string): string[] {
  if (path === '' || path.startsWith('.') || path.endsWith('.') || path.includes('..')) {
    throw requestFailed(`invalid field path: '${path}'`);
  }
  return path.split('.');
}

/**
 * All values a query path reaches, MongoDB-style: an array met mid-path is searched element by
 * element (`items.x` reaches every item's x), a numeric part indexes it (`items.0.x`). A path
 * that stops at a scalar or at a document without the field reaches MISSING (null matches it);
 * an array's non-document elements reach nothing at all, so `{'a.b': null}` does not match
 * `{a: []}` or `{a: [1, 2]}` (MongoDB jstests/core/null_query_semantics.js). Leaf arrays are
 * returned whole; operators also look inside them.
 */
export function resolvePath(value: unknown, parts: string[]): unknown[] {
  const out: unknown[] = [];
  collect(value, parts, 0, out);
  return out;
}

function collect(value: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    out.push(value);
    return;
  }
  const part = parts[i];
  if (Array.isArray(value)) {
    if (INDEX.test(part)) {
      const index = Number(part);
      if (index < value.length) collect(value[index], parts, i + 1, out);
      else out.push(MISSING);
      return;
    }
    // Nested arrays are not searched implicitly, only documents inside the array.
    for (const element of value) if (isPlainObject(element)) collect(element, parts, i, out);
    return;
  }
  if (isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, part)) collect(value[part], parts, i + 1, out);
  else out.push(MISSING);
}

/** The single value at a path for updates (no array fan-out): numeric parts index arrays. */
export function getAtPath(doc: Doc, parts: string[]): unknown {
  let current: unknown = doc;
  for (const part of parts) {
    if (Array.isArray(current) && INDEX.test(part)) current = current[Number(part)];
    else if (isPlainObject(current) && Object.prototype.hasOwnProperty.call(current, part)) current = current[part];
    else return MISSING;
    if (current === undefined) return MISSING;
  }
  return current;
}

/** Sets a value, creating missing parents as documents (or padding arrays with null), as $set does. */
export function setAtPath(doc: Doc, parts: string[], value: unknown): void {
  let current: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const last = i === parts.length - 1;
    if (Array.isArray(current)) {
      if (!INDEX.test(part)) throw cannotCreateField(parts, i, current);
      const index = Number(part);
      while (current.length < index) current.push(null);
      if (last) current[index] = value;
      else {
        if (current[index] === undefined) current[index] = {};
        current = current[index];
      }
    } else if (isPlainObject(current)) {
      if (last) current[part] = value;
      else {
        if (!Object.prototype.hasOwnProperty.call(current, part)) current[part] = {};
        current = current[part];
      }
    } else {
      throw cannotCreateField(parts, i, current);
    }
  }
}

function cannotCreateField(parts: string[], i: number, container: unknown): Error {
  return requestFailed(`Cannot create field '${parts[i]}' in element {${parts.slice(0, i).join('.') || '<root>'}: ${typeName(container)}}`);
}

/** Removes a field; inside an array the element becomes null (MongoDB's $unset). */
export function unsetAtPath(doc: Doc, parts: string[]): boolean {
  const parent = getAtPath(doc, parts.slice(0, -1));
  const last = parts[parts.length - 1];
  if (Array.isArray(parent) && INDEX.test(last)) {
    const index = Number(last);
    if (index >= parent.length) return false;
    parent[index] = null;
    return true;
  }
  if (isPlainObject(parent) && Object.prototype.hasOwnProperty.call(parent, last)) {
    delete parent[last];
    return true;
  }
  return false;
}

/** True when one path is the other or a prefix of it ('a' and 'a.b' conflict). */
export function pathsOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}
