import { at, receptionFixture } from './booking.fixtures';
import { bookableReceptions, slotViews } from './booking.listing';

const names = new Map([
  ['dp-001', '王建国'],
  ['dp-002', '李秀英'],
]);

describe('bookable receptions', () => {
  it('shows remaining places per slot, never below zero', () => {
    const reception = receptionFixture({
      slots: [
        { start: '09:00', end: '09:30', capacity: 2, booked: 0 },
        { start: '09:30', end: '10:00', capacity: 2, booked: 2 },
        { start: '10:00', end: '10:30', capacity: 1, booked: 3 },
      ],
    });
    expect(slotViews(reception).map((s) => [s.index, s.start, s.remaining])).toEqual([
      [0, '09:00', 2],
      [1, '09:30', 0],
      [2, '10:00', 0],
    ]);
  });

  it.each([
    ['open, published, with slots', {}, true],
    ['full in every slot (shown with 已约满)', { slots: [{ start: '09:00', end: '09:30', capacity: 1, booked: 1 }] }, true],
    ['without slots', { slots: [] }, false],
    ['not yet published', { publishedAt: at('2025-11-21T00:00:00Z') }, false],
    ['past its booking deadline', { date: '2025-11-20' }, false],
    ['tomorrow, before 18:00 today', { date: '2025-11-21' }, true],
  ])('a reception %s is listed: %s', (_name, over, listed) => {
    const now = at('2025-11-20T02:00:00Z'); // 10:00 on 20 November, Shanghai
    expect(bookableReceptions([receptionFixture(over)], names, now).length).toBe(listed ? 1 : 0);
  });

  it('lists soonest first with the attending deputies by name, dropping deputies no longer on record', () => {
    const later = receptionFixture({ _id: 'rc-b', date: '2025-11-28', deputyIds: ['dp-002', 'dp-404'] });
    const sooner = receptionFixture({ _id: 'rc-a' });
    const listed = bookableReceptions([later, sooner], names, at('2025-11-20T02:00:00Z'));
    expect(listed.map((r) => [r.id, r.deputies])).toEqual([
      [
        'rc-a',
        [
          { id: 'dp-001', name: '王建国' },
          { id: 'dp-002', name: '李秀英' },
        ],
      ],
      ['rc-b', [{ id: 'dp-002', name: '李秀英' }]],
    ]);
  });
});
