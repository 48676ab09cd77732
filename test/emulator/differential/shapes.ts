import type { Doc } from './generate';

/**
 * What a case contains, for recognising known departures: the field conditions of a filter and
 * what a dotted path meets in a document. Written here from MongoDB's path rules, not taken
 * from either engine.
 */
export interface FieldCondition {
  path: string;
  condition: unknown;
}

export function isDocument(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

export function isOperatorObject(value: unknown): value is Doc {
  return isDocument(value) && Object.keys(value).some((key) => key.startsWith('$'));
}

/** Every field condition of a filter, through $and/$or/$nor; $elemMatch's inner fields get the outer path as prefix. */
export function fieldConditions(filter: unknown, prefix = ''): FieldCondition[] {
  if (!isDocument(filter)) return [];
  const out: FieldCondition[] = [];
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      for (const sub of condition as unknown[]) out.push(...fieldConditions(sub, prefix));
      continue;
    }
    if (key.startsWith('$')) continue;
    const path = prefix + key;
    out.push({ path, condition });
    if (isDocument(condition) && isDocument(condition.$elemMatch) && !isOperatorObject(condition.$elemMatch)) {
      out.push(...fieldConditions(condition.$elemMatch, `${path}.`));
    }
  }
  return out;
}

/** The operators a condition uses: a literal is `$eq`, a bare regex `$regex`; `$not`'s inner ones too. */
export function operatorsOf(condition: unknown): string[] {
  if (condition instanceof RegExp) return ['$regex'];
  if (!isOperatorObject(condition)) return ['$eq'];
  const out: string[] = [];
  for (const [operator, arg] of Object.entries(condition)) {
    out.push(operator);
    if (operator === '$not') out.push(...operatorsOf(arg).map((inner) => `$not.${inner}`));
    if (operator === '$elemMatch' && isOperatorObject(arg)) out.push(...operatorsOf(arg).map((inner) => `$elemMatch.${inner}`));
  }
  return out;
}

/** What following a dotted path through a document meets on the way. */
export interface Reach {
  /** Some array met before the last part holds a non-document element, or nothing. */
  throughValueArray: boolean;
  /** An array is met before the last part. */
  throughArray: boolean;
  /** A value reached is an array. */
  leafArray: boolean;
  /** A value reached is an array holding an array. */
  leafNestedArray: boolean;
  /** A value reached, or an element of it, is a document. */
  leafDocument: boolean;
  /** A value reached, or an element of it, is NaN. */
  leafNaN: boolean;
}

export function reach(doc: unknown, path: string): Reach {
  const result: Reach = {
    throughValueArray: false,
    throughArray: false,
    leafArray: false,
    leafNestedArray: false,
    leafDocument: false,
    leafNaN: false,
  };
  const walk = (value: unknown, parts: string[]) => {
    if (parts.length === 0) {
      const items = Array.isArray(value) ? [value, ...value] : [value];
      if (items.some(isDocument)) result.leafDocument = true;
      if (items.some((item) => typeof item === 'number' && Number.isNaN(item))) result.leafNaN = true;
      if (Array.isArray(value)) {
        result.leafArray = true;
        if (value.some(Array.isArray)) result.leafNestedArray = true;
      }
      return;
    }
    const [head, ...rest] = parts;
    if (Array.isArray(value)) {
      result.throughArray = true;
      if (/^\d+$/.test(head)) {
        if (Number(head) < value.length) walk(value[Number(head)], rest);
        return;
      }
      if (value.length === 0 || value.some((element) => !isDocument(element))) result.throughValueArray = true;
      for (const element of value) if (isDocument(element)) walk(element, parts);
      return;
    }
    if (isDocument(value) && Object.prototype.hasOwnProperty.call(value, head)) walk(value[head], rest);
  };
  walk(doc, path.split('.'));
  return result;
}
