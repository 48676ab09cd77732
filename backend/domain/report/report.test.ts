import config from '../../../config/reports.json';
import type { Actor } from '../case/actor';
import {
  checkPeriod,
  daysInPeriod,
  defaultReportTitle,
  listReportsSchema,
  mayPublishFor,
  mayReadComments,
  publishTarget,
  ratingClosesAt,
  ratingOpen,
  reportRatings,
  reportSettings,
  withinPublishAllowance,
  withRating,
  NO_RATINGS,
} from './index';

describe('the satisfaction rate: (满意 + 基本满意) ÷ ratings, only from 10 ratings', () => {
  it.each([
    // satisfied, basically, unsatisfied → total, rate (hand-computed)
    [0, 0, 0, 0, null],
    [9, 0, 0, 9, null],
    [5, 3, 1, 9, null],
    [10, 0, 0, 10, 1],
    [5, 3, 2, 10, 0.8],
    [0, 0, 10, 10, 0],
    [3, 3, 6, 12, 0.5],
    [0, 7, 3, 10, 0.7],
  ])('%i 满意, %i 基本满意, %i 不满意 → %i ratings, rate %p', (satisfied, basicallySatisfied, unsatisfied, total, rate) => {
    expect(reportRatings({ satisfied, basicallySatisfied, unsatisfied })).toEqual({ satisfied, basicallySatisfied, unsatisfied, total, rate, minimum: 10 });
  });

  it('a rating adds to its own counter only', () => {
    expect(withRating(withRating(NO_RATINGS, 'basically_satisfied'), 'unsatisfied')).toEqual({ satisfied: 0, basicallySatisfied: 1, unsatisfied: 1 });
  });
});

describe('the rating window', () => {
  const published = new Date('2026-01-10T02:00:00Z');
  const closes = ratingClosesAt(published, 30);

  it.each([
    ['at publication', '2026-01-10T02:00:00Z', true],
    ['a millisecond before 30 days', '2026-02-09T01:59:59.999Z', true],
    ['exactly 30 days after', '2026-02-09T02:00:00Z', false],
    ['later', '2026-03-01T00:00:00Z', false],
  ])('%s: open %p', (_label, now, open) => {
    expect(closes.toISOString()).toBe('2026-02-09T02:00:00.000Z');
    expect(ratingOpen(closes, new Date(now))).toBe(open);
  });
});

describe('the period of a report', () => {
  const TODAY = '2026-03-15';
  it.each<[string, { from: string; to: string }, string]>([
    ['a calendar year', { from: '2025-01-01', to: '2025-12-31' }, 'ok'],
    ['366 days over a 29 February', { from: '2024-01-01', to: '2024-12-31' }, 'ok'],
    ['366 days without one', { from: '2025-01-01', to: '2026-01-01' }, 'ok'],
    ['367 days', { from: '2024-12-31', to: '2026-01-01' }, 'INVALID_INPUT period.from'],
    ['one day, today', { from: TODAY, to: TODAY }, 'ok'],
    ['ending tomorrow', { from: '2026-01-01', to: '2026-03-16' }, 'INVALID_INPUT period.to'],
    ['ending before it starts', { from: '2025-06-02', to: '2025-06-01' }, 'INVALID_INPUT period.to'],
    ['30 February', { from: '2025-02-30', to: '2025-12-31' }, 'INVALID_INPUT period.from'],
    ['not a date', { from: '2025-01-01', to: '2025/12/31' }, 'INVALID_INPUT period.to'],
  ])('%s', (_label, period, expected) => {
    const result = checkPeriod(period, TODAY);
    expect(result.ok ? 'ok' : `${result.failure.code} ${result.failure.field}`).toBe(expected);
  });

  it('counts days with both ends included', () => {
    expect(daysInPeriod({ from: '2025-01-01', to: '2025-01-01' })).toBe(1);
    expect(daysInPeriod({ from: '2024-01-01', to: '2024-12-31' })).toBe(366);
  });

  it('names a report after the deputy and the year its period ends in', () => {
    expect(defaultReportTitle('李明', { from: '2025-07-01', to: '2026-06-30' })).toBe('李明代表2026年度履职情况报告');
  });
});

