import { shanghaiClockText, shanghaiInstant, shanghaiWallClock } from '../../miniprogram/utils/china-time';

// Expectations written by hand: Shenzhen is UTC+8 all year (no daylight saving since 1991).
describe('China time on the phone, whatever its own zone', () => {
  it.each([
    ['2026-11-21', '09:30', '2026-11-21T01:30:00.000Z'],
    ['2026-11-21', '00:00', '2026-11-20T16:00:00.000Z'],
    ['2026-01-01', '07:59', '2025-12-31T23:59:00.000Z'],
  ])('%s %s in Shenzhen is %s', (date, hhmm, iso) => {
    expect(new Date(shanghaiInstant(date, hhmm)).toISOString()).toBe(iso);
  });

  it('reads an instant on the Shenzhen wall clock, across midnight and the year end', () => {
    expect(shanghaiClockText(new Date('2026-11-21T16:05:09Z'))).toBe('00:05');
    expect(shanghaiClockText(new Date('2026-11-21T16:05:09Z'), true)).toBe('00:05:09');
    expect(shanghaiWallClock(new Date('2026-12-31T16:00:00Z')).getUTCFullYear()).toBe(2027);
  });

  it('answers nothing for what is not a time', () => {
    expect(shanghaiClockText(new Date('not a time'))).toBe('');
    expect(shanghaiInstant('2026-11-21', '9:30')).toBeNaN();
  });
});
