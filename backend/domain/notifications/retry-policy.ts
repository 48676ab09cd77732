/**
 * When to try a subscription message again. Pure. Transient failures (WeChat busy, quota,
 * timeout) wait 1 min, 5 min, 30 min, 2 h, then 12 h; the sixth failed attempt gives up.
 */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** After `attempts` tries (the failed one included): when to try next, or null to give up. */
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const delay = RETRY_DELAYS_MS[Math.max(0, attempts - 1)];
  return new Date(now.getTime() + delay);
}

/** A claim older than this was abandoned by a dispatcher that died mid-send. */
export const ABANDONED_SEND_MS = 10 * 60_000;
