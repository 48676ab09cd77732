/**
 * The limits of 我也遇到 (config/joins.json), checked once when the function starts: a bad
 * value fails loudly rather than letting a search or a fan-out run unbounded. Pure.
 */
export interface JoinSettings {
  /** New joins one account may make in 24 hours (a repeat join that only edits its note is not new). */
  readonly joinsPerDay: number;
  /** Look-alike searches one account may run per minute, per function instance. */
  readonly searchesPerMinute: number;
  /** Joiners told of each status change: the earliest this many. */
  readonly joinersNotified: number;
  /** Open public cases of the station read per search, newest first. */
  readonly searchCandidates: number;
}

const BOUNDS: Readonly<Record<keyof JoinSettings, readonly [number, number]>> = {
  joinsPerDay: [1, 200],
  searchesPerMinute: [1, 600],
  joinersNotified: [1, 1000],
  searchCandidates: [5, 1000],
};

export function joinSettings(config: unknown): JoinSettings {
  const source = (config ?? {}) as Record<string, unknown>;
  const out: Record<string, number> = {};
  for (const [key, [min, max]] of Object.entries(BOUNDS)) {
    const value = source[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new Error(`config/joins.json: ${key} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
    }
    out[key] = value;
  }
  return out as unknown as JoinSettings;
}
