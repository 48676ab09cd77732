/**
 * The emulator's clock seam for timer tests: inside a function instance, `Date.now()` and
 * `new Date()` read real time plus an offset set per call. It exists only in the local
 * instance runner, so nothing that reaches CloudBase can move a function's clock; business
 * code just reads the time as it would in the cloud.
 */
export interface ShiftedClock {
  /** From now on the clock reads `at` (epoch ms) at this moment and runs on at real speed; undefined: real time. */
  set(at: number | undefined): void;
}

export function installShiftedClock(): ShiftedClock {
  const RealDate = Date;
  let offset = 0;
  // A function, not a class: `Date()` without `new` must still answer a string, as it does natively.
  function ShiftedDate(this: unknown, ...args: unknown[]): Date | string {
    if (!new.target) return new RealDate(RealDate.now() + offset).toString();
    if (args.length === 0) return new RealDate(RealDate.now() + offset);
    return new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
  }
  ShiftedDate.prototype = RealDate.prototype;
  Object.setPrototypeOf(ShiftedDate, RealDate); // Date.UTC, Date.parse and the rest
  (ShiftedDate as unknown as { now: () => number }).now = () => RealDate.now() + offset;
  (globalThis as { Date: unknown }).Date = ShiftedDate;
  return {
    set(at) {
      offset = at === undefined ? 0 : at - RealDate.now();
    },
  };
}
