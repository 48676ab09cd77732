/**
 * A small seeded PRNG (mulberry32): the same seed gives the same calls, so a failure found
 * once is found again by running with the printed seed.
 */
import { Mulberry32 } from '../../support/mulberry32';

export class Prng extends Mulberry32 {
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
}

/** The run's seed: FUZZ_SEED if set, else a fixed one, so `npm test` is repeatable. */
export function fuzzSeed(): number {
  const fromEnv = process.env.FUZZ_SEED;
  return fromEnv ? Number.parseInt(fromEnv, 10) >>> 0 : 20240605;
}
