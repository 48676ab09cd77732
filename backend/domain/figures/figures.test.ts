import { caseIn } from '../case/case.fixtures';
import type { CaseState } from '../case/case.state';
import { closureRate, figuresPeriod, NO_CASES, periodInstants, rate, respondedInTime, satisfactionRate, tally } from './index';

describe('rate', () => {
  it.each([
    [37, 40, { value: 0.925, sample: 40 }],
    [0, 5, { value: 0, sample: 5 }],
    [5, 5, { value: 1, sample: 5 }],
  ])('%i of %i is %p', (numerator, denominator, expected) => {
    expect(rate(numerator, denominator)).toEqual(expected);
  });

  it('has no value over an empty sample — neither 0% nor 100%', () => {
    expect(rate(0, 0)).toEqual({ sample: 0 });
    expect('value' in rate(0, 0)).toBe(false);
  });

  it.each([
    [-1, 3],
    [1.5, 3],
    [1, Number.NaN],
    [4, 3],
  ])('refuses %p of %p: not counts of the same cases', (numerator, denominator) => {
    expect(() => rate(numerator, denominator)).toThrow(RangeError);
  });

  it('办结率 is closed ÷ received and 满意率 satisfied ÷ rated, each with its sample', () => {
    const counts = { received: 40, closed: 37, rated: 37, satisfied: 34, respondedInTime: 39 };
    expect(closureRate(counts)).toEqual({ value: 37 / 40, sample: 40 });
    expect(satisfactionRate(counts)).toEqual({ value: 34 / 37, sample: 37 });
    expect(satisfactionRate(NO_CASES)).toEqual({ sample: 0 });
  });
});

describe('the period of the figures', () => {
  it.each([
    ['2025-11-25', '2024-11-26', 365],
    ['2025-01-01', '2024-01-02', 366],
    ['2026-01-01', '2025-01-02', 365],
    ['2024-12-31', '2024-01-01', 366],
    ['2024-02-29', '2023-03-01', 366],
    ['2025-02-28', '2024-02-29', 366],
    ['2025-03-01', '2024-03-02', 365],
    ['2025-03-31', '2024-04-01', 365],
  ])('read on %s covers %s to that day (%i days)', (today, from, days) => {
    const period = figuresPeriod(today);
    expect(period).toEqual({ from, to: today });
    const { start, end } = periodInstants(period);
    expect((end.getTime() - start.getTime()) / 86_400_000).toBe(days);
  });

  it('starts and ends at midnight in Shanghai, the end excluded', () => {
    expect(periodInstants({ from: '2024-11-26', to: '2025-11-25' })).toEqual({
      start: new Date('2024-11-25T16:00:00.000Z'),
      end: new Date('2025-11-25T16:00:00.000Z'),
    });
  });
});

describe('responded in time: accepted by the end of the 3rd Shanghai day after submission', () => {
  // Submitted Friday 21 November 2025 at 23:30 in Shenzhen (15:30 UTC): due by the end of Monday 24th.
  const submittedAt = new Date('2025-11-21T15:30:00Z');
  it.each([
    ['within the hour', '2025-11-21T16:00:00Z', true],
    ['on the last evening, 23:59:59.999 in Shenzhen', '2025-11-24T15:59:59.999Z', true],
    ['at midnight after the deadline', '2025-11-24T16:00:00Z', false],
    ['a week later', '2025-11-28T02:00:00Z', false],
  ])('accepted %s: %p', (_when, acceptedAt, inTime) => {
    expect(respondedInTime({ submittedAt, acceptedAt: new Date(acceptedAt) })).toBe(inTime);
  });

  it('a case never accepted — waiting, rejected or withdrawn — has not been responded to in time', () => {
    expect(respondedInTime({ submittedAt })).toBe(false);
    expect(respondedInTime(caseIn('rejected'))).toBe(false);
  });
});

describe('tally: the figures of a set of cases', () => {
  const satisfiedClosed = (value: 'satisfied' | 'basically_satisfied', over: Partial<CaseState> = {}) =>
    caseIn('closed', { rating: { value, at: new Date() }, closure: { at: new Date(), how: 'rating', withoutRating: false }, ...over });
  const submittedAt = caseIn('submitted').submittedAt;
  const inTime = { acceptedAt: new Date(submittedAt.getTime() + 3600_000) };
  const late = { acceptedAt: new Date(submittedAt.getTime() + 5 * 86_400_000) };

  it('counts each case by its current state', () => {
    const cases = [
      satisfiedClosed('satisfied', inTime),
      satisfiedClosed('basically_satisfied', late),
      caseIn('replied', { rating: { value: 'unsatisfied', at: new Date() }, ...inTime }),
      caseIn('closed', { rating: { value: 'unsatisfied', at: new Date() }, closure: { at: new Date(), how: 'officer', withoutRating: false }, ...late }),
      caseIn('closed', inTime), // closed after the quiet period, nobody rated
      caseIn('rejected'),
      caseIn('submitted'),
      caseIn('in_progress', late),
      caseIn('withdrawn'),
    ];
    expect(tally(cases)).toEqual({ received: 8, closed: 4, rated: 4, satisfied: 2, respondedInTime: 3 });
  });

  it('never counts a case closed without rating as rated or satisfied, whatever rating it carries', () => {
    const merged = caseIn('closed', {
      rating: { value: 'satisfied', at: new Date() },
      closure: { at: new Date(), how: 'merge', withoutRating: true, mergedInto: { id: 'case-0', receiptNo: 'FT20261020-0007' } },
    });
    expect(tally([merged, caseIn('closed')])).toEqual({ received: 2, closed: 2, rated: 0, satisfied: 0, respondedInTime: 2 });
  });

  it('of no cases is all zeros', () => {
    expect(tally([])).toEqual(NO_CASES);
  });
});
