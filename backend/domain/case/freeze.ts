/** Freeze a plain value and everything it holds, so a decision cannot be edited after the fact. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/** A copy of `base` with `changes` applied; keys changed to undefined are dropped, not kept empty. */
export function patch<T extends object>(base: T, changes: { [K in keyof T]?: T[K] }): T {
  const merged: Record<string, unknown> = { ...base, ...changes };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged as T;
}
