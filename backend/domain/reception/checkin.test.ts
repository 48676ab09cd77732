import { receptionFixture } from '../booking/booking.fixtures';
import { decideCheckIn } from './checkin';
import { describeDistance, haversineMetres } from './geo';

// 华富街道 station, and points north of it: 0.001° of latitude is about 111 m.
const STATION = { latitude: 22.5515, longitude: 114.0775 };
const north = (degrees: number) => ({ latitude: STATION.latitude + degrees, longitude: STATION.longitude });

describe('distance on the Earth', () => {
  it.each([
    ['the same point', STATION, STATION, 0, 0],
    ['0.001° of latitude', STATION, north(0.001), 111, 112],
    ['Shenzhen to Beijing (about 1,940 km)', STATION, { latitude: 39.9042, longitude: 116.4074 }, 1_930_000, 1_950_000],
    ['across the antimeridian', { latitude: 0, longitude: 179.999 }, { latitude: 0, longitude: -179.999 }, 222, 223],
  ])('%s', (_name, a, b, min, max) => {
    const d = haversineMetres(a, b);
    expect(d).toBeGreaterThanOrEqual(min);
    expect(d).toBeLessThanOrEqual(max);
    expect(haversineMetres(b, a)).toBeCloseTo(d, 6);
  });

  it.each([
    [0, '0 米'],
    [499.6, '500 米'],
    [999, '999 米'],
    [1000, '1.0 公里'],
    [1234, '1.2 公里'],
    [12_960, '13.0 公里'],
  ])('%d m reads %s', (metres, text) => {
    expect(describeDistance(metres)).toBe(text);
  });
});

describe('checking in on a reception day', () => {
  const today = '2025-11-25';
  const todays = receptionFixture({ date: today, deputyIds: ['dp-001', 'dp-002'] });
  const attempt = (over: Partial<Parameters<typeof decideCheckIn>[0]> = {}) => {
    const result = decideCheckIn({ deputyId: 'dp-001', today, receptions: [todays], station: STATION, phone: north(0.001), ...over });
    return result.ok ? `ok ${result.value.reception._id} ${result.value.distance}` : [result.failure.code, result.failure.field, result.failure.detail].filter(Boolean).join(' ');
  };

  it.each<[string, Partial<Parameters<typeof decideCheckIn>[0]>, string]>([
    ['a listed deputy about 111 m away', {}, 'ok rc-ft-hf-20251125 111'],
    ['at the door', { phone: STATION }, 'ok rc-ft-hf-20251125 0'],
    ['about 500 m away', { phone: north(0.0045) }, 'ok rc-ft-hf-20251125 500'],
    ['about 1.2 km away', { phone: north(0.011) }, 'INVALID_INPUT location 您距离联络站约 1.2 公里，请到站后签到'],
    ['about 600 m away', { phone: north(0.0054) }, 'INVALID_INPUT location 您距离联络站约 600 米，请到站后签到'],
    ['a deputy not on today’s list', { deputyId: 'dp-003' }, 'FORBIDDEN 您不在今天本站接待日的代表名单中，如需参加请联系联络员'],
    ['a day without any reception', { receptions: [] }, 'NOT_YET_DUE 今天本站没有您参加的接待日，请在接待日当天签到'],
    [
      'the day before their reception',
      { receptions: [receptionFixture({ date: '2025-12-10' })] },
      'NOT_YET_DUE 今天不是您在本站的接待日，您的下一次接待日是 12月10日',
    ],
    ['not on the list and far away: who comes first', { deputyId: 'dp-003', phone: north(1) }, 'FORBIDDEN 您不在今天本站接待日的代表名单中，如需参加请联系联络员'],
  ])('%s', (_name, over, expected) => {
    expect(attempt(over)).toBe(expected);
  });

  it('picks the reception that lists the deputy when the station has two that day', () => {
    const other = receptionFixture({ _id: 'rc-other', date: today, deputyIds: ['dp-009'] });
    expect(attempt({ receptions: [other, todays] })).toBe('ok rc-ft-hf-20251125 111');
  });
});
