/** @jest-environment jsdom */
import type { FollowedStation } from '../../typings/api';
import type { BookingView } from '../../typings/booking';
import type { Profile } from '../../typings/workspace';
import { toBookingRows } from '../../miniprogram/pages/me/resident-view';
import { config } from '../../miniprogram/config';
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import { startFunctionHostStub } from './support/function-host-stub';
import type { FunctionHostStub } from './support/function-host-stub';
import { fakeClockAt, loadPage, renderPage, textOf, until } from './support/load-page';
import { openPage } from './support/page-scenarios';
import type { RenderedComponent } from './support/load-page';

const PROFILES: Record<Profile['role'], Profile> = {
  resident: { openid: 'odemo-resident', role: 'resident' },
  deputy: {
    openid: 'odemo-deputy',
    role: 'deputy',
    name: '李明',
    deputyId: 'dp-001',
    stations: [
      { id: 'st-ft-hf', name: '华富街道人大代表联络站' },
      { id: 'st-ft-hf-01', name: '莲花北社区人大代表联络站' },
    ],
  },
  officer: { openid: 'odemo-officer', role: 'officer', name: '王芳', stations: [{ id: 'st-ft-hf', name: '华富街道人大代表联络站' }] },
  admin: { openid: 'odemo-admin', role: 'admin', name: '赵敏', district: '福田区' },
  unit: { openid: 'odemo-unit', role: 'unit', name: '陈刚', unit: { id: 'unit-ft-zjj', name: '区住房和建设局' } },
};

/** A station as `reception.followed` answers it. */
const followedStation = (over: Partial<FollowedStation>): FollowedStation => ({
  id: 'st-ft-yl',
  name: '福田区园岭街道人大代表联络站',
  address: '福田区园岭街道百花二路园岭街道党群服务中心',
  nextReceptionDate: null,
  ...over,
});

/** Tuesday 25 November 2025, 10:30 in Shenzhen. */
const NOW = new Date('2025-11-25T02:30:00Z');

const booking = (over: Partial<BookingView>): BookingView => ({
  id: 'bk-1',
  receptionId: 'rc-1',
  stationId: 'st-ft-hf',
  stationName: '福田区华富街道人大代表联络站',
  date: '2025-11-27',
  start: '09:00',
  end: '09:30',
  topic: '加装电梯',
  status: 'booked',
  createdAt: '2025-11-20T02:00:00.000Z',
  ...over,
});

// A typed require: the service uses `wx`, whose types only the mini-program's tsconfig knows.
const { localAccounts } = require('../../miniprogram/services/local-account') as { localAccounts(): readonly { openid: string }[] };

/** A page is registered once per test file; both suites render it. */
let registered: string | undefined;
const mePage = (): string => (registered ??= loadPage('pages/me/index'));

const entryTitles = (page: RenderedComponent) => page.querySelectorAll('.entry').map((c) => textOf(c));
/** The identity cells' values (the 工作台 entries have none). */
const cellValues = (page: RenderedComponent) =>
  ['.role', '.name', '.scope', '.openid']
    .flatMap((selector) => page.querySelectorAll(selector))
    .map((cell) => cell.dom.querySelector('.van-cell--van-cell__value')?.textContent?.trim())
    .filter(Boolean);

