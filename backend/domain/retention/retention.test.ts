import { baseCase, caseIn, daysAgo, NOW } from '../case/case.fixtures';
import { contactCutoff, contactExpired, contactRetentionDays, endedAt } from './index';
import config from '../../../config/retention.json';

describe('how long a contact is kept after a case ends', () => {
  it('reads 180 days from config/retention.json', () => {
    expect(contactRetentionDays(config)).toBe(180);
  });

  it('refuses a setting shorter than the reopen window, or not whole days', () => {
    expect(() => contactRetentionDays({ contactRetentionDays: 7 })).toThrow(/at least 30/);
    expect(() => contactRetentionDays({ contactRetentionDays: '180' })).toThrow(/whole number/);
    expect(() => contactRetentionDays({})).toThrow(/whole number/);
    expect(contactRetentionDays({ contactRetentionDays: 30 })).toBe(30);
  });

  it('cuts off exactly N days before now', () => {
    expect(contactCutoff(NOW, 180)).toEqual(daysAgo(180));
  });

  const closedAt = (days: number) => caseIn('closed', { closure: { at: daysAgo(days), how: 'rating', withoutRating: false } });

  it.each([
    ['closed 181 days ago', closedAt(181), true],
    ['closed exactly 180 days ago', closedAt(180), true],
    ['closed 179 days ago', closedAt(179), false],
    ['rejected 200 days ago', baseCase({ status: 'rejected', updatedAt: daysAgo(200) }), true],
    ['withdrawn 10 days ago', baseCase({ status: 'withdrawn', updatedAt: daysAgo(10) }), false],
    ['still in progress after a year', baseCase({ status: 'in_progress', updatedAt: daysAgo(365) }), false],
    ['closed long ago but without a contact', { ...closedAt(400), contact: undefined }, false],
  ])('%s → purge: %s', (_label, state, expected) => {
    expect(contactExpired(state, NOW, 180)).toBe(expected);
  });

  it('knows when a case ended only for ended statuses', () => {
    expect(endedAt(closedAt(5))).toEqual(daysAgo(5));
    expect(endedAt(baseCase({ status: 'replied' }))).toBeUndefined();
  });
});
