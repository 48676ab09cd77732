import { actors, caseIn, NOW } from './case.fixtures';
import { canRead, mayIssue } from './case.policy';
import { DEPUTY_FLOOD_LIMITS, floodWindowStart, holdFor, isHeld, releasedStatuses } from './case.hold';
import { CASE_STATUSES } from './case.status';
import type { CaseStatus } from './case.status';

const held = { reason: 'deputy_flood' as const, at: NOW };

describe('holding a flood of messages to one deputy', () => {
  it('holds the 4th case within 30 minutes, not the 3rd', () => {
    expect(DEPUTY_FLOOD_LIMITS).toEqual({ windowMinutes: 30, casesBeforeHold: 3 });
    expect(holdFor(2, NOW)).toBeUndefined();
    expect(holdFor(3, NOW)).toEqual({ reason: 'deputy_flood', at: NOW });
    expect(NOW.getTime() - floodWindowStart(NOW).getTime()).toBe(30 * 60_000);
  });

  it.each<[CaseStatus, boolean]>(CASE_STATUSES.map((status) => [status, status === 'submitted' || status === 'withdrawn']))(
    'a held case in %s is still held: %s',
    (status, stillHeld) => {
      expect(isHeld({ held, status })).toBe(stillHeld);
      expect(isHeld({ status })).toBe(false);
      expect(releasedStatuses([status])).toEqual(stillHeld ? [] : [status]);
    },
  );

  it('keeps a held case from the deputy it was addressed to until triage, not from the officer', () => {
    const waiting = { ...caseIn('submitted', { assignedDeputyId: undefined }), held };
    expect(canRead(actors.addressedDeputy, waiting)).toBe(false);
    expect(mayIssue(actors.addressedDeputy, waiting, 'request_transfer')).toBe(false);
    expect(canRead(actors.officer, waiting)).toBe(true);
    expect(canRead(actors.owner, waiting)).toBe(true);
    const accepted = { ...caseIn('accepted', { assignedDeputyId: undefined }), held };
    expect(canRead(actors.addressedDeputy, accepted)).toBe(true);
    const rejected = { ...caseIn('rejected', { assignedDeputyId: undefined }), held };
    expect(canRead(actors.addressedDeputy, rejected)).toBe(true);
  });
});
