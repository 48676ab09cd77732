/** @jest-environment jsdom */
import type { CaseSummary, ListMyCasesOutput } from '../../typings/case';
import { setClock } from '../../miniprogram/utils/time';
import type { WxPlatform } from '../support/wx-platform';
import { caseSummary, daysAgo, minutesAgo, NOW } from './support/case-fixtures';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPage, renderPage, textOf, until } from './support/load-page';
import { installWx, startLocalHost, stopLocalHost } from './support/page-harness';
import type { RenderedComponent } from './support/load-page';
import { measureSetData } from './support/set-data-meter';

const mine = (cases: CaseSummary[], over: Partial<ListMyCasesOutput> = {}): { ok: true; data: ListMyCasesOutput } => ({
  ok: true,
  data: { cases, hasMore: false, unreadTotal: cases.reduce((sum, c) => sum + c.unread, 0), ...over },
});

const twenty = (page: number) =>
  Array.from({ length: 20 }, (_x, i) =>
    caseSummary({
      id: `case-${page * 20 + i}`,
      receiptNo: `FT20261121-${String(page * 20 + i).padStart(4, '0')}`,
      title: `第${page * 20 + i}件：小区门口的路灯不亮，晚上行人看不清路`,
      status: (['submitted', 'accepted', 'transferred', 'in_progress', 'replied', 'closed'] as const)[i % 6],
      awaitingRating: i % 6 === 4,
      stationName: '莲花北社区人大代表联络站',
      updatedAt: minutesAgo(i * 90),
      unread: i % 3,
    }),
  );

const tagsOf = (page: RenderedComponent) => Array.from(page.dom.querySelectorAll('.case-status-tag--case-status')).map((tag) => tag.textContent?.trim());

