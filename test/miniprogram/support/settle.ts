/**
 * Waiting for the work itself, not for a while, before asserting that something did NOT happen.
 * A fixed sleep before `expect(…).toHaveLength(0)` passes falsely on a slow machine (the call
 * had not gone out *yet*) and costs time on a fast one. Instead: the promise of the handler a
 * tap ran, every request answered, or a page's timers moved by hand (fake setTimeout).
 */
import type { WxPlatform } from '../../support/wx-platform';
import { until } from './load-page';
import type { RenderedComponent } from './load-page';

// Taken before any test fakes the timers: the turn below must pass in real time.
const realSetTimeout = globalThis.setTimeout;

/**
 * Every promise callback queued so far has run (one macrotask later). Enough only for work made
 * of promises alone (a handler's continuation after an answer it awaited); not for timers or I/O.
 */
export const promisesRun = (): Promise<void> => new Promise((resolve) => realSetTimeout(resolve, 0));

/**
 * Runs `act` (a tap, as a finger would), then waits until the page method `method` it reaches
 * was called and the promise it returned has settled: whatever the handler was going to do, it
 * has done (its requests sent, `wx.request` records them at once). j-component dispatches an
 * event a microtask later and looks the handler up on the instance then, so a spy put there sees
 * the call.
 */
export async function afterHandler(component: RenderedComponent, method: string, act: () => void): Promise<void> {
  const spy = jest.spyOn(component.instance as Record<string, (...args: unknown[]) => unknown>, method);
  try {
    act();
    await until(() => spy.mock.calls.length > 0, `${method} to be called`);
    await Promise.allSettled(spy.mock.results.map((result): unknown => result.value));
  } finally {
    spy.mockRestore();
  }
}

/**
 * Counts the platform's `wx.request`s still waiting for their answer; call before `install()`.
 * `quiet()` resolves once every request sent has been answered and its answer handled, and no
 * new one went out meanwhile (a page that asks a second thing once the first answer is in).
 */
export function trackRequests(wx: WxPlatform): { quiet(what: string): Promise<void> } {
  let pending = 0;
  const request = wx.api.request;
  wx.api.request = (options: { complete?: (res: unknown) => void }) => {
    pending += 1;
    return request({
      ...options,
      complete: (res: unknown) => {
        pending -= 1;
        options.complete?.(res);
      },
    });
  };
  return {
    async quiet(what) {
      for (;;) {
        await until(() => pending === 0, what);
        const sent = wx.requests.length;
        await promisesRun();
        if (pending === 0 && wx.requests.length === sent) return;
      }
    },
  };
}

/**
 * Fakes setTimeout/clearTimeout (and Date, from `now`): a page's own timers (a search waiting for
 * a pause in typing, a code refreshed every 30 s) fire only when the test moves the clock with
 * `jest.advanceTimersByTime`. HTTP, rendering and `until` keep real time. Undo with
 * `jest.useRealTimers()` (or the file's own `fakeClockAt`).
 */
export function fakeTimeouts(now: Date | number = Date.now()): void {
  jest.useFakeTimers({
    now,
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'],
  });
}
