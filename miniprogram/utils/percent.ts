/**
 * Whole percent, but never rounded into a claim the numbers do not support: 199 of 200 is 99%,
 * not 100%; 1 of 300 is 1%, not 0%. A reader takes 0% and 100% literally.
 */
export function percentText(value: number): string {
  const rounded = Math.round(value * 100);
  const honest = value < 1 && rounded === 100 ? 99 : value > 0 && rounded === 0 ? 1 : rounded;
  return `${honest}%`;
}
