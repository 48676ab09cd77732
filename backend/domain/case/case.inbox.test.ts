import { actors } from './case.fixtures';
import { inboxPlan, pageWindows, queueLine, restIsActive } from './case.inbox';
import { transferDeadline } from './deadlines';

const NOW = new Date('2026-03-10T04:00:00Z'); // 12:00 in Shanghai

describe("the handlers' queue", () => {
  it('reads open cases by due time, then the cases with nothing due', () => {
    expect(inboxPlan('open', NOW)).toEqual({
      due: { statuses: ['submitted', 'accepted', 'transferred', 'in_progress'] },
      rest: { statuses: ['replied'] },
    });
    expect(inboxPlan('all', NOW).rest?.statuses).toEqual(['rejected', 'replied', 'closed', 'withdrawn']);
  });

  it('overdue is the open cases due before now, triage the submitted ones, closed has nothing due', () => {
    expect(inboxPlan('overdue', NOW)).toEqual({ due: { statuses: ['submitted', 'accepted', 'transferred', 'in_progress'], dueBefore: NOW } });
    expect(inboxPlan('triage', NOW)).toEqual({ due: { statuses: ['submitted'] } });
    expect(inboxPlan('closed', NOW)).toEqual({ rest: { statuses: ['closed', 'rejected', 'withdrawn'] } });
  });

  it.each([
    // Still owed to the resident: one read over the active cases serves the whole list.
    ['open', true],
    ['triage', false],
    ['overdue', false],
    // Finished cases pile up for years: they keep a read of their own, by their index.
    ['closed', false],
    ['all', false],
  ] as const)('the %s filter lists only active cases after its due ones: %s', (filter, expected) => {
    expect(restIsActive(inboxPlan(filter, NOW))).toBe(expected);
  });

  it.each([
    // start, count, dueTotal → windows
    [0, 21, 40, { due: { skip: 0, limit: 21 } }],
    [20, 21, 30, { due: { skip: 20, limit: 10 }, rest: { skip: 0, limit: 11 } }],
    [40, 21, 30, { rest: { skip: 10, limit: 21 } }],
    [0, 21, 0, { rest: { skip: 0, limit: 21 } }],
    [20, 21, 20, { rest: { skip: 0, limit: 21 } }],
  ])('page from %i (%i items) over %i due cases', (start, count, dueTotal, windows) => {
    expect(pageWindows(start, count, dueTotal)).toEqual(windows);
  });
});

describe("a transfer's deadline", () => {
  it('is the end of the chosen Shanghai day', () => {
    expect(transferDeadline('2026-03-11', NOW)).toEqual({ ok: true, value: new Date('2026-03-11T15:59:59.999Z') });
  });

  it.each(['2026-03-10', '2026-03-09'])('must be after today (%s refused)', (date) => {
    expect(transferDeadline(date, NOW)).toMatchObject({ ok: false, failure: { code: 'INVALID_INPUT', field: 'deadline' } });
  });

  it('today is the Shanghai day: at 23:30 on the 10th, the 11th is still fine', () => {
    expect(transferDeadline('2026-03-11', new Date('2026-03-10T15:30:00Z')).ok).toBe(true);
    expect(transferDeadline('2026-03-11', new Date('2026-03-10T16:30:00Z')).ok).toBe(false);
  });
});

describe('a queue line for its reader', () => {
  const row = { title: '电话13800138000楼道积水', stationId: 'st-ft-hf', status: 'submitted' as const, held: { reason: 'deputy_flood' as const, at: new Date() } };

  it('masks the title for all but the station’s officer, and marks the hold for officers and the district office', () => {
    expect(queueLine(row, actors.officer)).toEqual({ title: row.title, held: 'deputy_flood' });
    expect(queueLine(row, actors.admin)).toEqual({ title: '电话138****8000楼道积水', held: 'deputy_flood' });
    expect(queueLine(row, actors.assignedDeputy)).toEqual({ title: '电话138****8000楼道积水' });
    expect(queueLine({ ...row, status: 'accepted' }, actors.officer)).toEqual({ title: row.title });
  });
});
