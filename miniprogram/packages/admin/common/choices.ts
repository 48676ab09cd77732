/**
 * A tick list drawn as full-width rows (a cell each, its checkbox at the right): a tap on the
 * row ticks or unticks its id. Pure.
 */
export function toggled(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id];
}
