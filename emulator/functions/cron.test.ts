import { nextFire, parseCron } from './cron';

/** A Beijing wall-clock time as the instant it is. */
const beijing = (text: string): Date => new Date(`${text}+08:00`);

describe('SCF timer cron, read in Beijing time', () => {
  it('fires every 10 minutes on the minute', () => {
    const cron = parseCron('0 */10 * * * * *');
    expect(nextFire(cron, beijing('2026-11-22T09:03:27'))).toEqual(beijing('2026-11-22T09:10:00'));
    expect(nextFire(cron, beijing('2026-11-22T09:10:00'))).toEqual(beijing('2026-11-22T09:20:00'));
    expect(nextFire(cron, beijing('2026-11-22T23:55:00'))).toEqual(beijing('2026-11-23T00:00:00'));
  });

  it('reads hours in Beijing time, not UTC', () => {
    // 09:00 Beijing is 01:00 UTC.
    expect(nextFire(parseCron('0 0 9 * * * *'), beijing('2026-11-22T10:00:00'))).toEqual(new Date('2026-11-23T01:00:00Z'));
  });

  it('takes lists, ranges, steps, weekdays and years', () => {
    // Weekdays 1–5 at 08:30: from Saturday 2026-11-21 the next is Monday the 23rd.
    expect(nextFire(parseCron('0 30 8 * * 1-5 *'), beijing('2026-11-21T12:00:00'))).toEqual(beijing('2026-11-23T08:30:00'));
    // The 10th of each month at 09:00 and 14:00.
    const tenth = parseCron('0 0 9,14 10 * ? *');
    expect(nextFire(tenth, beijing('2026-11-10T09:00:00'))).toEqual(beijing('2026-11-10T14:00:00'));
    expect(nextFire(tenth, beijing('2026-11-10T14:00:00'))).toEqual(beijing('2026-12-10T09:00:00'));
    expect(nextFire(parseCron('0 0 0 1 1 * 2027'), beijing('2026-11-22T00:00:00'))).toEqual(beijing('2027-01-01T00:00:00'));
    expect(nextFire(parseCron('0 0 0 1 1 * 2025'), beijing('2026-11-22T00:00:00'))).toBeUndefined();
  });

  it.each(['0 */10 * * * *', '0 */10 * * * * * *', '0 60 * * * * *', '0 5-1 * * * * *', 'x * * * * * *', '0 0 9 * JAN * *'])(
    'refuses "%s" rather than never firing',
    (source) => {
      expect(() => parseCron(source)).toThrow(/timer cron/);
    },
  );
});
