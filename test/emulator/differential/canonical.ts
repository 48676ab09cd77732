/**
 * A value as text for comparing two engines' answers: field order kept (MongoDB keeps it),
 * types spelled out so 1 and '1', a Date and its number, NaN and null never read the same.
 * Undefined fields are left out and undefined array elements read null, as when stored.
 */
export function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  // String(-0) is '0', as the emulator stores it.
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return `Date(${value.getTime()})`;
  if (value instanceof RegExp) return String(value);
  // Holes and undefined elements are stored as null.
  if (Array.isArray(value)) return `[${Array.from(value, (item) => (item === undefined ? 'null' : canonical(item))).join(',')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`)
      .join(',')}}`;
  }
  return `?${typeof value}`;
}

/** canonical() with every document's fields in name order: equal when only field order differs. */
export function canonicalUnordered(value: unknown): string {
  const sortKeys = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(sortKeys);
    if (typeof item !== 'object' || item === null || item instanceof Date || item instanceof RegExp) return item;
    return Object.fromEntries(
      Object.keys(item)
        .sort()
        .map((key) => [key, sortKeys((item as Record<string, unknown>)[key])]),
    );
  };
  return canonical(sortKeys(value));
}
