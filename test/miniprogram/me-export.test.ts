/** 导出我的数据: the pages of user.export become one document, cases and 立法意见 comments from every page. */
import type { AccountExport } from '../../typings/account';
import type { CommentView } from '../../typings/consultation';
import { mergedExport } from '../../miniprogram/pages/me/view-model';

const comment = (id: string): CommentView => ({
  id,
  consultation: { id: 'cs-1', title: '《物业管理条例（草案）》', status: 'open' },
  station: { id: 'st-ft-hf', name: '华富街道人大代表联络站' },
  articleNo: 3,
  articleLabel: '第三条',
  text: '建议写明业主自治的议事程序。',
  status: 'submitted',
  recordedBy: 'resident',
  createdAt: '2026-12-01T02:00:00.000Z',
  canWithdraw: true,
});

const page = (n: number, consultationComments: CommentView[], more: boolean): AccountExport => ({
  exportedAt: '2026-12-07T04:00:00.000Z',
  openid: 'o-resident',
  cases: [],
  page: n,
  hasMoreCases: false,
  bookings: [],
  follows: n === 0 ? [{ stationId: 'st-ft-hf', followedAt: '2026-11-01T00:00:00.000Z' }] : [],
  subscriptions: [],
  joins: [],
  reportRatings: [],
  consultationComments,
  hasMoreConsultationComments: more,
});

it('keeps the comments of every page, in order, and drops the paging fields', () => {
  const merged = mergedExport([page(0, [comment('c3'), comment('c2')], true), page(1, [comment('c1')], false)]);
  expect(merged?.consultationComments?.map((c) => c.id)).toEqual(['c3', 'c2', 'c1']);
  expect(merged?.follows).toEqual([{ stationId: 'st-ft-hf', followedAt: '2026-11-01T00:00:00.000Z' }]);
  expect(merged).not.toHaveProperty('page');
  expect(merged).not.toHaveProperty('hasMoreCases');
  expect(merged).not.toHaveProperty('hasMoreConsultationComments');
});

it('an export from before comments existed merges to an empty list', () => {
  const { consultationComments: _c, hasMoreConsultationComments: _m, ...old } = page(0, [], false);
  expect(mergedExport([old])?.consultationComments).toEqual([]);
});
