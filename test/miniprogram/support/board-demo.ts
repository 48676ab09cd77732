/**
 * What residents see of each other's cases in the demo district (我也遇到, 办理公开): the
 * public case (as the board shows it, and as each reader sees it), the look-alikes offered
 * while composing, the cases the resident joined and 华富's board. Typed by the contract
 * (typings/board.ts); dates fixed around the case fixtures' NOW so renders never drift.
 * Nothing here names or reaches a resident.
 */
import type { BoardMonth, BoardOutput, JoinedCasesOutput, JoinView, PublicCase, SimilarCasesOutput } from '../../../typings/board';
import type { RateView } from '../../../typings/workspace';
import { daysAgo } from './case-fixtures';

const HUAFU = { id: 'st-ft-hf', name: '福田区华富街道人大代表联络站' };
const LIANHUA = { id: 'st-ft-hf-01', name: '华富街道莲花北社区人大代表联络站' };

const publicCase = (over: Partial<PublicCase> & Pick<PublicCase, 'id' | 'title'>): PublicCase => ({
  category: 'help',
  status: 'closed',
  station: HUAFU,
  submittedAt: daysAgo(20),
  acceptedAt: daysAgo(19),
  repliedAt: daysAgo(12),
  closedAt: daysAgo(9),
  reply: '经与物业公司协调，已于本周更换12栋全部楼道灯，并安排每月巡检一次。如仍有损坏，请拨打物业电话****。',
  closure: 'rating',
  rating: 'satisfied',
  joinCount: 3,
  ...over,
});

/** A closed case of 华富, allowed public, three residents joined: the public page's demo. */
export const PUBLIC_CASE: PublicCase = publicCase({ id: 'case-7', title: '莲花北村12栋楼道灯坏了两周' });

/** Still being handled: the look-alike the demo resident joins. */
export const OPEN_PUBLIC_CASE: PublicCase = {
  id: 'case-8',
  title: '华富路公交站座椅损坏',
  category: 'help',
  status: 'in_progress',
  station: HUAFU,
  submittedAt: daysAgo(3),
  acceptedAt: daysAgo(2),
  joinCount: 2,
};

/**
 * The public page as `station.publicCase` answers a signed-in caller (`viewer`): the board and
 * the share card carry no viewer; the page reads its buttons from it.
 */
const viewedBy = (found: PublicCase, viewer: NonNullable<PublicCase['viewer']>): PublicCase => ({ ...found, viewer });
/** case-7 to the demo resident: not theirs, not joined — 我也遇到 offered. */
export const PUBLIC_CASE_TO_RESIDENT = viewedBy(PUBLIC_CASE, { own: false, joined: false });
/** case-8 to the demo resident, who joined it (it is among 我也遇到的): 补充情况 and 取消我也遇到. */
export const OPEN_PUBLIC_CASE_JOINED = viewedBy(OPEN_PUBLIC_CASE, { own: false, joined: true });
/** case-7 to the resident who wrote it: nothing to join, the way to their own page instead. */
export const PUBLIC_CASE_TO_OWNER = viewedBy(PUBLIC_CASE, { own: true, joined: false });

export const SIMILAR: SimilarCasesOutput = {
  cases: [
    { id: 'case-8', title: '华富路公交站座椅损坏', category: 'help', status: 'in_progress', joinCount: 2, submittedAt: daysAgo(3), distance: 120, joined: false },
    { id: 'case-9', title: '公交站旁的路灯晚上不亮', category: 'opinion', status: 'accepted', joinCount: 0, submittedAt: daysAgo(1), distance: 450, joined: false },
  ],
};

export const JOINED: JoinedCasesOutput = { cases: [{ ...OPEN_PUBLIC_CASE, joinedAt: daysAgo(1) }] };

export const JOIN_VIEW: JoinView = { caseId: 'case-8', joined: true, joinCount: 3 };
export const UNJOIN_VIEW: JoinView = { caseId: 'case-8', joined: false, joinCount: 2 };

const rate = (numerator: number, denominator: number, minimum = 1): RateView => ({
  numerator,
  denominator,
  value: denominator >= minimum && denominator > 0 ? numerator / denominator : null,
});

/** Twelve months, oldest first; the satisfaction rate withheld below 10 ratings, as the district office's figures do. */
const MONTHS: BoardMonth[] = Array.from({ length: 12 }, (_, i) => {
  const m = ((11 + i) % 12) + 1; // 2025-12 … 2026-11
  const month = `${m === 12 ? 2025 : 2026}-${String(m).padStart(2, '0')}`;
  const received = 8 + ((i * 5) % 9);
  const closed = received - (i % 3);
  const rated = i === 11 ? 6 : closed - 2;
  return { month, received, closed, responseRate: rate(received - (i % 2), received), closureRate: rate(closed, received), satisfactionRate: rate(rated - 1, rated, 10) };
});

export const BOARD: BoardOutput = {
  scope: { stationId: HUAFU.id, district: '福田区', name: HUAFU.name },
  cases: [
    PUBLIC_CASE,
    publicCase({
      id: 'case-10',
      title: '建议在莲花北公交站增设遮阳棚',
      category: 'suggestion',
      station: LIANHUA,
      joinCount: 0,
      closure: 'officer',
      rating: undefined,
      closedAt: daysAgo(15),
    }),
    publicCase({ id: 'case-11', title: '华富路夜间施工噪音扰民', category: 'complaint', joinCount: 5, rating: 'basically_satisfied', closedAt: daysAgo(25) }),
  ],
  hasMore: false,
  months: MONTHS,
};

export const EMPTY_BOARD: BoardOutput = {
  ...BOARD,
  cases: [],
  months: MONTHS.map((m) => ({ ...m, received: 0, closed: 0, responseRate: rate(0, 0), closureRate: rate(0, 0), satisfactionRate: rate(0, 0) })),
};
