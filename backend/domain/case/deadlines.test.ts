import { acceptDueAt, CASE_TIME_LIMITS, dueAfter, endOfShanghaiDay, hasElapsed, isOverdue, replyDueAt } from './deadlines';
import type { CaseStatus } from './case.status';

describe('case deadlines', () => {
  it('documents its numbers in one table', () => {
    expect(CASE_TIME_LIMITS).toEqual({
      acceptDays: 3,
      replyDays: 15,
      closeQuietDays: 7,
      autoCloseDays: 15,
      reopenWindowDays: 30,
      escalateRepeatDays: 3,
    });
  });

  it('a day ends at midnight in Shenzhen', () => {
    expect(endOfShanghaiDay('2026-11-21').toISOString()).toBe('2026-11-21T15:59:59.999Z');
  });

  it.each([
    ['2026-11-21T02:00:00Z', '2026-11-24T15:59:59.999Z'], // Saturday morning → end of Tuesday
    ['2026-11-21T15:30:00Z', '2026-11-24T15:59:59.999Z'], // 23:30 the same Saturday: same deadline
    ['2026-11-21T16:30:00Z', '2026-11-25T15:59:59.999Z'], // 00:30 Sunday in Shenzhen
  ])('a case submitted at %s must be accepted by %s', (submitted, due) => {
    expect(acceptDueAt(new Date(submitted)).toISOString()).toBe(due);
  });

  it('a reply is due 15 calendar days after acceptance, across month ends', () => {
    expect(replyDueAt(new Date('2026-12-20T01:00:00Z')).toISOString()).toBe('2027-01-04T15:59:59.999Z');
    expect(dueAfter(new Date('2028-02-28T01:00:00Z'), 1).toISOString()).toBe('2028-02-29T15:59:59.999Z');
  });

  it.each<[CaseStatus, boolean]>([
    ['submitted', true],
    ['accepted', true],
    ['transferred', true],
    ['in_progress', true],
    ['replied', false],
    ['closed', false],
    ['rejected', false],
    ['withdrawn', false],
  ])('a %s case past its due date is overdue: %s', (status, overdue) => {
    const dueAt = new Date('2026-11-24T15:59:59.999Z');
    expect(isOverdue({ status, dueAt }, new Date('2026-11-24T16:00:00Z'))).toBe(overdue);
    expect(isOverdue({ status, dueAt }, dueAt)).toBe(false);
    expect(isOverdue({ status }, new Date('2030-01-01'))).toBe(false);
  });

  it('counts elapsed days in whole 24-hour periods', () => {
    const since = new Date('2026-11-01T10:00:00Z');
    expect(hasElapsed(since, 7, new Date('2026-11-08T09:59:59Z'))).toBe(false);
    expect(hasElapsed(since, 7, new Date('2026-11-08T10:00:00Z'))).toBe(true);
  });
});
