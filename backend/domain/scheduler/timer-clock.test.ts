import { runClock } from './timer-clock';

const NOW = new Date('2026-11-21T02:00:00Z');

describe('the clock of a scheduler run', () => {
  it('is the timer event’s Time', () => {
    expect(runClock({ Type: 'Timer', TriggerName: 'tick', Time: '2026-12-07T01:00:00Z', Message: '' }, NOW)).toEqual(new Date('2026-12-07T01:00:00Z'));
    expect(runClock({ Time: '2026-12-07T09:00:00+08:00' }, NOW)).toEqual(new Date('2026-12-07T01:00:00Z'));
  });

  it('is now when the event carries no Time (a manual run)', () => {
    expect(runClock({}, NOW)).toBe(NOW);
    expect(runClock(undefined, NOW)).toBe(NOW);
    expect(runClock({ Type: 'Timer', Time: '' }, NOW)).toBe(NOW);
  });

  it('refuses a Time that is not an instant', () => {
    for (const Time of ['tomorrow', '2026-11-21', '2026-13-40T00:00:00Z', 1764000000000, { $gt: 0 }]) {
      expect(runClock({ Time }, NOW)).toBeUndefined();
    }
  });
});