describe('我的留言 page', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pageId: string;

  beforeAll(async () => {
    host = await startLocalHost('odemo-resident');
    pageId = loadPage('pages/cases/index');
    setClock(() => NOW);
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    wx = installWx();
  });

  async function shown(): Promise<RenderedComponent> {
    const page = renderPage(pageId);
    await page.instance.onShow();
    await until(() => !page.data.loading, 'my cases to load');
    return page;
  }

  it('lists my cases with a coloured status tag, receipt number, station, time and unread count, and badges the tab', async () => {
    host.answer(
      'case.mine',
      mine([
        caseSummary({ id: 'c-2', title: '莲花北村12栋楼道灯坏了', status: 'replied', awaitingRating: true, unread: 2, updatedAt: minutesAgo(3) }),
        caseSummary({ id: 'c-1', receiptNo: 'FT20261118-0007', title: '建议增设社区长者食堂', status: 'in_progress', updatedAt: daysAgo(3) }),
      ]),
    );
    const page = await shown();

    const text = textOf(page);
    expect(text).toContain('莲花北村12栋楼道灯坏了');
    expect(text).toContain('受理编号 FT20261121-0042');
    expect(text).toContain('华富街道人大代表联络站');
    expect(text).toContain('3分钟前');
    expect(text).toContain('11月18日');
    // The tags come from the shared case-status-tag (simulate prefixes classes with the tag name), each in its token pair.
    expect(tagsOf(page)).toEqual(['已答复', '办理中']);
    expect(page.dom.querySelector('.case-status-tag--case-status--replied.case-status-tag--case-status--success')?.textContent).toBe('已答复');
    expect(page.dom.querySelector('.case-status-tag--case-status--in_progress.case-status-tag--case-status--warning')?.textContent).toBe('办理中');
    // The unread count is Vant's info dot on the first row only.
    const unread = page.querySelectorAll('.case').map((row) => row.dom.querySelector('.van-info--van-info')?.textContent?.trim() ?? '');
    expect(unread).toEqual(['2', '']);

    expect(wx.tabBarBadges).toEqual([{ index: 1, text: '2' }]);
    // Then 我也遇到的 (unanswered here: the section is simply not shown).
    expect(host.calls).toEqual([
      { fn: 'case', body: { action: 'mine', page: 0 }, openid: 'odemo-resident' },
      { fn: 'case', body: { action: 'joined' }, openid: 'odemo-resident' },
    ]);
  });

  it('lists the answers waiting for my rating first, under 待评价, with their full titles', async () => {
    const long = '莲花北村12栋三单元楼道灯坏了两个星期，晚上老人上下楼很危险';
    host.answer(
      'case.mine',
      mine([
        caseSummary({ id: 'c-4', title: '垃圾站夜里清运太吵', status: 'replied', awaitingRating: false }),
        caseSummary({ id: 'c-3', title: '建议增设社区长者食堂', status: 'in_progress' }),
        caseSummary({ id: 'c-2', title: long, status: 'replied', awaitingRating: true }),
        caseSummary({ id: 'c-1', title: '小区门口的路灯不亮', status: 'closed' }),
      ]),
    );
    const page = await shown();
    const headings = Array.from(page.dom.querySelectorAll('.main--section')).map((h) => h.textContent?.trim());
    expect(headings).toEqual(['待评价（1）', '其他留言']);
    const rows = page.querySelectorAll('.case');
    // The reply already rated 不满意 (still 已答复, not awaiting a rating) stays among the others.
    expect(rows.map((row) => row.dom.querySelector('.main--case__title')?.textContent)).toEqual([long, '垃圾站夜里清运太吵', '建议增设社区长者食堂', '小区门口的路灯不亮']);
    expect(rows.map((row) => row.dom.querySelector('.main--case__to-rate')?.textContent ?? '')).toEqual(['待评价', '', '', '']);

    rows[0].querySelector('.van-cell')!.dispatchEvent('tap');
    await until(() => wx.navigations.length > 0, 'the way to the answer');
    expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/case/detail/index?id=c-2' }]);
  });

  it('shows no 待评价 section when nothing waits for a rating, and counts those a further page brings', async () => {
    host.answer('case.mine', mine([caseSummary({ id: 'c-1', status: 'accepted' })], { hasMore: true }));
    const page = await shown();
    expect(page.dom.querySelector('.main--section')).toBeNull();
    expect(textOf(page)).not.toContain('待评价');

    host.answer('case.mine', mine([caseSummary({ id: 'c-0', status: 'replied', awaitingRating: true })]));
    await page.instance.onReachBottom();
    expect(textOf(page)).toContain('待评价（1）');
    expect(page.querySelectorAll('.case')).toHaveLength(2);
  });

  it('reloads in place on every show, and removes the badge once all is read', async () => {
    host.answer('case.mine', mine([caseSummary({ unread: 1 })]));
    const page = await shown();
    host.answer('case.mine', mine([caseSummary({ unread: 0, status: 'accepted' })]));
    await page.instance.onShow();
    await until(() => wx.tabBarBadges.length === 2, 'the second badge update');
    expect(page.data.loading).toBe(false);
    expect(wx.tabBarBadges).toEqual([
      { index: 1, text: '1' },
      { index: 1, text: null },
    ]);
    expect(tagsOf(page)).toEqual(['已受理']);
  });

  it('pulls down to refresh', async () => {
    host.answer('case.mine', mine([caseSummary()]));
    const page = await shown();
    await page.instance.onPullDownRefresh();
    expect(wx.pullDownStops).toBe(1);
    expect(host.calls.map((c) => c.body.action)).toEqual(['mine', 'joined', 'mine', 'joined']);
  });

  it('loads the next page of 20 at the bottom, appending only the new rows', async () => {
    host.answer('case.mine', mine(twenty(0), { hasMore: true, unreadTotal: 30 }));
    const page = await shown();
    expect(textOf(page)).toContain('上拉加载更多');

    host.answer('case.mine', mine(twenty(1).slice(0, 5), { hasMore: false, unreadTotal: 30 }));
    const meter = measureSetData(page);
    await page.instance.onReachBottom();
    meter.stop();
    expect(page.data.cases).toHaveLength(25);
    expect(host.calls.map((c) => c.body)).toEqual([{ action: 'mine', page: 0 }, { action: 'joined' }, { action: 'mine', page: 1 }]);
    expect(Object.keys(meter.largest().payload)).toContain('cases[20]');
    expect(textOf(page)).toContain('没有更多了');
    expect(wx.tabBarBadges.at(-1)).toEqual({ index: 1, text: '30' });
  });

  it('says there is nothing yet and leads to a station', async () => {
    host.answer('case.mine', mine([]));
    const page = await shown();
    expect(textOf(page)).toContain('还没有留言');
    page.querySelector('.find-station')!.querySelector('.van-button')!.dispatchEvent('tap');
    await until(() => wx.navigations.length > 0, 'the switch to stations');
    expect(wx.navigations).toEqual([{ method: 'switchTab', url: '/pages/stations/index' }]);
  });

  it('shows the server’s sentence with a retry when the list cannot load', async () => {
    host.answer('case.mine', { ok: false, error: { code: 'UNAUTHENTICATED', message: '请在微信中打开' } });
    const page = await shown();
    expect(textOf(page)).toContain('请在微信中打开');
    host.answer('case.mine', mine([caseSummary()]));
    page.querySelector('.page-error')!.querySelector('.retry')!.querySelector('.van-button')!.dispatchEvent('tap');
    await until(() => textOf(page).includes('莲花北村12栋楼道灯坏了'), 'the retry to list');
  });

  it('opens a case when its row is tapped', async () => {
    host.answer('case.mine', mine([caseSummary({ id: 'case/7' })]));
    const page = await shown();
    page.querySelector('.case')!.querySelector('.van-cell')!.dispatchEvent('tap');
    await until(() => wx.navigations.length > 0, 'a navigation');
    expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/case/detail/index?id=case%2F7' }]);
  });

  it('sends at most 32 KB in one setData with 20 cases', async () => {
    host.answer('case.mine', mine(twenty(0), { hasMore: true }));
    const page = renderPage(pageId);
    const meter = measureSetData(page);
    await page.instance.onShow();
    await until(() => !page.data.loading, 'my cases to load');
    meter.stop();
    const largest = meter.largest();
    console.info(`[setData] 我的留言, 20 cases: largest single setData ${largest.bytes} bytes (${Object.keys(largest.payload).join(', ')})`);
    expect(largest.bytes).toBeLessThanOrEqual(32 * 1024);
  });
});
