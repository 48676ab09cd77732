import type { DutyActivity, DutyBooking, DutyCase, DutyCheckIn, DutyEvent } from './index';
import { countDuty, currentDutyYear, dutyItems, dutyRecordInput, dutyReportRatings, dutyYear, recentDutyEntries } from './index';

/** An instant at a Beijing wall-clock time. */
const bj = (local: string) => new Date(`${local}+08:00`);

const event = (kind: DutyEvent['kind'], caseId: string, at: string): DutyEvent => ({ kind, caseId, at: bj(at) });
const checkIn = (receptionId: string, date: string, proof: DutyCheckIn['proof'] = 'presence-code+location', kind: DutyCheckIn['kind'] = 'reception'): DutyCheckIn => ({
  receptionId,
  stationName: '华富街道人大代表联络站',
  kind,
  date,
  at: bj(`${date}T09:05:00`),
  proof,
});
const booking = (openid: string, receptionId: string, at: string): DutyBooking => ({ openid, receptionId, startsAt: bj(at), slot: '09:30–10:00' });
const aCase = (id: string, ownerOpenid: string, satisfiedAt?: string): [string, DutyCase] => [
  id,
  { id, title: `留言 ${id}`, ownerOpenid, ...(satisfiedAt ? { satisfiedAt: bj(satisfiedAt) } : {}) },
];

const activity = (over: Partial<DutyActivity>): DutyActivity => ({ events: [], checkIns: [], cases: new Map(), bookings: [], reports: [], ...over });

describe('the duty record counts', () => {
  const year: DutyActivity = activity({
    events: [
      event('replied', 'c1', '2025-03-01T10:00:00'),
      event('replied', 'c1', '2025-03-09T10:00:00'), // replied again after a 重办: two replies, one voter, one practical thing
      event('replied', 'c2', '2025-03-01T23:59:00'), // same Beijing day as the first reply
      event('followed_up', 'c3', '2025-04-02T09:00:00'),
      event('followed_up', 'c4', '2025-04-02T15:00:00'), // the same outing: one visit
      event('followed_up', 'c1', '2025-05-06T00:00:00'),
      event('transfer_requested', 'c6', '2025-06-02T10:00:00'),
    ],
    cases: new Map([
      aCase('c1', 'o-a', '2025-03-10T08:00:00'),
      aCase('c2', 'o-b'),
      aCase('c3', 'o-a', '2025-01-15T08:00:00'), // satisfied, but only followed up by this deputy
      aCase('c4', 'o-c'),
      aCase('c6', 'o-e'), // a transfer request: not a contact
    ]),
    checkIns: [checkIn('r1', '2025-03-01'), checkIn('r2', '2025-07-10')],
    // 代表建议 from the system: one authored, one co-signed, submitted on a day of a reply.
    suggestions: [
      { id: 's1', title: '关于加装电梯的建议', submittedAt: bj('2025-06-01T10:00:00'), role: 'author' },
      { id: 's2', title: '关于停车管理的建议', submittedAt: bj('2025-03-09T16:00:00'), role: 'cosigner' },
    ],
    bookings: [
      booking('o-f', 'r1', '2025-03-01T09:30:00'),
      booking('o-a', 'r2', '2025-07-10T09:30:00'), // already counted through a case
      booking('o-g', 'r9', '2025-08-10T09:30:00'), // a reception the deputy did not check in to
    ],
  });

  it('counts each item by its rule', () => {
    expect(countDuty(year)).toEqual({
      votersContacted: 4, // o-a, o-b, o-c (cases replied or followed up), o-f (booking at a checked-in reception)
      visits: 2, // 回访 on 2025-04-02 (twice) and 2025-05-06
      activeDays: 7, // 03-01 (check-in, two replies), 03-09, 04-02, 05-06, 06-01, 06-02, 07-10 (check-in)
      practicalThings: 1, // c1 only: replied and closed satisfied
      suggestions: 2, // s1 authored, s2 co-signed
      receptions: 2,
      groupActivities: 0,
      replies: 3,
      followUps: 3,
      reports: 0,
      offlineActivities: 0,
      forums: 0,
      visitors: 0, // no 接待日登记
    });
  });

  it('counts active days on Shanghai dates: 23:59 and 00:00 Beijing are different days', () => {
    const counts = countDuty(activity({ events: [event('replied', 'c1', '2025-03-01T23:59:00'), event('replied', 'c2', '2025-03-02T00:00:00')] }));
    expect(counts.activeDays).toBe(2);
  });

  it('of a year with nothing done is all zeros, quotas still shown', () => {
    const items = dutyItems(countDuty(activity({})));
    expect(items.map((item) => [item.key, item.count, item.quota])).toEqual([
      ['votersContacted', 0, 30],
      ['visits', 0, 3],
      ['activeDays', 0, 10],
      ['practicalThings', 0, 1],
      ['suggestions', 0, 1],
      ['receptions', 0, 6],
      ['groupActivities', 0, 3],
      ['replies', 0, undefined],
      ['followUps', 0, undefined],
      ['reports', 0, undefined],
      ['offlineActivities', 0, undefined],
      ['forums', 0, undefined],
      ['visitors', 0, undefined],
    ]);
    expect(items.find((item) => item.key === 'visits')?.label).toContain('回访');
    expect(items.every((item) => item.unit.length > 0)).toBe(true);
  });
});