describe('我的 page', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pageId: string;

  beforeAll(async () => {
    host = await startFunctionHostStub();
    Object.assign(config, { mode: 'local', localHost: host.url, localOpenid: 'odemo-deputy' });
    pageId = mePage();
  });
  afterAll(() => host.close());
  beforeEach(() => {
    host.calls.length = 0;
    wx = createWxPlatform();
    wx.install();
    // A resident's own sections, empty unless a test says otherwise.
    host.answer('reception.mine', { ok: true, data: { bookings: [] } });
    host.answer('reception.followed', { ok: true, data: { stations: [] } });
  });

  async function shown(profile: Profile): Promise<RenderedComponent> {
    host.answer('user.profile', { ok: true, data: profile });
    const page = renderPage(pageId);
    await page.instance.onShow();
    await until(() => !page.data.loading && !page.data.residentLoading, 'the profile');
    return page;
  }

  it('asks the function host who I am, and shows a deputy name, role and stations', async () => {
    const page = await shown(PROFILES.deputy);
    expect(cellValues(page)).toEqual(['人大代表', '李明', '华富街道人大代表联络站、莲花北社区人大代表联络站', 'odem****puty']);
    expect(host.calls).toEqual([{ fn: 'user', body: { action: 'profile' }, openid: 'odemo-deputy' }]);
  });

  it.each([
    ['deputy', ['待办留言', '我的建议', '接待日签到', '履职档案', '履职活动登记', '发布述职报告']],
    ['officer', ['待办留言', '接待安排', '立法意见征集', '履职活动登记', '发布述职报告']],
    ['admin', ['待办留言', '代表建议', '立法意见征集', '联络站管理', '代表与联络员', '承办单位', '邀请码', '办理情况统计', '代表履职活动']],
    ['unit', ['待办建议']],
  ] as const)('gives a %s the 工作台 entries %j', async (role, titles) => {
    const page = await shown(PROFILES[role]);
    expect(textOf(page)).toContain('工作台');
    expect(entryTitles(page)).toEqual(titles);
    expect(textOf(page)).not.toContain('输入邀请码');
  });

  it('names the district office 区人大常委会 with its district', async () => {
    const page = await shown(PROFILES.admin);
    expect(cellValues(page)).toEqual(['区人大常委会', '赵敏', '福田区', 'odem****dmin']);
  });

  it('offers a resident only the invite code, and opens it', async () => {
    const page = await shown(PROFILES.resident);
    expect(cellValues(page)).toEqual(['群众', 'odem****dent']);
    expect(entryTitles(page)).toEqual(['输入邀请码']);
    expect(textOf(page)).not.toContain('工作台');
    page.querySelector('.entry-redeem')!.querySelector('.van-cell')!.dispatchEvent('tap');
    await until(() => wx.navigations.length > 0, 'navigation');
    expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/work/redeem/index' }]);
  });

  it('gives a resident 我的意见 beside their bookings, opening their comments on draft laws; no worker sees it', async () => {
    const page = await shown(PROFILES.resident);
    expect(textOf(page.querySelector('.my-comments')!)).toBe('我的意见对法律草案提的意见，看是否被采纳');
    page.querySelector('.my-comments')!.dispatchEvent('tap');
    await until(() => wx.navigations.length > 0, 'navigation');
    expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/consultation/mine/index' }]);
    const officer = await shown(PROFILES.officer);
    expect(officer.querySelector('.my-comments')).toBeUndefined();
  });

  it.each([
    ['.entry-checkin', 'deputy', '/packages/work/checkin/index'],
    ['.entry-duty', 'deputy', '/packages/work/duty/index'],
    ['.entry-schedule', 'officer', '/packages/work/schedule/index'],
    ['.entry-report', 'officer', '/packages/work/report/index'],
    ['.entry-report', 'deputy', '/packages/work/report/index'],
    ['.entry-inbox', 'officer', '/packages/work/inbox/index'],
    ['.entry-figures', 'admin', '/packages/admin/figures/index'],
    ['.entry-invites', 'admin', '/packages/admin/invites/index'],
    ['.entry-activities', 'officer', '/packages/work/activities/index'],
    ['.entry-activities', 'admin', '/packages/work/activities/index'],
    ['.entry-units', 'admin', '/packages/admin/units/index'],
    ['.entry-suggestions', 'unit', '/packages/suggestion/list/index'],
    ['.entry-consultations', 'officer', '/packages/consultation/list/index'],
    ['.entry-consultations', 'admin', '/packages/consultation/list/index'],
  ] as const)('opens %s for a %s at %s', async (entry, role, url) => {
    const page = await shown(PROFILES[role]);
    page.querySelector(entry)!.querySelector('.van-cell')!.dispatchEvent('tap');
    await until(() => wx.navigations.length > 0, 'navigation');
    expect(wx.navigations).toEqual([{ method: 'navigateTo', url }]);
  });

  it('refreshes on show: back from redeeming an invite, the 工作台 is there', async () => {
    const page = await shown(PROFILES.resident);
    host.answer('user.profile', { ok: true, data: { ...PROFILES.deputy, openid: 'odemo-resident' } });
    await page.instance.onShow();
    await until(() => entryTitles(page).length === 6, 'the deputy entries');
    expect(cellValues(page)[0]).toBe('人大代表');
    expect(host.calls.filter((c) => c.body.action === 'profile')).toHaveLength(2);
  });

  it('keeps what is on screen when a refresh fails', async () => {
    const page = await shown(PROFILES.officer);
    host.answer('user.profile', { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } });
    // onShow's promise is the refresh itself: once it settles, the failed answer has been handled.
    await page.instance.onShow();
    expect(host.calls.filter((c) => c.body.action === 'profile')).toHaveLength(2);
    expect(entryTitles(page)).toEqual(['待办留言', '接待安排', '立法意见征集', '履职活动登记', '发布述职报告']);
    expect(textOf(page)).not.toContain('服务暂时不可用');
  });

  it('shows the error the function answered, with a retry', async () => {
    host.answer('user.profile', { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    const page = renderPage(pageId);
    await page.instance.onShow();
    await until(() => !page.data.loading, 'profile');
    expect(textOf(page)).toContain('请先登录');
    const error = page.querySelector('.page-error')!;
    expect(textOf(error)).toContain('12345政务服务热线');
    host.answer('user.profile', { ok: true, data: PROFILES.officer });
    error.querySelector('.retry')!.querySelector('.van-button')!.dispatchEvent('tap');
    await until(() => entryTitles(page).length === 5, 'the retry');
    expect(entryTitles(page)).toEqual(['待办留言', '接待安排', '立法意见征集', '履职活动登记', '发布述职报告']);
  });

  describe('a resident’s own: 我的预约 and 关注的联络站', () => {
    const rows = (page: RenderedComponent, selector: string) => page.querySelectorAll(selector).map((c) => textOf(c));
    beforeAll(() => fakeClockAt(NOW));
    afterAll(() => jest.useRealTimers());

    it('lists my bookings with station, day and time; a row opens its station, 查看或取消预约 its booking page', async () => {
      host.answer('reception.mine', {
        ok: true,
        data: {
          bookings: [
            booking({}),
            booking({
              id: 'bk-0',
              stationId: 'st-ft-hf-01',
              stationName: '华富街道莲花北社区人大代表联络站',
              date: '2025-11-10',
              start: '14:00',
              end: '14:30',
              status: 'attended',
            }),
          ],
        },
      });
      const page = await shown(PROFILES.resident);
      const [upcoming, past] = rows(page, '.booking');
      expect(upcoming).toContain('福田区华富街道人大代表联络站');
      expect(upcoming).toContain('11月27日 周四 09:00-09:30');
      expect(upcoming).toContain('已预约');
      expect(upcoming).toContain('查看或取消预约');
      expect(past).toContain('华富街道莲花北社区人大代表联络站');
      expect(past).toContain('11月10日 周一 14:00-14:30');
      expect(past).toContain('已接待');
      expect(past).not.toContain('取消');

      page.querySelectorAll('.booking')[1].dispatchEvent('tap');
      page.querySelector('.booking__manage')!.dispatchEvent('tap');
      await until(() => wx.navigations.length === 2, 'two navigations');
      expect(wx.navigations).toEqual([
        { method: 'navigateTo', url: '/packages/station/detail/index?id=st-ft-hf-01' },
        { method: 'navigateTo', url: '/packages/station/booking/index?stationId=st-ft-hf' },
      ]);
    });

    it('lists the followed stations with address and next reception day, in one call, and opens one', async () => {
      host.answer('reception.followed', {
        ok: true,
        data: {
          stations: [
            followedStation({ nextReceptionDate: '2025-12-10' }),
            followedStation({ id: 'st-ft-hf', name: '福田区华富街道人大代表联络站', address: '福田区华富街道华富路1006号', nextReceptionDate: '2025-11-25' }),
            followedStation({ id: 'st-ft-hf-01', name: '华富街道莲花北社区人大代表联络站', address: '' }),
          ],
        },
      });
      const page = await shown(PROFILES.resident);
      const [yuanling, huafu, lianhua] = rows(page, '.followed-station');
      expect(yuanling).toContain('福田区园岭街道人大代表联络站');
      expect(yuanling).toContain('福田区园岭街道百花二路园岭街道党群服务中心');
      expect(yuanling).toContain('下次接待日 12月10日 周三');
      expect(yuanling).not.toContain('有新的接待日会提醒您');
      expect(huafu).toContain('今天接待');
      // Nothing scheduled: the row says what following brings instead.
      expect(lianhua).toContain('华富街道莲花北社区人大代表联络站');
      expect(lianhua).toContain('有新的接待日会提醒您');
      expect(page.querySelectorAll('.followed-station__address')).toHaveLength(2);
      // One call for the section: no export, no station.get per station.
      expect(
        host.calls
          .filter((c) => c.fn !== 'user')
          .map((c) => `${c.fn}.${c.body.action}`)
          .sort(),
      ).toEqual(['reception.followed', 'reception.mine']);

      page.querySelector('.followed-station')!.dispatchEvent('tap');
      await until(() => wx.navigations.length === 1, 'the station');
      expect(wx.navigations[0].url).toBe('/packages/station/detail/index?id=st-ft-yl');
    });

    it('says so with its own 重试 when the followed stations cannot load', async () => {
      host.answer('reception.followed', { ok: false, error: { code: 'INTERNAL', message: '关注的联络站暂时查不到' } });
      const page = await shown(PROFILES.resident);
      expect(textOf(page.querySelector('.followed')!)).toContain('关注的联络站暂时查不到');
      host.answer('reception.followed', { ok: true, data: { stations: [followedStation({})] } });
      page.querySelector('.retry-follows')!.querySelector('.van-button')!.dispatchEvent('tap');
      await until(() => page.querySelectorAll('.followed-station').length === 1, 'the followed stations');
    });

    it('says where to start when there is nothing yet', async () => {
      const page = await shown(PROFILES.resident);
      expect(textOf(page.querySelector('.bookings')!)).toContain('还没有预约。在联络站页面点“预约接待”');
      expect(textOf(page.querySelector('.followed')!)).toContain('还没有关注联络站');
    });

    it('a section that cannot load says so with its own 重试, and the rest of 我的 stays', async () => {
      host.answer('reception.mine', { ok: false, error: { code: 'INTERNAL', message: '预约暂时查不到' } });
      const page = await shown(PROFILES.resident);
      expect(textOf(page.querySelector('.bookings')!)).toContain('预约暂时查不到');
      expect(cellValues(page)[0]).toBe('群众');
      host.answer('reception.mine', { ok: true, data: { bookings: [booking({})] } });
      page.querySelector('.retry-resident')!.querySelector('.van-button')!.dispatchEvent('tap');
      await until(() => page.querySelectorAll('.booking').length === 1, 'the bookings');
    });

    it('shows no resident sections to a work role', async () => {
      const page = await shown(PROFILES.officer);
      expect(textOf(page)).not.toContain('我的预约');
      expect(textOf(page)).not.toContain('关注的联络站');
      expect(host.calls.map((c) => c.body.action)).toEqual(['profile']);
    });

    it('shapes a booked slot already started as past, without the way to cancel', () => {
      const [row] = toBookingRows([booking({ date: '2025-11-25', start: '10:00', end: '10:30' })], NOW);
      expect(row).toMatchObject({ when: '11月25日 周二 10:00-10:30', statusText: '已过预约时间', upcoming: false });
      const [ahead] = toBookingRows([booking({ date: '2025-11-25', start: '11:00', end: '11:30' })], NOW);
      expect(ahead).toMatchObject({ statusText: '已预约', upcoming: true });
    });
  });

  describe('长辈模式 and 使用说明', () => {
    const elderRow = (page: RenderedComponent) => page.querySelector('.elder-switch')!;
    /** What the switch shows (simulate drops aria-* attributes, so the row's aria-checked cannot be read here). */
    const checked = (page: RenderedComponent) => page.querySelector('.elder-switch__control')!.data.checked;

    it('the switch row turns elder mode on and off, and the open page takes the new type at once', async () => {
      const page = await shown(PROFILES.resident);
      expect(textOf(elderRow(page))).toContain('长辈模式');
      expect(textOf(elderRow(page))).toContain('字更大、按钮更大');
      expect(page.data.pageStyle).toBe('');
      expect(checked(page)).toBe(false);

      elderRow(page).dispatchEvent('tap');
      await until(() => page.data.elder === true, 'elder mode on');
      expect(page.data.pageStyle).toBe('--font-scale:1.25;--tap-min:60px');
      expect(wx.storage.get('elderMode')).toBe('on');
      expect(checked(page)).toBe(true);

      // The switch itself: its tap reaches the row, one toggle.
      page.querySelector('.elder-switch__control')!.querySelector('.van-switch')!.dispatchEvent('tap');
      await until(() => page.data.elder === false, 'elder mode off');
      expect(page.data.pageStyle).toBe('');
      expect(wx.storage.get('elderMode')).toBe('off');
    });

    it('keeps the switch within reach when 我的 cannot load', async () => {
      host.answer('user.profile', { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } });
      const page = renderPage(pageId);
      await page.instance.onShow();
      await until(() => !page.data.loading, 'the failure');
      expect(textOf(page)).toContain('服务暂时不可用');
      elderRow(page).dispatchEvent('tap');
      await until(() => page.data.elder === true, 'elder mode on');
    });

    it('opens 使用说明, with the station opened last when there is one', async () => {
      const page = await shown(PROFILES.resident);
      page.querySelector('.help-entry')!.dispatchEvent('tap');
      await until(() => wx.navigations.length === 1, 'the first navigation');
      wx.storage.set('lastStation', { id: 'st-ft-hf', name: '福田区华富街道人大代表联络站' });
      page.querySelector('.help-entry')!.dispatchEvent('tap');
      await until(() => wx.navigations.length === 2, 'two navigations');
      expect(wx.navigations.map((n) => n.url)).toEqual(['/packages/station/help/index', '/packages/station/help/index?stationId=st-ft-hf']);
    });
  });

  describe('我的数据 (residents)', () => {
    const accountTitles = (page: RenderedComponent) => page.querySelectorAll('.account').map((c) => textOf(c));
    const tap = (page: RenderedComponent, selector: string) => page.querySelector(selector)!.querySelector('.van-cell')!.dispatchEvent('tap');
    /** WeChat's editable modal answers what the person typed; the shared stub has no text field. */
    const typing = (content: string, confirm = true) => {
      (globalThis as any).wx.showModal = jest.fn(async () => ({ confirm, cancel: !confirm, content }));
      return (globalThis as any).wx.showModal as jest.Mock;
    };
    const page0 = { openid: 'odemo-resident', cases: [{ id: 'c1' }], page: 0, hasMoreCases: true, bookings: [{ id: 'b1' }], follows: [], subscriptions: [], exportedAt: 'x' };

    it('offers 导出我的数据 and 注销账号 to residents only', async () => {
      expect(accountTitles(await shown(PROFILES.resident))).toEqual(['导出我的数据', '注销账号']);
      for (const role of ['deputy', 'officer', 'admin'] as const) expect(accountTitles(await shown(PROFILES[role]))).toEqual([]);
    });

    it('exports every page of my data and puts the merged JSON on the clipboard', async () => {
      const page = await shown(PROFILES.resident);
      host.answerOnce('user.export', { ok: true, data: page0 });
      host.answerOnce('user.export', { ok: true, data: { ...page0, cases: [{ id: 'c2' }], page: 1, hasMoreCases: false } });
      host.calls.length = 0;
      tap(page, '.account-export');
      await until(() => wx.clipboard.length > 0, 'the clipboard');
      expect(host.calls.filter((c) => c.body.action === 'export').map((c) => c.body)).toEqual([
        { action: 'export', page: 0 },
        { action: 'export', page: 1 },
      ]);
      const exported = JSON.parse(wx.clipboard[0]);
      expect(exported.cases).toEqual([{ id: 'c1' }, { id: 'c2' }]);
      expect(exported).toMatchObject({ openid: 'odemo-resident', bookings: [{ id: 'b1' }] });
      expect(exported).not.toHaveProperty('hasMoreCases');
    });

    it('deletes the account only when the person types 注销, calling until the server is done, then shows a new resident', async () => {
      const page = await shown(PROFILES.resident);
      typing('删除');
      await page.instance.onDeleteAccount();
      expect(host.calls.filter((c) => c.body.action === 'deleteAccount')).toEqual([]);
      expect(wx.toasts.at(-1)?.title).toContain('请输入“注销”');

      const modal = typing('注销');
      host.answerOnce('user.deleteAccount', { ok: true, data: { done: false, casesWithdrawn: 1, casesAnonymised: 50, bookingsCancelled: 0 } });
      host.answerOnce('user.deleteAccount', { ok: true, data: { done: true, casesWithdrawn: 0, casesAnonymised: 3, bookingsCancelled: 1 } });
      await page.instance.onDeleteAccount();
      expect(modal.mock.calls[0][0]).toMatchObject({ title: '注销账号', editable: true });
      expect(host.calls.filter((c) => c.body.action === 'deleteAccount').map((c) => c.body)).toEqual([
        { action: 'deleteAccount', confirm: '注销' },
        { action: 'deleteAccount', confirm: '注销' },
      ]);
      expect(wx.toasts.at(-1)).toEqual({ title: '账号已注销', icon: 'success' });
      const lastDelete = host.calls.map((c) => c.body.action).lastIndexOf('deleteAccount');
      expect(host.calls.slice(lastDelete + 1).map((c) => c.body.action)).toContain('profile');
    });

    it('does nothing when the person cancels, and says why when the server refuses', async () => {
      const page = await shown(PROFILES.resident);
      typing('注销', false);
      await page.instance.onDeleteAccount();
      expect(host.calls.filter((c) => c.body.action === 'deleteAccount')).toEqual([]);
      typing('注销');
      host.answerOnce('user.deleteAccount', { ok: false, error: { code: 'FORBIDDEN', message: '没有权限' } });
      await page.instance.onDeleteAccount();
      expect(wx.toasts.at(-1)?.title).toBe('没有权限');
    });
  });
});

