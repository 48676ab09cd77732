import { caseIn } from '../case/case.fixtures';
import type { CaseState } from '../case/case.state';
import {
  addTotals,
  firstAnswerMs,
  firstAnswersOf,
  median,
  medianFirstAnswerHours,
  medianFirstAnswerMs,
  NO_TOTALS,
  periodParts,
  stationMonthTotals,
  stepOf,
  tally,
  totalsOf,
} from './index';
import type { TotalledCase } from './index';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The scale as docs/api.md states it, in hours: each step holds its lower bound; the last is open. */
const BOUNDS = [0, 0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48, 72, 96, 120, 168, 240, 336, 480, 720, Infinity];
/** The step of a time by the stated scale, written here independently of the code. */
const statedStep = (ms: number) => BOUNDS.findIndex((bound, i) => ms >= bound * HOUR && ms < BOUNDS[i + 1] * HOUR);

describe('the steps of the first-answer scale', () => {
  it.each([
    [0, 0],
    [14 * MINUTE + 59_999, 0],
    [15 * MINUTE, 1],
    [59 * MINUTE, 2],
    [HOUR, 3],
    [23 * HOUR + 59 * MINUTE, 11],
    [24 * HOUR, 12],
    [72 * HOUR - 1, 14],
    [72 * HOUR, 15],
    [719 * HOUR, 21],
    [720 * HOUR, 22],
    [9000 * HOUR, 22],
  ])('%i ms is in step %i', (ms, step) => {
    expect(stepOf(ms)).toBe(step);
    expect(statedStep(ms)).toBe(step);
  });
});

describe('the median time to a first answer, from the steps', () => {
  it('is exact when the middle falls in a step of equal times, or of one time', () => {
    expect(medianFirstAnswerHours(firstAnswersOf([2 * HOUR, 6 * HOUR, 100 * HOUR]))).toBe(6);
    expect(medianFirstAnswerHours(firstAnswersOf([...new Array(10).fill(HOUR), 2 * HOUR, 100 * HOUR]))).toBe(1);
    // Even count across two steps: the mean of the two middle times.
    expect(medianFirstAnswerHours(firstAnswersOf([HOUR, 3 * HOUR]))).toBe(2);
  });

  it('is null without any answer, and counts its sample', () => {
    expect(medianFirstAnswerHours(NO_TOTALS.firstAnswers)).toBeNull();
    expect(firstAnswersOf([HOUR, HOUR, 5 * HOUR]).count.reduce((a, b) => a + b)).toBe(3);
  });

  it('is the mean of the median’s step: 1 h 10 and 1 h 20 share the step from 1 to 1.5 h', () => {
    expect(medianFirstAnswerMs(firstAnswersOf([10 * MINUTE, 70 * MINUTE, 80 * MINUTE]))).toBe(75 * MINUTE);
  });

  it('is never further from the exact median than the steps holding the middle are wide (1,000 random samples)', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const width = (ms: number) => {
      const step = statedStep(ms);
      return Math.min(BOUNDS[step + 1], 10_000) * HOUR - BOUNDS[step] * HOUR;
    };
    for (let trial = 0; trial < 1000; trial++) {
      const size = 1 + Math.floor(random() * 60);
      // Mostly within three days, a few much later: the shape of real first answers.
      const times = Array.from({ length: size }, () => Math.floor((random() < 0.9 ? random() * 72 : random() * 2000) * HOUR));
      const sorted = [...times].sort((a, b) => a - b);
      const middle = size % 2 ? [sorted[(size - 1) / 2]] : [sorted[size / 2 - 1], sorted[size / 2]];
      const allowed = middle.reduce((sum, ms) => sum + width(ms), 0) / middle.length;
      expect(Math.abs(medianFirstAnswerMs(firstAnswersOf(times))! - median(times)!)).toBeLessThanOrEqual(allowed);
    }
  });
});

describe('the first answer of a case', () => {
  const submittedAt = new Date('2025-11-21T02:00:00Z');
  it.each([
    ['accepted 3 h later', { status: 'accepted', acceptedAt: new Date(submittedAt.getTime() + 3 * HOUR) }, 3 * HOUR],
    ['closed, accepted after 30 min', { status: 'closed', acceptedAt: new Date(submittedAt.getTime() + 30 * MINUTE) }, 30 * MINUTE],
    ['rejected 6 h later (its last change)', { status: 'rejected', updatedAt: new Date(submittedAt.getTime() + 6 * HOUR) }, 6 * HOUR],
    ['still waiting', { status: 'submitted', updatedAt: new Date(submittedAt.getTime() + 9 * HOUR) }, undefined],
    ['withdrawn', { status: 'withdrawn', updatedAt: new Date(submittedAt.getTime() + HOUR) }, undefined],
    ['merged before acceptance', { status: 'closed', updatedAt: new Date(submittedAt.getTime() + HOUR) }, undefined],
  ] as const)('%s: %p', (_what, fields, expected) => {
    expect(firstAnswerMs({ submittedAt, updatedAt: submittedAt, ...fields } as never)).toBe(expected);
  });
});

