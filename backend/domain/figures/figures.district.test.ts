import type { CaseCounts } from './index';
import { addCounts, figuresInput, figuresLine, firstAnswersOf, median, medianHours, NO_CASES, NO_TOTALS, RANKING_MINIMUM_RATED, rankRows, responseRate } from './index';

const HOUR = 3_600_000;

describe('median', () => {
  it.each([
    [[], undefined],
    [[5], 5],
    [[9, 1, 5], 5],
    [[4, 1, 3, 2], 2.5],
    [[1, 1, 1, 100], 1],
  ])('of %p is %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('does not reorder what it is given', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('in hours, to one decimal; null without a sample', () => {
    expect(medianHours([1 * HOUR, 2 * HOUR, 30 * HOUR])).toBe(2);
    expect(medianHours([0.5 * HOUR, 1.25 * HOUR])).toBe(0.9); // 0.875 h
    expect(medianHours([])).toBeNull();
  });
});

describe('ranking', () => {
  const row = (id: string, counts: Partial<CaseCounts>) => ({ id, ...NO_CASES, received: 20, closed: 10, rated: 10, satisfied: 5, ...counts });

  it('needs at least 10 rated cases for a place: 9 rated get none, 10 get one', () => {
    expect(RANKING_MINIMUM_RATED).toBe(10);
    const places = rankRows([row('nine', { rated: 9, satisfied: 9 }), row('ten', { rated: 10, satisfied: 1 })]);
    expect(places.get('nine')).toBeUndefined();
    expect(places.get('ten')).toBe(1);
  });

  it('orders by 满意率, then 办结率, then received', () => {
    const places = rankRows([
      row('low-satisfaction', { satisfied: 4 }),
      row('more-closed', { closed: 15 }),
      row('busier', { received: 40, closed: 20 }), // same 办结率 (50%) as 'plain', more received
      row('plain', {}),
      row('best', { satisfied: 9 }),
    ]);
    expect(Object.fromEntries(places)).toEqual({ best: 1, 'more-closed': 2, busier: 3, plain: 4, 'low-satisfaction': 5 });
  });

  it('gives equal rows the same place and skips the next ("1224")', () => {
    const places = rankRows([row('a', { satisfied: 9 }), row('b', {}), row('c', {}), row('d', { satisfied: 1 })]);
    expect([places.get('a'), places.get('b'), places.get('c'), places.get('d')]).toEqual([1, 2, 2, 4]);
  });

  it('compares rates, not counts: 4 of 12 and 10 of 30 satisfied share a place', () => {
    const places = rankRows([row('a', { received: 30, closed: 15, rated: 30, satisfied: 10 }), row('b', { received: 30, closed: 15, rated: 12, satisfied: 4 })]);
    expect([places.get('a'), places.get('b')]).toEqual([1, 1]);
  });
});

describe('a line of figures', () => {
  it('turns counts into rates with their samples, and the median first response', () => {
    const counts: CaseCounts = { received: 8, closed: 4, rated: 3, satisfied: 2, respondedInTime: 6 };
    expect(figuresLine({ ...counts, firstAnswers: firstAnswersOf([2 * HOUR, 30 * HOUR, 1 * HOUR]) })).toEqual({
      received: 8,
      responseRate: { numerator: 6, denominator: 8, value: 0.75 },
      closureRate: { numerator: 4, denominator: 8, value: 0.5 },
      satisfactionRate: { numerator: 2, denominator: 3, value: 2 / 3 },
      medianFirstResponseHours: 2,
      firstResponseSample: 3,
    });
  });

  it('has no value (null) where the sample is empty', () => {
    expect(figuresLine(NO_TOTALS)).toEqual({
      received: 0,
      responseRate: { numerator: 0, denominator: 0, value: null },
      closureRate: { numerator: 0, denominator: 0, value: null },
      satisfactionRate: { numerator: 0, denominator: 0, value: null },
      medianFirstResponseHours: null,
      firstResponseSample: 0,
    });
  });

  it('响应率 is accepted in time ÷ received; counts add up over disjoint sets', () => {
    const a: CaseCounts = { received: 3, closed: 1, rated: 1, satisfied: 1, respondedInTime: 2 };
    expect(addCounts(a, a)).toEqual({ received: 6, closed: 2, rated: 2, satisfied: 2, respondedInTime: 4 });
    expect(responseRate(a)).toEqual({ value: 2 / 3, sample: 3 });
  });
});

describe('the figures request', () => {
  const check = (input: unknown) => figuresInput(input, '');

  it.each([
    [{ by: 'station', from: '2025-01-01', to: '2025-12-31' }],
    [{ by: 'deputy', from: '2024-01-01', to: '2024-12-31' }], // 366 days
    [{ by: 'station', from: '2025-03-05', to: '2025-03-05' }],
  ])('takes %p', (input) => {
    expect(check(input)).toEqual({ ok: true, value: input });
  });

  it.each([
    [{ by: 'month', from: '2025-01-01', to: '2025-01-31' }, 'by'],
    [{ by: 'station', from: '2025-1-1', to: '2025-01-31' }, 'from'],
    [{ by: 'station', from: '2025-02-30', to: '2025-03-31' }, 'from'],
    [{ by: 'station', from: '2025-01-01', to: '2025-13-01' }, 'to'],
    [{ by: 'station', from: '2025-02-01', to: '2025-01-31' }, 'to'],
    [{ by: 'station', from: '2024-01-01', to: '2025-01-01' }, 'to'], // 367 days
    [{ by: 'station', from: '2025-01-01' }, 'to'],
    [{ by: 'station', from: '2025-01-01', to: '2025-01-31', district: '南山区' }, 'district'],
  ])('refuses %p (field %s)', (input, field) => {
    expect(check(input)).toMatchObject({ ok: false, field });
  });
});
