/** @jest-environment jsdom */
import type { InboxItem, InboxOutput, Profile } from '../../typings/workspace';
import { setClock } from '../../miniprogram/utils/time';
import type { WxPlatform } from '../support/wx-platform';
import { NOW } from './support/case-fixtures';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPage, textOf, until } from './support/load-page';
import { installWx, openedPage, startLocalHost, stopLocalHost } from './support/page-harness';
import type { RenderedComponent } from './support/load-page';
import { measureSetData } from './support/set-data-meter';

/** The end of a Beijing day, as the server sets a due time. NOW is 2026-11-21 14:30 in Beijing. */
const endOf = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 24 * 3600_000 - 1).toISOString();

const officer: Profile = {
  openid: 'odemo-officer',
  role: 'officer',
  name: '王芳',
  stations: [
    { id: 'st-ft-hf', name: '华富街道人大代表联络站' },
    { id: 'st-ft-hf-01', name: '莲花北社区人大代表联络站' },
  ],
};

const item = (n: number, over: Partial<InboxItem> = {}): InboxItem => ({
  id: `case-${n}`,
  receiptNo: `FT20261118-${String(n).padStart(4, '0')}`,
  title: `留言${n}`,
  category: 'help',
  status: 'accepted',
  stationId: 'st-ft-hf-01',
  stationName: '莲花北社区人大代表联络站',
  submittedAt: '2026-11-18T02:00:00.000Z',
  dueAt: endOf('2026-11-30'),
  overdue: false,
  anonymous: false,
  joinCount: 0,
  ...over,
});

/** As the server sends them: overdue first, then the earliest due. */
const firstPage: InboxOutput = {
  cases: [
    item(1, { title: '路灯不亮', overdue: true, dueAt: endOf('2026-11-18'), status: 'in_progress', assignedDeputy: { id: 'dp-001', name: '李明' } }),
    item(2, { title: '垃圾清运不及时', status: 'submitted', dueAt: endOf('2026-11-21'), anonymous: true, contentCheckPending: true }),
    item(3, { title: '小区停车难', dueAt: endOf('2026-11-23') }),
  ],
  hasMore: true,
  counts: { open: 25, triage: 4, overdue: 1 },
};

const ok = <T>(data: T) => ({ ok: true, data });
const sent = (host: FunctionHostStub) => host.calls.map((c) => ({ ...c.body }));
const texts = (page: RenderedComponent, selector: string) => Array.from(page.dom.querySelectorAll(selector)).map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim());

