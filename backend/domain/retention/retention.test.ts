import { baseCase, caseIn, daysAgo, NOW } from '../case/case.fixtures';
import { commentContactsClosedBefore, contactCutoff, contactExpired, contactRetentionDays, endedAt } from './index';
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

describe('how long a contact is kept on a 立法意见 comment after its consultation closes', () => {
  // 2026-12-07 12:00 in Shanghai: 180 days earlier is 2026-06-10 12:00, so a consultation whose
  // last day was 06-09 closed at 06-10 00:00 (purge) and one ending 06-10 closed at 06-11 00:00 (keep).
  it('purges consultations whose last day is before the Shanghai day 180 days ago', () => {
    expect(commentContactsClosedBefore(new Date('2026-12-07T04:00:00Z'), 180)).toBe('2026-06-10');
  });

  it('counts days in Shanghai, not UTC: at 00:30 on 12-08 in Shanghai (still 12-07 in UTC) the day is 06-11', () => {
    expect(commentContactsClosedBefore(new Date('2026-12-07T16:30:00Z'), 180)).toBe('2026-06-11');
  });

  it('just before Shanghai midnight it is still the earlier day', () => {
    expect(commentContactsClosedBefore(new Date('2026-12-07T15:59:59Z'), 180)).toBe('2026-06-10');
  });
});
