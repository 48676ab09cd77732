import { MAX_ATTEMPTS, nextAttemptAfter, RETRY_DELAYS_MS } from './retry-policy';

const NOW = new Date('2026-11-21T02:00:00Z');
const MIN = 60_000;

describe('retrying a subscription message', () => {
  it.each([
    [1, 1 * MIN],
    [2, 5 * MIN],
    [3, 30 * MIN],
    [4, 120 * MIN],
    [5, 720 * MIN],
  ])('after attempt %i waits %i ms', (attempts, wait) => {
    expect(nextAttemptAfter(attempts, NOW)!.getTime() - NOW.getTime()).toBe(wait);
  });

  it('gives up after the sixth attempt', () => {
    expect(MAX_ATTEMPTS).toBe(6);
    expect(nextAttemptAfter(6, NOW)).toBeNull();
    expect(nextAttemptAfter(7, NOW)).toBeNull();
  });

  it('only ever waits longer', () => {
    for (let i = 1; i < RETRY_DELAYS_MS.length; i += 1) expect(RETRY_DELAYS_MS[i]).toBeGreaterThan(RETRY_DELAYS_MS[i - 1]);
  });
});