describe('work inbox page', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pageId: string;

  beforeAll(async () => {
    host = await startLocalHost('odemo-officer');
    pageId = loadPage('packages/work/inbox/index');
    setClock(() => NOW);
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.answer('user.profile', ok(officer));
    host.answer('case.inbox', ok(firstPage));
    wx = installWx();
  });

  const opened = (): Promise<RenderedComponent> => openedPage(pageId, {}, 'the queue to load');

  it('shows the officer’s queue in the order the server sent it, with due texts, marks and tab badges', async () => {
    const page = await opened();
    expect(wx.titles).toEqual(['待办留言']);
    expect(sent(host)).toEqual([{ action: 'profile' }, { action: 'inbox', filter: 'triage', page: 0 }]);

    expect(texts(page, '.van-tabs--van-tab')).toEqual(['待受理 4', '办理中 25', '已超期 1', '已办结']);
    expect(texts(page, '.main--case__title-text')).toEqual(['路灯不亮', '垃圾清运不及时', '小区停车难']);
    expect(texts(page, '.main--case__due')).toEqual(['已超期 3 天', '今天到期', '还剩 2 天']);
    // Only the overdue one is red.
    expect(texts(page, '.main--case__due--overdue')).toEqual(['已超期 3 天']);
    const rows = page.querySelectorAll('.case').map((row) => textOf(row));
    expect(rows[0]).toContain('受理编号 FT20261118-0001');
    expect(rows[0]).toContain('莲花北社区人大代表联络站 · 承办代表：李明');
    expect(rows[1]).toContain('匿名');
    expect(rows[1]).toContain('待人工审核');
    expect(rows[2]).not.toContain('匿名');
    expect(page.dom.querySelectorAll('.case-status-tag--case-status')[1].textContent?.trim()).toBe('已提交');
    // Two stations: a picker, starting on all of them.
    expect(textOf(page.querySelector('.station')!)).toBe('联络站全部联络站');
  });

  it('marks a case left without a category 待定类别, and shows a long title whole', async () => {
    const long = '建议在莲花北村公交站和地铁站之间增设一条无障碍通道，方便坐轮椅的老人出行';
    host.answer(
      'case.inbox',
      ok({ cases: [item(7, { title: long, status: 'submitted', category: 'unsure' }), item(8, { category: 'complaint' })], hasMore: false, counts: firstPage.counts }),
    );
    const page = await opened();
    expect(texts(page, '.main--case__title-text')).toEqual([long, '留言8']);
    expect(texts(page, '.main--case__category')).toEqual(['待定类别']);
    const rows = page.querySelectorAll('.case').map((row) => textOf(row));
    expect(rows[0]).toContain('待定类别');
    expect(rows[1]).not.toContain('待定类别');
  });

  it('switching tab asks for that filter; a station narrows it; the badges follow the answer', async () => {
    const page = await opened();
    host.answer('case.inbox', ok({ cases: [item(9, { title: '噪音扰民' })], hasMore: false, counts: { open: 24, triage: 3, overdue: 1 } }));
    page.querySelector('.filters')!.querySelectorAll('.van-tab')[1].dispatchEvent('tap');
    await until(() => textOf(page).includes('噪音扰民'), 'the 办理中 tab');
    expect(sent(host).slice(2)).toEqual([{ action: 'inbox', filter: 'open', page: 0 }]);
    expect(page.data.active).toBe('open');
    expect(texts(page, '.van-tabs--van-tab')).toEqual(['待受理 3', '办理中 24', '已超期 1', '已办结']);

    host.answer('case.inbox', ok({ cases: [], hasMore: false, counts: { open: 24, triage: 3, overdue: 1 } }));
    await page.instance.onStation({ detail: { value: '2' } });
    await until(() => textOf(page).includes('没有正在办理的留言'), 'the empty station');
    expect(sent(host).slice(3)).toEqual([{ action: 'inbox', filter: 'open', page: 0, stationId: 'st-ft-hf-01' }]);
    expect(textOf(page.querySelector('.station')!)).toBe('联络站莲花北社区人大代表联络站');
  });

  it('appends the next page at the bottom, and stops when there is no more', async () => {
    const page = await opened();
    host.answer('case.inbox', ok({ cases: [item(3), item(4, { title: '井盖松动' })], hasMore: false, counts: firstPage.counts }));
    await page.instance.onReachBottom();
    expect(sent(host).slice(2)).toEqual([{ action: 'inbox', filter: 'triage', page: 1 }]);
    // Case 3 moved onto the second page meanwhile: shown once.
    expect(texts(page, '.main--case__title-text')).toEqual(['路灯不亮', '垃圾清运不及时', '小区停车难', '井盖松动']);
    expect(textOf(page)).toContain('没有更多了');
    await page.instance.onReachBottom();
    expect(host.calls).toHaveLength(3);
  });

  it('opens a case, and refreshes the queue in place on coming back', async () => {
    const page = await opened();
    page.querySelectorAll('.case')[1].dispatchEvent('tap');
    await until(() => wx.navigations.length === 1, 'the navigation');
    expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/work/case/index?id=case-2' }]);

    host.answer('case.inbox', ok({ ...firstPage, cases: firstPage.cases.filter((c) => c.id !== 'case-2'), counts: { open: 25, triage: 3, overdue: 1 } }));
    await page.instance.onShow();
    expect(sent(host).slice(2)).toEqual([{ action: 'inbox', filter: 'triage', page: 0 }]);
    expect(texts(page, '.main--case__title-text')).toEqual(['路灯不亮', '小区停车难']);
    expect(page.data.loading).toBe(false);
  });

  it('pull-down refreshes and stops the indicator', async () => {
    const page = await opened();
    await page.instance.onPullDownRefresh();
    expect(host.calls).toHaveLength(3);
    expect(wx.pullDownStops).toBe(1);
  });

  it('a deputy sees three tabs, why each case is theirs, and no station picker with one station', async () => {
    host.answer('user.profile', ok({ openid: 'odemo-deputy', role: 'deputy', deputyId: 'dp-001', stations: [{ id: 'st-ft-hf-01', name: '莲花北社区人大代表联络站' }] }));
    host.answer(
      'case.inbox',
      ok({ cases: [item(1, { relation: 'assigned' }), item(2, { relation: 'addressed' })], hasMore: false, counts: { open: 2, triage: 0, overdue: 0 } }),
    );
    const page = await opened();
    expect(wx.titles).toEqual(['我的待办留言']);
    expect(sent(host)[1]).toEqual({ action: 'inbox', filter: 'open', page: 0 });
    expect(texts(page, '.van-tabs--van-tab')).toEqual(['办理中 2', '已超期', '已办结']);
    expect(texts(page, '.main--case__relation')).toEqual(['交办给我', '写给我']);
    expect(page.querySelector('.station')).toBeUndefined();
  });

  it('the district office starts on 已超期; an empty tab says so', async () => {
    host.answer('user.profile', ok({ openid: 'odemo-admin', role: 'admin', district: '福田区' }));
    host.answer('case.inbox', ok({ cases: [], hasMore: false, counts: { open: 0, triage: 0, overdue: 0 } }));
    const page = await opened();
    expect(sent(host)[1]).toEqual({ action: 'inbox', filter: 'overdue', page: 0 });
    expect(texts(page, '.van-tabs--van-tab')).toEqual(['已超期', '办理中', '已办结']);
    expect(textOf(page)).toContain('没有超期的留言，继续保持');
  });

  it('a resident is told the queue is not for them, and nothing is asked of the case function', async () => {
    host.answer('user.profile', ok({ openid: 'odemo-resident', role: 'resident' }));
    const page = await opened();
    expect(textOf(page)).toContain('待办留言仅供人大代表、联络员和区人大常委会使用');
    expect(sent(host)).toEqual([{ action: 'profile' }]);
  });

  it('a further page sends only its own rows', async () => {
    host.answer('case.inbox', ok({ ...firstPage, cases: Array.from({ length: 20 }, (_x, i) => item(i + 1)) }));
    const page = await opened();
    host.answer('case.inbox', ok({ ...firstPage, cases: Array.from({ length: 20 }, (_x, i) => item(i + 21)), hasMore: false }));
    const meter = measureSetData(page);
    await page.instance.onReachBottom();
    meter.stop();
    expect(page.querySelectorAll('.case')).toHaveLength(40);
    const largest = meter.largest();
    console.info(`[setData] work inbox, page 2 of 20 rows: largest single setData ${largest.bytes} bytes`);
    expect(Object.keys(largest.payload).filter((k) => k.startsWith('cases['))).toHaveLength(20);
    expect(largest.payload).not.toHaveProperty('cases');
  });
});
