import { actors, caseIn, daysAgo, NOW } from './case.fixtures';
import { isOffered, offeredCommands } from './case.offers';
import { availableCommands } from './case.policy';
import { CASE_STATUSES } from './case.status';

describe('the commands offered as buttons', () => {
  it('offer no 重办 after a satisfied rating, and no rating twice', () => {
    const satisfied = caseIn('closed', { rating: { value: 'satisfied', at: daysAgo(1) }, closure: { at: daysAgo(1), how: 'rating', withoutRating: false } });
    expect(availableCommands(actors.owner, satisfied)).toContain('request_reopen');
    expect(offeredCommands(actors.owner, satisfied, NOW)).not.toContain('request_reopen');
    const rated = caseIn('replied', { rating: { value: 'unsatisfied', at: daysAgo(1) } });
    expect(offeredCommands(actors.owner, rated, NOW)).toEqual(['supplement', 'request_reopen']);
  });

  it('offer 办结 to the officer only once the quiet period is over or the resident rated', () => {
    expect(offeredCommands(actors.officer, caseIn('replied', { repliedAt: daysAgo(2) }), NOW)).not.toContain('close');
    expect(offeredCommands(actors.officer, caseIn('replied', { repliedAt: daysAgo(8) }), NOW)).toContain('close');
  });

  it('offer everything the table allows when the data allows it too (the fixtures are arranged so)', () => {
    for (const status of CASE_STATUSES) {
      for (const actor of Object.values(actors)) {
        const state = caseIn(status);
        expect(offeredCommands(actor, state, NOW)).toEqual(availableCommands(actor, state));
      }
    }
  });

  it('answer for one command as the whole list does (待评价 on 我的留言)', () => {
    const rated = caseIn('replied', { rating: { value: 'unsatisfied', at: daysAgo(1) } });
    expect(isOffered(actors.owner, caseIn('replied'), 'rate', NOW)).toBe(true);
    expect(isOffered(actors.owner, rated, 'rate', NOW)).toBe(false);
    expect(isOffered(actors.owner, caseIn('in_progress'), 'rate', NOW)).toBe(false);
    expect(isOffered(actors.otherResident, caseIn('replied'), 'rate', NOW)).toBe(false);
    for (const status of CASE_STATUSES) {
      for (const actor of Object.values(actors)) {
        const state = caseIn(status);
        for (const kind of availableCommands(actor, state)) expect(isOffered(actor, state, kind, NOW)).toBe(offeredCommands(actor, state, NOW).includes(kind));
      }
    }
  });

  it('offer nothing to someone who may not act', () => {
    expect(offeredCommands(actors.otherResident, caseIn('submitted'), NOW)).toEqual([]);
    expect(offeredCommands(actors.officerElsewhere, caseIn('submitted'), NOW)).toEqual([]);
  });
});
