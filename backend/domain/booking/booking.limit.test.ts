import config from '../../../config/bookings.json';
import { at, bookingFixture } from './booking.fixtures';
import { admitOpenBooking, isOpenBooking, openBookingLimit } from './booking.limit';

const NOW = at('2025-11-20T02:00:00Z');
const ME = 'o-resident';
const REFUSED = 'BOOKING_LIMIT 您已有 2 个未到期的预约，请先取消一个再预约';

const upcoming = (id: string, over = {}) => bookingFixture({ _id: id, openid: ME, startsAt: at('2025-11-25T01:30:00Z'), ...over });

describe('the cap on open bookings', () => {
  const answer = (known: Parameters<typeof admitOpenBooking>[0]) => {
    const result = admitOpenBooking(known, ME, 2, NOW);
    return result.ok ? result.value : `${result.failure.code} ${result.failure.detail}`;
  };

  it.each([
    ['no bookings yet', [], []],
    ['one upcoming booking', [upcoming('a')], ['a']],
    ['two upcoming: the third is refused', [upcoming('a'), upcoming('b')], REFUSED],
    ['three upcoming (made before the cap)', [upcoming('a'), upcoming('b'), upcoming('c')], REFUSED],
    ['the same booking read twice counts once', [upcoming('a'), upcoming('a')], ['a']],
    ['a cancelled one does not count', [upcoming('a'), upcoming('b', { status: 'cancelled' })], ['a']],
    ['an attended or missed one does not count', [upcoming('a', { status: 'attended' }), upcoming('b', { status: 'missed' })], []],
    ['one whose slot started a second ago does not count', [upcoming('a'), upcoming('b', { startsAt: at('2025-11-20T01:59:59Z') })], ['a']],
    ['one starting right now does not count', [upcoming('a'), upcoming('b', { startsAt: NOW })], ['a']],
    ['one starting a second from now counts', [upcoming('a'), upcoming('b', { startsAt: at('2025-11-20T02:00:01Z') })], REFUSED],
    ['a missing document (removed since) does not count', [upcoming('a'), undefined], ['a']],
    ["someone else's booking does not count", [upcoming('a'), upcoming('b', { openid: 'o-other' })], ['a']],
  ])('%s', (_name, known, expected) => {
    expect(answer(known as Parameters<typeof admitOpenBooking>[0])).toEqual(expected);
  });

  it('is open while booked and not started', () => {
    expect(isOpenBooking({ status: 'booked', startsAt: at('2025-11-20T02:00:01Z') }, NOW)).toBe(true);
    expect(isOpenBooking({ status: 'booked', startsAt: NOW }, NOW)).toBe(false);
  });
});

describe('the configured cap (config/bookings.json)', () => {
  it('reads 2 from the shipped file', () => {
    expect(openBookingLimit(config)).toBe(2);
  });

  it.each([[0], [-1], [1.5], ['2'], [undefined], [null]])('refuses %p at load', (value) => {
    expect(() => openBookingLimit({ maxOpenBookings: value })).toThrow(/maxOpenBookings must be a whole number, at least 1/);
  });

  it('takes any whole number from 1', () => {
    expect(openBookingLimit({ maxOpenBookings: 1 })).toBe(1);
    expect(openBookingLimit({ maxOpenBookings: 5 })).toBe(5);
  });
});
