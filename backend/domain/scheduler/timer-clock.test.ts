import { CLOCK_TOLERANCE_MS, runClock, timerRun } from './timer-clock';

const NOW = new Date('2026-11-21T02:00:00Z');
const TIMER = { source: 'wx_trigger', openid: '' };
const tick = (Time?: unknown) => ({ Type: 'Timer', TriggerName: 'tick', Time, Message: '' });

describe('the clock of a scheduler run', () => {
  it('is the timer event’s Time', () => {
    expect(runClock(tick('2026-12-07T01:00:00Z'), NOW)).toEqual(new Date('2026-12-07T01:00:00Z'));
    expect(runClock({ Time: '2026-12-07T09:00:00+08:00' }, NOW)).toEqual(new Date('2026-12-07T01:00:00Z'));
  });

  it('is now when the event carries no Time', () => {
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

describe('who may start a run', () => {
  it('runs for its own timer trigger, at the trigger’s Time', () => {
    expect(timerRun(tick('2026-11-21T02:00:00Z'), TIMER, NOW)).toEqual({ ok: true, value: NOW });
    expect(timerRun(tick(), TIMER, NOW)).toEqual({ ok: true, value: NOW });
  });

  it.each([
    ['the mini-program', tick(), { source: 'wx_client', openid: 'o-resident' }],
    ['WeChat’s HTTP API, with no user', tick(), { source: 'wx_http', openid: '' }],
    ['another function', tick(), { source: 'wx_trigger,scf', openid: '' }],
    ['the console or a script', tick(), { source: '', openid: '' }],
    ['a timer event carrying a user', tick(), { source: 'wx_trigger', openid: 'o-resident' }],
    ['another trigger of the function', { ...tick(), TriggerName: 'other' }, TIMER],
    ['an event that is not a timer’s', { Type: 'Cos', TriggerName: 'tick' }, TIMER],
  ])('refuses %s', (_who, event, call) => {
    expect(timerRun(event, call, NOW)).toEqual({ ok: false, failure: { code: 'FORBIDDEN' } });
  });

  it('takes a Time a few minutes off (a late start), and refuses one further off', () => {
    const off = (ms: number) => tick(new Date(NOW.getTime() + ms).toISOString());
    expect(timerRun(off(CLOCK_TOLERANCE_MS), TIMER, NOW).ok).toBe(true);
    expect(timerRun(off(-CLOCK_TOLERANCE_MS), TIMER, NOW).ok).toBe(true);
    for (const ms of [CLOCK_TOLERANCE_MS + 1000, -CLOCK_TOLERANCE_MS - 1000, 400 * 24 * 3600 * 1000]) {
      expect(timerRun(off(ms), TIMER, NOW)).toEqual({ ok: false, failure: { code: 'INVALID_INPUT', field: 'Time', detail: '触发时间与当前时间相差过大' } });
    }
    expect(timerRun(tick('tomorrow'), TIMER, NOW)).toEqual({ ok: false, failure: { code: 'INVALID_INPUT', field: 'Time', detail: '触发时间格式不正确' } });
  });
});
