/**
 * A rate is only honest with its sample: "100%" of 1 is not "100%" of 400, and 0 of 0 is
 * no rate at all. So a rate never travels without the number it was taken over, and an
 * empty sample has no value — never 0%, never 100%.
 */
export interface Rate {
  /** numerator ÷ denominator, from 0 to 1; absent when the sample is empty. */
  readonly value?: number;
  /** How many cases the rate was taken over (the denominator). */
  readonly sample: number;
}

export function rate(numerator: number, denominator: number): Rate {
  if (!isCount(numerator) || !isCount(denominator)) throw new RangeError(`rate(${numerator}, ${denominator}): counts must be whole numbers ≥ 0`);
  if (numerator > denominator) throw new RangeError(`rate(${numerator}, ${denominator}): more hits than cases`);
  return denominator === 0 ? { sample: 0 } : { value: numerator / denominator, sample: denominator };
}

function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}
