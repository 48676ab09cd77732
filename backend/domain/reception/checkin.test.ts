import { createHmac } from 'node:crypto';
import { receptionFixture } from '../booking/booking.fixtures';
import { decideCheckIn, proofOf, type CheckInAttempt } from './checkin';
import { describeDistance, haversineMetres } from './geo';
import { issuePresenceCode, type Hmac } from './presence-code';

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
  // The fixture's reception: Tuesday 25 November 2025, 09:00–10:30 at 华富街道, deputies dp-001 and dp-002.
  const today = '2025-11-25';
  const bj = (hhmm: string, date = today) => new Date(`${date}T${hhmm}+08:00`);
  const NOW = bj('09:10:00');
  const hmac: Hmac = (secret, message) => createHmac('sha256', secret).update(message).digest();
  const SECRET = 'secret-of-rc-ft-hf-20251125';
  const todays = receptionFixture({ date: today, deputyIds: ['dp-001', 'dp-002'] });
  const codeAt = (at: Date, receptionId = todays._id, secret = SECRET) => issuePresenceCode(hmac, secret, receptionId, at).code;

  type Over = Partial<Omit<CheckInAttempt, 'presence'>> & { code?: string; secrets?: Map<string, string> };
  const attempt = (over: Over = {}) => {
    const { code, secrets, ...rest } = over;
    const now = rest.now ?? NOW;
    const result = decideCheckIn({
      deputyId: 'dp-001',
      now,
      receptions: [todays],
      atStation: true,
      window: { opensMinutesBeforeStart: 30, closesMinutesAfterEnd: 0 },
      presence: { code: code ?? codeAt(now), secrets: secrets ?? new Map([[todays._id, SECRET]]), hmac },
      stations: new Map([['st-ft-hf', STATION]]),
      phone: north(0.001),
      ...rest,
    });
    return result.ok
      ? `ok ${result.value.reception._id} ${result.value.distance}`
      : [result.failure.code, result.failure.field, result.failure.detail].filter(Boolean).join(' ');
  };

  it.each<[string, Over, string]>([
    ['a listed deputy about 111 m away with the code on the officer’s phone', {}, 'ok rc-ft-hf-20251125 111'],
    ['at the door', { phone: STATION }, 'ok rc-ft-hf-20251125 0'],
    ['about 500 m away', { phone: north(0.0045) }, 'ok rc-ft-hf-20251125 500'],
    ['about 1.2 km away', { phone: north(0.011) }, 'INVALID_INPUT location 您距离联络站约 1.2 公里，请到站后签到'],
    ['about 600 m away', { phone: north(0.0054) }, 'INVALID_INPUT location 您距离联络站约 600 米，请到站后签到'],
    ['a deputy not on today’s list', { deputyId: 'dp-003' }, 'FORBIDDEN 您不在今天本站接待日的代表名单中，如需参加请联系联络员'],
    ['a day without any reception', { receptions: [] }, 'NOT_YET_DUE 今天本站没有您参加的接待日，请在接待日当天签到'],
    ['the day before their reception', { receptions: [receptionFixture({ date: '2025-12-10' })] }, 'NOT_YET_DUE 今天不是您在本站的接待日，您的下一次接待日是 12月10日'],
    [
      'a typed code without a door code, and no reception of theirs today anywhere',
      { atStation: false, receptions: [receptionFixture({ date: '2025-12-10' })] },
      'NOT_YET_DUE 今天没有您参加的接待日，您的下一次接待日是 12月10日',
    ],
    ['not on the list and far away: who comes first', { deputyId: 'dp-003', phone: north(1) }, 'FORBIDDEN 您不在今天本站接待日的代表名单中，如需参加请联系联络员'],
  ])('%s', (_name, over, expected) => {
    expect(attempt(over)).toBe(expected);
  });

  describe('only during the reception’s hours, opening 30 minutes early', () => {
    it.each<[string, string, string]>([
      ['at 08:29:59, a second before check-in opens', '08:29:59', 'NOT_YET_DUE 签到将于 08:30 开始（接待时间 09:00–10:30），请到时再签到'],
      ['at 08:30, as it opens', '08:30:00', 'ok rc-ft-hf-20251125 111'],
      ['at 10:30, the end', '10:30:00', 'ok rc-ft-hf-20251125 111'],
      ['at 10:30:01, just after the end', '10:30:01', 'CONFLICT 今天的接待已于 10:30 结束，不能再签到；如确实参加了接待，请联系联络员说明'],
      ['at 23:00 on the reception day', '23:00:00', 'CONFLICT 今天的接待已于 10:30 结束，不能再签到；如确实参加了接待，请联系联络员说明'],
      ['at 00:05 on the reception day', '00:05:00', 'NOT_YET_DUE 签到将于 08:30 开始（接待时间 09:00–10:30），请到时再签到'],
    ])('%s', (_name, hhmm, expected) => {
      expect(attempt({ now: bj(hhmm) })).toBe(expected);
    });

    it('with the margins set otherwise (config/checkin.json)', () => {
      const window = { opensMinutesBeforeStart: 0, closesMinutesAfterEnd: 15 };
      expect(attempt({ now: bj('08:59:00'), window })).toBe('NOT_YET_DUE 签到将于 09:00 开始（接待时间 09:00–10:30），请到时再签到');
      expect(attempt({ now: bj('10:45:00'), window })).toBe('ok rc-ft-hf-20251125 111');
      expect(attempt({ now: bj('10:46:00'), window })).toBe('CONFLICT 今天的接待已于 10:45 结束，不能再签到；如确实参加了接待，请联系联络员说明');
    });

    it('the hours are asked before the code and the distance: too early with no code and far away hears when it opens', () => {
      expect(attempt({ now: bj('07:00:00'), code: '000000', phone: north(1) })).toBe('NOT_YET_DUE 签到将于 08:30 开始（接待时间 09:00–10:30），请到时再签到');
    });
  });

  describe('the presence code proves being in front of the officer’s phone', () => {
    it('the code of the previous 30 seconds still counts (a scan takes a moment); two periods back it does not', () => {
      expect(attempt({ code: codeAt(new Date(NOW.getTime() - 30_000)) })).toBe('ok rc-ft-hf-20251125 111');
      expect(attempt({ code: codeAt(new Date(NOW.getTime() - 60_000)) })).toBe('INVALID_INPUT presenceCode 签到码不正确或已过期，请扫描联络员手机上正在显示的签到码');
    });

    it('a code of the future is not accepted early', () => {
      expect(attempt({ code: codeAt(new Date(NOW.getTime() + 30_000)) })).toBe('INVALID_INPUT presenceCode 签到码不正确或已过期，请扫描联络员手机上正在显示的签到码');
    });

    it.each<[string, Over]>([
      ['a wrong code', { code: '123456' }],
      ['another reception’s code (same secret)', { code: codeAt(NOW, 'rc-ft-lh-20251125') }],
      ['a code made with another secret', { code: codeAt(NOW, todays._id, 'another-secret') }],
      ['any code when no code was ever shown for the reception (no secret yet)', { secrets: new Map() }],
    ])('%s is refused, on the presenceCode field, before the distance is asked', (_name, over) => {
      const wrong = 'INVALID_INPUT presenceCode 签到码不正确或已过期，请扫描联络员手机上正在显示的签到码';
      expect(attempt(over)).toBe(wrong);
      expect(attempt({ ...over, phone: north(1) })).toBe(wrong);
    });

    it('the public door code and a spoofed position at the door are not enough', () => {
      expect(attempt({ phone: STATION, code: '000000' })).toBe('INVALID_INPUT presenceCode 签到码不正确或已过期，请扫描联络员手机上正在显示的签到码');
    });
  });

  it('picks the reception that lists the deputy when the station has two that day', () => {
    const other = receptionFixture({ _id: 'rc-other', date: today, deputyIds: ['dp-009'] });
    expect(attempt({ receptions: [other, todays] })).toBe('ok rc-ft-hf-20251125 111');
  });

  it('typed without a door code: the deputy’s reception whose code it is, at its own station', () => {
    const elsewhere = receptionFixture({ _id: 'rc-ft-lh-20251125', stationId: 'st-ft-lh', date: today, start: '08:30', end: '12:00' });
    const lh = { latitude: 22.56, longitude: 114.06 };
    const over: Over = {
      atStation: false,
      receptions: [todays, elsewhere],
      secrets: new Map([
        [todays._id, SECRET],
        [elsewhere._id, 'secret-lh'],
      ]),
      stations: new Map([
        ['st-ft-hf', STATION],
        ['st-ft-lh', lh],
      ]),
      phone: lh,
    };
    expect(attempt({ ...over, code: codeAt(NOW, elsewhere._id, 'secret-lh') })).toBe('ok rc-ft-lh-20251125 0');
  });

  it('a check-in stored before presence codes proved presence by position only', () => {
    expect(proofOf({})).toBe('location');
    expect(proofOf({ proof: 'presence-code+location' })).toBe('presence-code+location');
  });
});
