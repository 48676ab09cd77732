import config from '../../../config/checkin.json';
import { shanghaiClock } from '../calendar';
import { checkInHours, checkInPhase, checkInWindowConfig } from './checkin.window';

const bj = (local: string) => new Date(`${local}+08:00`);

describe('check-in hours', () => {
  it('reads 30 minutes before the start and until the end from config/checkin.json', () => {
    expect(checkInWindowConfig(config)).toEqual({ opensMinutesBeforeStart: 30, closesMinutesAfterEnd: 0 });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a missing margin', { closesMinutesAfterEnd: 0 }, /opensMinutesBeforeStart must be a whole number of minutes from 0 to 120/],
    ['minutes as text', { opensMinutesBeforeStart: '30', closesMinutesAfterEnd: 0 }, /opensMinutesBeforeStart/],
    ['half minutes', { opensMinutesBeforeStart: 30, closesMinutesAfterEnd: 0.5 }, /closesMinutesAfterEnd must be a whole number of minutes from 0 to 60/],
    ['opening all day', { opensMinutesBeforeStart: 24 * 60, closesMinutesAfterEnd: 0 }, /opensMinutesBeforeStart/],
    ['closing hours late', { opensMinutesBeforeStart: 30, closesMinutesAfterEnd: 240 }, /closesMinutesAfterEnd/],
    ['a negative margin', { opensMinutesBeforeStart: -5, closesMinutesAfterEnd: 0 }, /opensMinutesBeforeStart/],
  ])('refuses %s', (_name, bad, message) => {
    expect(() => checkInWindowConfig(bad)).toThrow(message);
  });

  it('opens before the start and closes at the end, Beijing time', () => {
    const hours = checkInHours({ date: '2026-01-10', start: '09:00', end: '11:00' }, { opensMinutesBeforeStart: 30, closesMinutesAfterEnd: 0 });
    expect(hours).toEqual({ opensAt: bj('2026-01-10T08:30:00'), closesAt: bj('2026-01-10T11:00:00') });
    expect(hours.opensAt.toISOString()).toBe('2026-01-10T00:30:00.000Z');
    expect([shanghaiClock(hours.opensAt), shanghaiClock(hours.closesAt)]).toEqual(['08:30', '11:00']);
  });

  it('never reaches into the day before or after', () => {
    const hours = checkInHours({ date: '2026-01-10', start: '00:15', end: '23:50' }, { opensMinutesBeforeStart: 60, closesMinutesAfterEnd: 30 });
    expect(hours.opensAt).toEqual(bj('2026-01-10T00:00:00'));
    expect(hours.closesAt.getTime()).toBe(bj('2026-01-11T00:00:00').getTime() - 1);
    expect(shanghaiClock(hours.closesAt)).toBe('23:59');
  });

  it.each([
    ['2026-01-10T08:29:59.999', 'early'],
    ['2026-01-10T08:30:00', 'open'],
    ['2026-01-10T11:00:00', 'open'],
    ['2026-01-10T11:00:00.001', 'over'],
    ['2026-01-10T23:00:00', 'over'],
  ])('at %s it is %s', (local, phase) => {
    const hours = checkInHours({ date: '2026-01-10', start: '09:00', end: '11:00' }, { opensMinutesBeforeStart: 30, closesMinutesAfterEnd: 0 });
    expect(checkInPhase(hours, bj(local))).toBe(phase);
  });
});
