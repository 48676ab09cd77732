/** @jest-environment jsdom */
import type { Profile } from '../../typings/workspace';
import { config } from '../../miniprogram/config';
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import { startFunctionHostStub } from './support/function-host-stub';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPage, renderPage, textOf, until } from './support/load-page';
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
};

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
  });

  async function shown(profile: Profile): Promise<RenderedComponent> {
    host.answer('user.profile', { ok: true, data: profile });
    const page = renderPage(pageId);
    await page.instance.onShow();
    await until(() => !page.data.loading, 'the profile');
    return page;
  }

  it('asks the function host who I am, and shows a deputy name, role and stations', async () => {
    const page = await shown(PROFILES.deputy);
    expect(cellValues(page)).toEqual(['人大代表', '李明', '华富街道人大代表联络站、莲花北社区人大代表联络站', 'odem****puty']);
    expect(host.calls).toEqual([{ fn: 'user', body: { action: 'profile' }, openid: 'odemo-deputy' }]);
  });

  it.each([
    ['deputy', ['待办留言', '接待日签到', '履职档案']],
    ['officer', ['待办留言', '接待安排']],
    ['admin', ['待办留言', '联络站管理', '代表与联络员', '邀请码', '办理情况统计']],
  ] as const)('gives a %s the 工作台 entries %j', async (role, titles) => {
    const page = await shown(PROFILES[role]);
    expect(textOf(page)).toContain('工作台');
    expect(entryTitles(page)).toEqual(titles);
    expect(textOf(page)).not.toContain('输入邀请码');
  });

  it('names the district office 代表工作机构 with its district', async () => {
    const page = await shown(PROFILES.admin);
    expect(cellValues(page)).toEqual(['代表工作机构', '赵敏', '福田区', 'odem****dmin']);
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

  it.each([
    ['.entry-checkin', 'deputy', '/packages/work/checkin/index'],
    ['.entry-duty', 'deputy', '/packages/work/duty/index'],
    ['.entry-schedule', 'officer', '/packages/work/schedule/index'],
    ['.entry-inbox', 'officer', '/packages/work/inbox/index'],
    ['.entry-figures', 'admin', '/packages/admin/figures/index'],
    ['.entry-invites', 'admin', '/packages/admin/invites/index'],
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
    await until(() => entryTitles(page).length === 3, 'the deputy entries');
    expect(cellValues(page)[0]).toBe('人大代表');
    expect(host.calls.filter((c) => c.body.action === 'profile')).toHaveLength(2);
  });

  it('keeps what is on screen when a refresh fails', async () => {
    const page = await shown(PROFILES.officer);
    host.answer('user.profile', { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用' } });
    await page.instance.onShow();
    await until(() => host.calls.length === 2, 'the second call');
    await new Promise((r) => setTimeout(r, 50));
    expect(entryTitles(page)).toEqual(['待办留言', '接待安排']);
    expect(textOf(page)).not.toContain('服务暂时不可用');
  });

  it('shows the error the function answered, with a retry', async () => {
    host.answer('user.profile', { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    const page = renderPage(pageId);
    await page.instance.onShow();
    await until(() => !page.data.loading, 'profile');
    expect(textOf(page)).toContain('请先登录');
    expect(page.dom.querySelector('.van-button--van-button')?.textContent).toContain('重试');
    host.answer('user.profile', { ok: true, data: PROFILES.officer });
    await page.instance.onRetry();
    expect(entryTitles(page)).toEqual(['待办留言', '接待安排']);
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
      expect(host.calls.at(-1)?.body).toEqual({ action: 'profile' });
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
      expect.stringContaining('代表工作机构'),
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

  it('has no accounts to switch in cloud mode, where WeChat says who the caller is', () => {
    Object.assign(config, { mode: 'cloud' });
    try {
      expect(localAccounts()).toEqual([]);
    } finally {
      Object.assign(config, { mode: 'local' });
    }
  });
});
