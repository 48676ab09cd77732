import { addDays, shanghaiDate } from './calendar';

describe('calendar in Asia/Shanghai', () => {
  it.each([
    ['2026-11-21T15:59:59Z', '2026-11-21'],
    ['2026-11-21T16:00:00Z', '2026-11-22'], // midnight in Shenzhen is 16:00 UTC
    ['2026-12-31T20:00:00Z', '2027-01-01'],
  ])('%s is %s in Shenzhen', (instant, date) => {
    expect(shanghaiDate(new Date(instant))).toBe(date);
  });

  it.each([
    ['2026-11-21', 60, '2027-01-20'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});
