import { budgetOf } from './budget';

describe('a run’s time budget', () => {
  let clock = 0;
  const tick = (ms: number) => {
    clock += ms;
  };
  beforeEach(() => {
    clock = 1_000;
  });

  it('expires once its time is spent, on the clock it was given', () => {
    const budget = budgetOf(30_000, () => clock);
    expect(budget.expired()).toBe(false);
    tick(29_999);
    expect(budget.expired()).toBe(false);
    expect(budget.elapsedMs()).toBe(29_999);
    tick(1);
    expect(budget.expired()).toBe(true);
  });

  it('gives a portion of what is left, never beyond the whole', () => {
    const budget = budgetOf(30_000, () => clock);
    tick(10_000);
    const half = budget.portion(0.5);
    tick(9_999);
    expect(half.expired()).toBe(false);
    tick(1);
    expect(half.expired()).toBe(true);
    expect(budget.expired()).toBe(false);
    expect(budget.portion(2).expired()).toBe(false);
    tick(10_000);
    expect(budget.portion(2).expired()).toBe(true);
  });
});
