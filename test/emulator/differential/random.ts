/**
 * A seeded pseudo-random source (mulberry32): the same seed draws the same cases on every
 * machine, so a disagreement found once can be replayed by its seed and case number.
 */
import { Mulberry32 } from '../../support/mulberry32';

export class Random extends Mulberry32 {
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One of several generators, by weight. */
  weighted<T>(choices: readonly [number, () => T][]): T {
    const total = choices.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [weight, make] of choices) {
      roll -= weight;
      if (roll < 0) return make();
    }
    return choices[choices.length - 1][1]();
  }

  /** `count` distinct items (fewer when there are not that many). */
  some<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }
}
