import type { BoardMonth } from '../../../typings/board';
import { boardFigures, boardMonth, boardMonths, closedWindow, isPublicCase, publicReplyAfter, shiftMonth, toPublicCase } from '.';
import type { PublicSource } from '.';

// Every expectation below is written by hand from the product's rules, never computed by the code under test.

const at = (iso: string) => new Date(iso);

const closedCase: PublicSource = {
  id: 'c-1',
  title: '路灯不亮请回电13812345678',
  category: 'help',
  status: 'closed',
  stationId: 'st-ft-hf',
  stationName: '华富街道人大代表联络站',
  publicConsent: true,
  anonymous: false,
  submittedAt: at('2026-03-01T02:00:00Z'),
  acceptedAt: at('2026-03-02T02:00:00Z'),
  repliedAt: at('2026-03-05T02:00:00Z'),
  closure: { at: at('2026-03-06T02:00:00Z'), how: 'rating' },
  rating: { value: 'satisfied' },
  publicReply: { text: '已联系物业（电话0755-83212345），本周修复。', at: at('2026-03-05T02:00:00Z') },
  joinCount: 3,
};

describe('which cases the public may see', () => {
  it.each([
    ['closed, consented, accepted, named → public', {}, true],
    ['open (in progress), consented and accepted → public', { status: 'in_progress' as const, closure: undefined }, true],
    ['replied, not yet closed → public', { status: 'replied' as const, closure: undefined }, true],
    ['without consent → not public', { publicConsent: false }, false],
    ['stored before consent existed → not public', { publicConsent: undefined }, false],
    ['anonymous, even with consent → not public', { anonymous: true }, false],
    ['never accepted → not public', { acceptedAt: undefined, status: 'submitted' as const, closure: undefined }, false],
    ['withdrawn after acceptance → not public', { status: 'withdrawn' as const, closure: undefined }, false],
    ['rejected → not public', { status: 'rejected' as const, closure: undefined }, false],
  ])('%s', (_what, change, expected) => {
    expect(isPublicCase({ ...closedCase, ...change })).toBe(expected);
  });
});

describe('the public view of a case', () => {
  it('shows the dates, how it ended and the reply, numbers masked; nothing else', () => {
    expect(toPublicCase(closedCase)).toEqual({
      id: 'c-1',
      title: '路灯不亮请回电138****5678',
      category: 'help',
      status: 'closed',
      station: { id: 'st-ft-hf', name: '华富街道人大代表联络站' },
      submittedAt: '2026-03-01T02:00:00.000Z',
      acceptedAt: '2026-03-02T02:00:00.000Z',
      repliedAt: '2026-03-05T02:00:00.000Z',
      closedAt: '2026-03-06T02:00:00.000Z',
      closure: 'rating',
      rating: 'satisfied',
      reply: '已联系物业（电话0755-****2345），本周修复。',
      joinCount: 3,
    });
  });

  it('an open case without a reply: status and dates, no reply, 附议 0 when never joined', () => {
    const open: PublicSource = {
      ...closedCase,
      status: 'accepted',
      repliedAt: undefined,
      closure: undefined,
      rating: undefined,
      publicReply: undefined,
      joinCount: undefined,
    };
    expect(toPublicCase(open)).toEqual({
      id: 'c-1',
      title: '路灯不亮请回电138****5678',
      category: 'help',
      status: 'accepted',
      station: { id: 'st-ft-hf', name: '华富街道人大代表联络站' },
      submittedAt: '2026-03-01T02:00:00.000Z',
      acceptedAt: '2026-03-02T02:00:00.000Z',
      joinCount: 0,
    });
  });
});

describe('the reply the public view keeps', () => {
  const event = (kind: string, note?: string, iso = '2026-03-05T02:00:00Z') => ({ kind, note, at: at(iso) }) as Parameters<typeof publicReplyAfter>[0][number];
  it.each([
    ['a reply sets it', [event('replied', '已修复')], { text: '已修复', at: at('2026-03-05T02:00:00Z') }],
    ['a receiving body’s recorded answer sets it', [event('answer_recorded', '区住建局：列入改造计划')], { text: '区住建局：列入改造计划', at: at('2026-03-05T02:00:00Z') }],
    ['a 重办 clears it', [event('reopened', '又坏了')], null],
    ['a rating leaves it', [event('rated', '很满意')], undefined],
    ['an acceptance leaves it', [event('accepted')], undefined],
    ['a follow-up note is not a reply', [event('followed_up', '回访：正常')], undefined],
  ])('%s', (_what, events, expected) => {
    expect(publicReplyAfter(events)).toEqual(expected);
  });
});

describe('the board’s months', () => {
  it('are this month and the 11 before it, oldest first, across a year end', () => {
    expect(boardMonths('2026-03-15')).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(boardMonths('2026-12-31')[0]).toBe('2026-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });

  it('a month closes from its first Shanghai midnight to the next month’s', () => {
    expect(closedWindow('2026-02', '2026-03-15')).toEqual({ start: at('2026-01-31T16:00:00Z'), end: at('2026-02-28T16:00:00Z') });
  });

  it('the last 12 months: from the first of the earliest month to the end of this one', () => {
    expect(closedWindow(undefined, '2026-03-15')).toEqual({ start: at('2025-03-31T16:00:00Z'), end: at('2026-03-31T16:00:00Z') });
  });
});

describe('the board’s monthly figures', () => {
  it('give every rate with its count', () => {
    // 8 received, 6 accepted in time, 5 closed, 4 rated of which 3 satisfied.
    const expected: BoardMonth = {
      month: '2026-02',
      received: 8,
      closed: 5,
      responseRate: { numerator: 6, denominator: 8, value: 0.75 },
      closureRate: { numerator: 5, denominator: 8, value: 0.625 },
      satisfactionRate: { numerator: 3, denominator: 4, value: 0.75 },
    };
    expect(boardMonth('2026-02', { received: 8, closed: 5, rated: 4, satisfied: 3, respondedInTime: 6 })).toEqual(expected);
  });

  it('give no rate without a sample, and months without cases as zeros', () => {
    const none = { numerator: 0, denominator: 0, value: null };
    expect(boardMonth('2026-01', { received: 2, closed: 0, rated: 0, satisfied: 0, respondedInTime: 0 }).satisfactionRate).toEqual(none);
    expect(boardFigures(['2026-01', '2026-02'], new Map())).toEqual([
      { month: '2026-01', received: 0, closed: 0, responseRate: none, closureRate: none, satisfactionRate: none },
      { month: '2026-02', received: 0, closed: 0, responseRate: none, closureRate: none, satisfactionRate: none },
    ]);
  });
});
