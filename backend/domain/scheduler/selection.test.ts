import { caseIn, daysAgo, NOW } from '../case/case.fixtures';
import type { CaseStatus } from '../case/case.status';
import {
  autoCloseCutoff,
  dueReminderId,
  dueReminderKey,
  dueReminderWindow,
  escalationRepeatCutoff,
  isAutoClosable,
  isEscalationDue,
  needsDueReminder,
  responsibleHandlers,
} from './selection';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe('auto-closing unrated replies', () => {
  it('selects replies 15 days old or older', () => {
    expect(autoCloseCutoff(NOW).toISOString()).toBe(daysAgo(15).toISOString());
    expect(isAutoClosable({ status: 'replied', repliedAt: daysAgo(15) }, NOW)).toBe(true);
    expect(isAutoClosable({ status: 'replied', repliedAt: daysAgo(16) }, NOW)).toBe(true);
  });

  it('leaves a reply younger than 15 days', () => {
    expect(isAutoClosable({ status: 'replied', repliedAt: new Date(daysAgo(15).getTime() + 1) }, NOW)).toBe(false);
    expect(isAutoClosable({ status: 'replied', repliedAt: daysAgo(14) }, NOW)).toBe(false);
  });

  it('leaves a rated reply (不满意 waits for the officer or a 重办) and anything not replied', () => {
    expect(isAutoClosable({ status: 'replied', repliedAt: daysAgo(20), rating: { value: 'unsatisfied', at: daysAgo(19) } }, NOW)).toBe(false);
    for (const status of ['in_progress', 'closed', 'accepted'] as CaseStatus[]) {
      expect(isAutoClosable({ status, repliedAt: daysAgo(20) }, NOW)).toBe(false);
    }
  });
});

describe('escalating overdue cases (督办)', () => {
  const overdue = { status: 'accepted' as const, dueAt: at(-HOUR) };

  it('selects an open case past its due time that was never escalated', () => {
    expect(isEscalationDue(overdue, NOW)).toBe(true);
    expect(isEscalationDue({ ...overdue, status: 'transferred' }, NOW)).toBe(true);
  });

  it('not before the due time has passed, nor for a case nobody owes anything', () => {
    expect(isEscalationDue({ status: 'accepted', dueAt: NOW }, NOW)).toBe(false);
    expect(isEscalationDue({ status: 'replied', dueAt: at(-DAY) }, NOW)).toBe(false);
    expect(isEscalationDue({ status: 'accepted' }, NOW)).toBe(false);
  });

  it('again only 3 days after the last 督办', () => {
    expect(escalationRepeatCutoff(NOW).toISOString()).toBe(daysAgo(3).toISOString());
    expect(isEscalationDue({ ...overdue, lastEscalatedAt: at(-HOUR) }, NOW)).toBe(false);
    expect(isEscalationDue({ ...overdue, lastEscalatedAt: at(-3 * DAY + 1) }, NOW)).toBe(false);
    expect(isEscalationDue({ ...overdue, lastEscalatedAt: daysAgo(3) }, NOW)).toBe(true);
  });
});

describe('reminding handlers of a deadline', () => {
  it('covers the next 24 hours, the due instant included', () => {
    expect(dueReminderWindow(NOW)).toEqual({ after: NOW, until: at(DAY) });
    expect(needsDueReminder({ status: 'accepted', dueAt: at(DAY) }, NOW)).toBe(true);
    expect(needsDueReminder({ status: 'submitted', dueAt: at(HOUR) }, NOW)).toBe(true);
  });

  it('not earlier, not once overdue (escalation takes over), not when nothing is owed', () => {
    expect(needsDueReminder({ status: 'accepted', dueAt: at(DAY + 1) }, NOW)).toBe(false);
    expect(needsDueReminder({ status: 'accepted', dueAt: NOW }, NOW)).toBe(false);
    expect(needsDueReminder({ status: 'replied', dueAt: at(HOUR) }, NOW)).toBe(false);
    expect(needsDueReminder({ status: 'accepted' }, NOW)).toBe(false);
  });

  it('tells the station’s officers, and the deputy once one is assigned', () => {
    expect(responsibleHandlers(caseIn('submitted', { assignedDeputyId: undefined }))).toEqual({ stationId: 'st-ft-hf' });
    expect(responsibleHandlers(caseIn('accepted', { assignedDeputyId: 'dp-1' }))).toEqual({ stationId: 'st-ft-hf', deputyId: 'dp-1' });
  });

  it('is keyed by case, deadline and person, so each is queued once', () => {
    const dueAt = new Date('2026-12-06T15:59:59.999Z');
    expect(dueReminderKey('case-1', dueAt)).toBe('case-1:due:1796572799999');
    expect(dueReminderId('case-1', dueAt, 'o-officer')).toBe('case-1:due:1796572799999:o-officer');
    expect(dueReminderId('case-1', new Date(dueAt.getTime() + DAY), 'o-officer')).not.toBe(dueReminderId('case-1', dueAt, 'o-officer'));
  });
});
