/**
 * A run's time budget, measured on the real clock (the run's own clock may be a replayed
 * timer `Time`). Work checks it before each step, so a run ends well inside the function's
 * timeout and the rest is picked up by the next tick.
 */
export interface Budget {
  /** True once no new step should start. */
  expired(): boolean;
  /** Milliseconds spent since the budget was made. */
  elapsedMs(): number;
  /** A budget ending after `fraction` of what is left of this one (never later than this one). */
  portion(fraction: number): Budget;
}

export function budgetOf(ms: number, clock: () => number = Date.now): Budget {
  return budgetUntil(clock() + ms, clock(), clock);
}

function budgetUntil(deadline: number, start: number, clock: () => number): Budget {
  return {
    expired: () => clock() >= deadline,
    elapsedMs: () => clock() - start,
    portion(fraction) {
      const now = clock();
      const share = Math.max(0, Math.min(1, fraction)) * Math.max(0, deadline - now);
      return budgetUntil(now + share, now, clock);
    },
  };
}