describe('forums and meetings, on the schedule and recorded by hand', () => {
  const offline = (id: string, kind: 'forum' | 'officials' | 'inspection', date: string) => ({ id, kind, date, place: '华富街道', confirmedAt: bj(`${date}T18:00:00`) });
  const forum = (id: string, kind: 'forum' | 'meeting', date: string) => ({ id, kind, topic: '停车难', date });

  it.each([
    // [what happened, schedule events, confirmed records, forums, groupActivities]
    ['one forum published and also recorded by hand the same day: one occasion', [forum('e1', 'forum', '2025-05-10')], [offline('a1', 'forum', '2025-05-10')], 1, 1],
    ['a forum and a meeting with the 一府两院 the same day: two occasions', [forum('e1', 'forum', '2025-05-10'), forum('e2', 'meeting', '2025-05-10')], [], 2, 1],
    [
      'a meeting published, the same meeting recorded by hand: one, not a group activity',
      [forum('e2', 'meeting', '2025-06-01')],
      [offline('a2', 'officials', '2025-06-01')],
      1,
      0,
    ],
    ['a forum recorded by hand on another day than the published one: two', [forum('e1', 'forum', '2025-05-10')], [offline('a1', 'forum', '2025-05-11')], 2, 2],
    ['an inspection is a group activity, never a forum', [], [offline('a3', 'inspection', '2025-05-10')], 0, 1],
  ] as const)('%s', (_what, forums, records, expectedForums, expectedGroup) => {
    const counts = countDuty(activity({ forums: [...forums], offline: [...records] }));
    expect([counts.forums, counts.groupActivities]).toEqual([expectedForums, expectedGroup]);
  });
});

describe('the recent entries', () => {
  it('are the latest first, at most 20, each with a short Chinese line', () => {
    const events = Array.from({ length: 25 }, (_, i) => event('replied', `c${i}`, `2025-03-${String(i + 1).padStart(2, '0')}T10:00:00`));
    const recent = recentDutyEntries(activity({ events, cases: new Map([aCase('c24', 'o-a')]) }));
    expect(recent).toHaveLength(20);
    expect(recent[0]).toEqual({ at: bj('2025-03-25T10:00:00').toISOString(), kind: 'replies', text: '答复留言「留言 c24」', caseId: 'c24' });
    expect(recent[19].caseId).toBe('c5');
  });

  it('say what each count is made of, and never name a resident', () => {
    const recent = recentDutyEntries(
      activity({
        events: [event('replied', 'c1', '2025-03-01T10:00:00'), event('transfer_requested', 'c2', '2025-03-02T10:00:00')],
        cases: new Map([aCase('c1', 'o-secret', '2025-03-03T10:00:00'), aCase('c2', 'o-secret')]),
        checkIns: [checkIn('r1', '2025-03-04')],
        bookings: [booking('o-secret', 'r1', '2025-03-04T09:30:00')],
      }),
    );
    expect(recent.map((entry) => [entry.kind, entry.text])).toEqual([
      ['votersContacted', '接待约访群众（09:30–10:00）'],
      ['receptions', '在华富街道人大代表联络站接待日签到'],
      ['practicalThings', '「留言 c1」办结，群众满意'],
      ['activeDays', '建议转办「留言 c2」'],
      ['replies', '答复留言「留言 c1」'],
    ]);
    expect(JSON.stringify(recent)).not.toContain('o-secret');
  });

  it('list each suggestion as raised or co-signed, its title cut and masked', () => {
    const recent = recentDutyEntries(
      activity({
        suggestions: [
          { id: 's1', title: '关于老旧小区加装电梯和停车位改造的综合性建议', submittedAt: bj('2025-06-01T10:00:00'), role: 'author' },
          { id: 's2', title: '联系13812345678', submittedAt: bj('2025-03-09T16:00:00'), role: 'cosigner' },
        ],
      }),
    );
    expect(recent).toEqual([
      { at: bj('2025-06-01T10:00:00').toISOString(), kind: 'suggestions', text: '提出代表建议「关于老旧小区加装电梯和停车位改造的综合性…」' },
      { at: bj('2025-03-09T16:00:00').toISOString(), kind: 'suggestions', text: '联名提出代表建议「联系138****5678」' },
    ]);
  });

  it('say how each check-in was proven; both kinds count as a reception', () => {
    const both = activity({ checkIns: [checkIn('r1', '2025-03-04', 'location'), checkIn('r2', '2025-04-10')] });
    expect(recentDutyEntries(both).map((entry) => [entry.text, entry.proof])).toEqual([
      ['在华富街道人大代表联络站接待日签到', 'presence-code+location'],
      ['在华富街道人大代表联络站接待日签到', 'location'],
    ]);
    expect(countDuty(both).receptions).toBe(2);
    // A check-in at a forum, a meeting or a 述职会 is no 进站接待: a day of activity, listed as such.
    const events = activity({
      checkIns: [
        checkIn('f1', '2025-05-06', 'presence-code+location', 'forum'),
        checkIn('m1', '2025-05-07', 'presence-code+location', 'meeting'),
        checkIn('s1', '2025-05-08', 'presence-code+location', 'report_meeting'),
        checkIn('r1', '2025-05-09'),
      ],
    });
    expect([countDuty(events).receptions, countDuty(events).activeDays]).toEqual([1, 4]);
    expect(recentDutyEntries(events).map((entry) => [entry.kind, entry.text])).toEqual([
      ['receptions', '在华富街道人大代表联络站接待日签到'],
      ['activeDays', '在华富街道人大代表联络站述职会签到'],
      ['activeDays', '在华富街道人大代表联络站约见一府两院签到'],
      ['activeDays', '在华富街道人大代表联络站代表论坛签到'],
    ]);
    // Only check-ins carry a proof.
    const reply = recentDutyEntries(activity({ events: [event('replied', 'c1', '2025-03-01T10:00:00')], cases: new Map([aCase('c1', 'o-a')]) }));
    expect(reply[0]).not.toHaveProperty('proof');
  });
});