describe('a station’s month of totals', () => {
  const at = (iso: string, over: Partial<CaseState> = {}): TotalledCase => {
    // The fixture's accepted case is assigned to dp-1: start from one assigned to nobody.
    const { assignedDeputyId: _fixtureDeputy, ...accepted } = caseIn('accepted');
    return { ...accepted, submittedAt: new Date(iso), acceptedAt: new Date(Date.parse(iso) + HOUR), ...over };
  };
  // Shanghai days: 23:59 on 20 November (15:59 UTC) and 00:00 on 21 November (16:00 UTC).
  const cases = [
    at('2025-11-20T15:59:00Z', { assignedDeputyId: 'dp-1' }),
    at('2025-11-20T16:00:00Z', { assignedDeputyId: 'dp-1' }),
    at('2025-11-21T03:00:00Z', { assignedDeputyId: 'dp-2' }),
    at('2025-11-21T04:00:00Z'),
    { ...caseIn('withdrawn'), submittedAt: new Date('2025-11-21T05:00:00Z') },
  ];

  it('counts each case on its Shanghai day of submission', () => {
    const { days } = stationMonthTotals(cases);
    expect([...days.keys()].sort()).toEqual(['2025-11-20', '2025-11-21']);
    expect(days.get('2025-11-20')!.station.received).toBe(1);
    expect(days.get('2025-11-21')!.station).toMatchObject({ ...tally(cases.slice(1)) });
  });

  it('counts a case for the deputy it is assigned to, and no deputy for the others', () => {
    const { month } = stationMonthTotals(cases);
    expect([...month.deputies.keys()].sort()).toEqual(['dp-1', 'dp-2']);
    expect(month.deputies.get('dp-1')!.received).toBe(2);
    expect(month.station.received).toBe(4);
  });

  it('is the sum of its days, counts and first answers alike', () => {
    const { month, days } = stationMonthTotals(cases);
    const summed = [...days.values()].map((d) => d.station).reduce(addTotals, NO_TOTALS);
    expect(summed).toEqual(month.station);
    expect(month.station).toEqual(totalsOf(cases));
  });
});

describe('a period as years, months and days', () => {
  it.each([
    ['a calendar year', '2025-01-01', '2025-12-31', { years: { from: '2025', to: '2025' }, months: [], days: [] }],
    ['a leap calendar year', '2024-01-01', '2024-12-31', { years: { from: '2024', to: '2024' }, months: [], days: [] }],
    [
      'the station page’s rolling year',
      '2024-11-26',
      '2025-11-25',
      {
        months: [{ from: '2024-12', to: '2025-10' }],
        days: [
          { from: '2024-11-26', to: '2024-11-30' },
          { from: '2025-11-01', to: '2025-11-25' },
        ],
      },
    ],
    ['this year so far', '2026-01-01', '2026-12-06', { months: [{ from: '2026-01', to: '2026-11' }], days: [{ from: '2026-12-01', to: '2026-12-06' }] }],
    ['a year from 1 December', '2024-12-01', '2025-11-30', { months: [{ from: '2024-12', to: '2025-11' }], days: [] }],
    ['one day', '2025-03-05', '2025-03-05', { months: [], days: [{ from: '2025-03-05', to: '2025-03-05' }] }],
    ['three weeks over a month’s end', '2025-01-20', '2025-02-10', { months: [], days: [{ from: '2025-01-20', to: '2025-02-10' }] }],
    ['a leap February', '2024-02-01', '2024-02-29', { months: [{ from: '2024-02', to: '2024-02' }], days: [] }],
    ['February but its last day', '2025-02-01', '2025-02-27', { months: [], days: [{ from: '2025-02-01', to: '2025-02-27' }] }],
    [
      'a month and a day each side',
      '2025-01-31',
      '2025-03-01',
      {
        months: [{ from: '2025-02', to: '2025-02' }],
        days: [
          { from: '2025-01-31', to: '2025-01-31' },
          { from: '2025-03-01', to: '2025-03-01' },
        ],
      },
    ],
    ['over the new year', '2024-12-15', '2025-01-31', { months: [{ from: '2025-01', to: '2025-01' }], days: [{ from: '2024-12-15', to: '2024-12-31' }] }],
    ['a year and a day', '2023-12-31', '2024-12-31', { years: { from: '2024', to: '2024' }, months: [], days: [{ from: '2023-12-31', to: '2023-12-31' }] }],
  ])('%s (%s to %s)', (_what, from, to, expected) => {
    expect(periodParts({ from, to })).toEqual(expected);
  });

  it('covers every day of any period exactly once', () => {
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const start = Date.UTC(2023, 11, 1);
    const within = (value: string, range: { from: string; to: string }) => value >= range.from && value <= range.to;
    for (let i = 0; i < 400; i += 7) {
      for (const length of [1, 5, 28, 31, 45, 90, 365, 366]) {
        const from = day(start + i * 86_400_000);
        const to = day(start + (i + length - 1) * 86_400_000);
        const parts = periodParts({ from, to });
        for (let d = -2; d < length + 2; d++) {
          const date = day(start + (i + d) * 86_400_000);
          const hits =
            (parts.years && within(date.slice(0, 4), parts.years) ? 1 : 0) +
            parts.months.filter((r) => within(date.slice(0, 7), r)).length +
            parts.days.filter((r) => within(date, r)).length;
          expect([date, hits]).toEqual([date, d >= 0 && d < length ? 1 : 0]);
        }
      }
    }
  });
});