describe('who publishes and who reads the comments', () => {
  const deputy: Actor = { role: 'deputy', id: 'dp-1', deputyId: 'dp-1' };
  const officer: Actor = { role: 'officer', id: 'sf-1', stationIds: ['st-a', 'st-b'] };
  const admin: Actor = { role: 'admin', id: 'sf-9', district: '福田区' };
  const resident: Actor = { role: 'resident', id: 'o-1', openid: 'o-1' };
  const report = { deputyId: 'dp-1', stationIds: ['st-b', 'st-c'], districts: ['福田区'] };

  it.each<[string, Actor, string | undefined, string]>([
    ['a deputy, themselves', deputy, undefined, 'dp-1'],
    ['a deputy, naming themselves', deputy, 'dp-1', 'dp-1'],
    ['a deputy, naming another', deputy, 'dp-2', 'FORBIDDEN'],
    ['an officer, naming a deputy', officer, 'dp-2', 'dp-2'],
    ['an officer, naming nobody', officer, undefined, 'INVALID_INPUT'],
    ['a resident', resident, 'dp-1', 'FORBIDDEN'],
  ])('publish target: %s', (_label, actor, named, expected) => {
    const result = publishTarget(actor, named);
    expect(result.ok ? result.value : result.failure.code).toBe(expected);
  });

  it.each<[string, Actor, { _id: string; stationIds: string[] }, boolean]>([
    ['an officer, for a deputy of one of their stations', officer, { _id: 'dp-2', stationIds: ['st-x', 'st-b'] }, true],
    ['an officer, for a deputy of none', officer, { _id: 'dp-3', stationIds: ['st-x'] }, false],
    ['a deputy, for themselves', deputy, { _id: 'dp-1', stationIds: [] }, true],
    ['an admin', admin, { _id: 'dp-1', stationIds: ['st-a'] }, false],
  ])('may publish: %s', (_label, actor, target, expected) => {
    expect(mayPublishFor(actor, target)).toBe(expected);
  });

  it.each<[string, Actor | undefined, boolean]>([
    ['the deputy', deputy, true],
    ['another deputy', { role: 'deputy', id: 'dp-2', deputyId: 'dp-2' }, false],
    ['an officer of one of its stations', officer, true],
    ['an officer elsewhere', { role: 'officer', id: 'sf-2', stationIds: ['st-z'] }, false],
    ['the office of its district', admin, true],
    ['the office of another district', { role: 'admin', id: 'sf-8', district: '南山区' }, false],
    ['a resident', resident, false],
    ['nobody WeChat named', undefined, false],
  ])('comments: %s → %p', (_label, actor, expected) => {
    expect(mayReadComments(actor, report)).toBe(expected);
  });

  it('allows 10 a day, not 11', () => {
    expect(withinPublishAllowance(9, 10)).toBe(true);
    expect(withinPublishAllowance(10, 10)).toBe(false);
  });
});

describe('the configuration (config/reports.json)', () => {
  it('is valid as shipped: a 30-day window', () => {
    expect(reportSettings(config)).toEqual({ ratingWindowDays: 30, maxPublishedPerDeputyPerDay: 10 });
  });

  it.each([
    { ratingWindowDays: 0, maxPublishedPerDeputyPerDay: 10 },
    { ratingWindowDays: 30.5, maxPublishedPerDeputyPerDay: 10 },
    { ratingWindowDays: '30', maxPublishedPerDeputyPerDay: 10 },
    { ratingWindowDays: 30, maxPublishedPerDeputyPerDay: 0 },
    { maxPublishedPerDeputyPerDay: 10 },
  ])('refuses %p at load', (bad) => {
    expect(() => reportSettings(bad)).toThrow(/config\/reports.json/);
  });
});

describe('the list input', () => {
  it.each([
    [{ stationId: 'st-a' }, true],
    [{ deputyId: 'dp-1', page: 2 }, true],
    [{}, false],
    [{ stationId: 'st-a', deputyId: 'dp-1' }, false],
    [{ stationId: 'st-a', page: -1 }, false],
  ])('%p → %p', (input, valid) => {
    expect(listReportsSchema(input, '').ok).toBe(valid);
  });
});