describe('the year', () => {
  it('runs from midnight on 1 January to midnight after 31 December, Beijing time', () => {
    expect(dutyYear(2025)).toEqual({
      year: 2025,
      from: '2025-01-01',
      to: '2025-12-31',
      start: new Date('2024-12-31T16:00:00.000Z'),
      end: new Date('2025-12-31T16:00:00.000Z'),
    });
  });

  it('defaults to the current year in Shanghai, which starts 8 hours before UTC’s', () => {
    expect(currentDutyYear(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
    expect(currentDutyYear(new Date('2025-12-31T16:00:00Z'))).toBe(2026);
  });

  it.each([
    [{}, true],
    [{ year: 2000 }, true],
    [{ year: 2100 }, true],
    [{ year: 1999 }, false],
    [{ year: 2101 }, false],
    [{ year: 2025.5 }, false],
    [{ year: '2025' }, false],
  ])('input %p valid: %p', (input, valid) => {
    expect(dutyRecordInput(input, '').ok).toBe(valid);
  });
});

describe('述职报告 in the duty record', () => {
  const report = (id: string, title: string, at: string, ratings: { satisfied: number; basicallySatisfied: number; unsatisfied: number }) => ({
    id,
    title,
    publishedAt: bj(at),
    ratings,
  });
  const reports = [
    report('rp-1', '王伟代表2024年度履职情况报告', '2025-01-15T10:00:00', { satisfied: 4, basicallySatisfied: 2, unsatisfied: 1 }),
    report('rp-2', '半年述职，电话13812345678', '2025-07-15T10:00:00', { satisfied: 2, basicallySatisfied: 0, unsatisfied: 1 }),
  ];

  it('counts the reports published, without a quota', () => {
    expect(countDuty(activity({ reports })).reports).toBe(2);
  });

  it.each([
    // [reports, satisfied, basically, unsatisfied, total, rate]: hand-counted; a rate only from 10 ratings
    [[reports[0]], 4, 2, 1, 7, null],
    [reports, 6, 2, 2, 10, 0.8],
    [[], 0, 0, 0, 0, null],
  ])('sums the ratings of the reports: %#', (list, satisfied, basicallySatisfied, unsatisfied, total, rate) => {
    expect(dutyReportRatings(activity({ reports: list }))).toEqual({ satisfied, basicallySatisfied, unsatisfied, total, rate, minimum: 10 });
  });

  it('lists each publication among the recent entries, with its id and numbers masked', () => {
    const recent = recentDutyEntries(activity({ reports }));
    expect(recent).toEqual([
      { at: bj('2025-07-15T10:00:00').toISOString(), kind: 'reports', text: '发布述职报告「半年述职，电话138****5678」', reportId: 'rp-2' },
      { at: bj('2025-01-15T10:00:00').toISOString(), kind: 'reports', text: '发布述职报告「王伟代表2024年度履职情况报告」', reportId: 'rp-1' },
    ]);
  });
});