describe('我的 page in local mode: the demo accounts', () => {
  let host: FunctionHostStub;
  let pageId: string;

  beforeAll(async () => {
    host = await startFunctionHostStub();
    Object.assign(config, { mode: 'local', localHost: host.url, localOpenid: 'odemo-resident' });
    pageId = mePage();
  });
  afterAll(() => host.close());

  it('switches to another seeded account, remembers it, and asks again who I am as that account', async () => {
    const wx = createWxPlatform();
    wx.install();
    host.answer('user.profile', { ok: true, data: PROFILES.resident });
    const page = renderPage(pageId);
    await page.instance.onShow();
    await until(() => !page.data.loading, 'the profile');
    expect(page.querySelectorAll('.demo-account').map((c) => textOf(c))).toEqual([
      expect.stringContaining('群众'),
      expect.stringContaining('群众（第二位）'),
      expect.stringContaining('人大代表'),
      expect.stringContaining('联络员'),
      expect.stringContaining('区人大常委会'),
      expect.stringContaining('承办单位（区住房和建设局）'),
      expect.stringContaining('承办单位（区城市管理和综合执法局）'),
    ]);
    expect(textOf(page.querySelectorAll('.demo-account')[0])).toContain('当前');

    host.answer('user.profile', { ok: true, data: PROFILES.officer });
    await page.instance.onSwitchAccount({ currentTarget: { dataset: { openid: 'odemo-officer' } } });
    await until(() => !page.data.loading, 'the new profile');
    expect(host.calls.at(-1)).toEqual({ fn: 'user', body: { action: 'profile' }, openid: 'odemo-officer' });
    expect(wx.storage.get('localOpenid')).toBe('odemo-officer');
    expect(textOf(page.querySelectorAll('.demo-account')[3])).toContain('当前');
    expect(textOf(page)).toContain('接待安排');
  });

  it('in the demo data (smoke test, screenshots), 我的 shows the person the switcher marks 当前', async () => {
    // Whatever account an earlier render was left on: the scenario's profile decides who calls.
    config.localOpenid = 'odemo-admin';
    const { page } = await openPage(pageId, 'pages/me/index', 'loaded', host);
    await until(() => !page.data.residentLoading, 'the resident sections');
    const current = page
      .querySelectorAll('.demo-account')
      .map((c) => textOf(c))
      .filter((t) => t.includes('当前'));
    expect(current).toHaveLength(1);
    expect(current[0]).toContain(cellValues(page)[0]);
    expect(host.calls.every((c) => c.openid === 'odemo-resident')).toBe(true);
    expect(textOf(page.querySelector('.bookings')!)).toContain('华富街道莲花北社区人大代表联络站');
    expect(textOf(page.querySelector('.followed')!)).toContain('福田区华富街道人大代表联络站');
  });

  it('has no accounts to switch in cloud mode, where WeChat says who the caller is', () => {
    Object.assign(config, { mode: 'cloud' });
    try {
      expect(localAccounts()).toEqual([]);
    } finally {
      Object.assign(config, { mode: 'local' });
    }
  });
});
