/** @jest-environment jsdom */
/**
 * 联络站管理 and 邀请码 (admin) rendered by miniprogram-simulate with real Vant, against a stub
 * function host: search and paging, handing a station to its page, revoking an invite.
 */
import type { AdminStation, InviteView } from '../../typings/workspace';
import { edits, handedStation } from '../../miniprogram/packages/admin/common/handoff';
import { setClock } from '../../miniprogram/utils/time';
import type { WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPages, textOf, until } from './support/load-page';
import { installWx, openedPage, startLocalHost, stopLocalHost } from './support/page-harness';
import type { RenderedComponent } from './support/load-page';

const station = (n: number, over: Partial<AdminStation> = {}): AdminStation => ({
  id: `st-${n}`,
  code: `FT-${n}`,
  name: `第${n}联络站`,
  kind: 'community',
  district: '福田区',
  street: '华富街道',
  community: '莲花北社区',
  address: '莲花北村',
  location: { type: 'Point', coordinates: [114.06, 22.55] },
  phone: '0755-83001234',
  hours: [],
  officers: [{ id: 'sf-ft-hf', name: '王芳' }],
  rules: [],
  deputies: 3,
  ...over,
});

const invite = (code: string, over: Partial<InviteView> = {}): InviteView => ({
  code,
  role: 'officer',
  person: { id: 'sf-ft-hf', name: '王芳' },
  status: 'open',
  createdAt: '2025-11-21T01:30:00.000Z',
  expiresAt: '2025-11-28T01:30:00.000Z',
  ...over,
});

describe('联络站管理 and 邀请码 pages (admin)', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pages: { stations: string; invites: string };

  beforeAll(async () => {
    host = await startLocalHost('odemo-admin');
    pages = loadPages({ stations: 'packages/admin/stations/index', invites: 'packages/admin/invites/index' });
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    setClock(() => new Date('2025-11-21T02:00:00Z'));
    wx = installWx();
  });

  const calls = (action: string) => host.calls.filter((c) => c.fn === 'admin' && c.body.action === action).map((c) => c.body);

  const opened = (id: string): Promise<RenderedComponent> => openedPage(id, {}, 'the list to load');

  describe('联络站管理', () => {
    it('lists stations with code, place, kind, officers and deputies; the next 20 at the bottom', async () => {
      host.answer('admin.stations', { ok: true, data: { stations: Array.from({ length: 20 }, (_, i) => station(i)), hasMore: true } });
      const page = await opened(pages.stations);
      const text = textOf(page);
      for (const words of ['第0联络站', 'FT-0 · 华富街道 · 莲花北社区', '社区联络站', '联络员：王芳 · 代表 3 名', '上拉加载更多']) expect(text).toContain(words);

      host.answer('admin.stations', { ok: true, data: { stations: [station(19), station(20, { kind: 'sector', sector: 'law', officers: [] })], hasMore: false } });
      await page.instance.onReachBottom();
      expect(page.data.stations).toHaveLength(21); // the repeated one is not shown twice
      expect(textOf(page)).toContain('法律行业联络站');
      expect(textOf(page)).toContain('未配联络员');
      expect(textOf(page)).toContain('没有更多了');
      expect(calls('stations')).toEqual([
        { action: 'stations', page: 0 },
        { action: 'stations', page: 1 },
      ]);
    });

    it('searches, says when nothing matches, and clears back to all', async () => {
      host.answer('admin.stations', { ok: true, data: { stations: [station(1)], hasMore: false } });
      const page = await opened(pages.stations);
      host.answer('admin.stations', { ok: true, data: { stations: [], hasMore: false } });
      page.instance.onSearch({ detail: '  香蜜湖 ' });
      await until(() => textOf(page).includes('没有找到与「香蜜湖」有关的联络站'), 'the empty search');
      host.answer('admin.stations', { ok: true, data: { stations: [station(1)], hasMore: false } });
      page.instance.onClear();
      await until(() => textOf(page).includes('第1联络站'), 'all again');
      expect(calls('stations').slice(1)).toEqual([
        { action: 'stations', query: '香蜜湖', page: 0 },
        { action: 'stations', page: 0 },
      ]);
    });

    it('a tap hands the station to its page; 新建联络站 opens an empty one; a save elsewhere refreshes on return', async () => {
      host.answer('admin.stations', { ok: true, data: { stations: [station(1), station(2)], hasMore: false } });
      const page = await opened(pages.stations);
      page.querySelectorAll('.station')[1].querySelector('.van-cell')!.dispatchEvent('tap');
      page.querySelector('.create')!.querySelector('.van-button')!.dispatchEvent('tap');
      await until(() => wx.navigations.length === 2, 'the navigations');
      expect(wx.navigations).toEqual([
        { method: 'navigateTo', url: '/packages/admin/station/index?id=st-2' },
        { method: 'navigateTo', url: '/packages/admin/station/index' },
      ]);
      expect(handedStation('st-2')?.name).toBe('第2联络站');

      await page.instance.onShow();
      expect(calls('stations')).toHaveLength(1); // nothing changed: no reload
      edits.stations += 1;
      await page.instance.onShow();
      expect(calls('stations')).toHaveLength(2);
    });

    it('shows the server’s refusal with a retry', async () => {
      host.answer('admin.stations', { ok: false, error: { code: 'FORBIDDEN', message: '您的账号没有关联行政区，请联系系统管理员' } });
      const page = await opened(pages.stations);
      expect(textOf(page)).toContain('您的账号没有关联行政区，请联系系统管理员');
      expect(textOf(page)).toContain('重试');
    });
  });

  describe('邀请码', () => {
    it('lists each invite with its person, coloured status and Beijing times; 撤销 only on open ones', async () => {
      host.answer('admin.invites', {
        ok: true,
        data: {
          invites: [
            invite('K7QM2XPA'),
            invite('R2D2C3PO', { status: 'redeemed', role: 'deputy', person: { id: 'dp-001', name: '李明' }, redeemedAt: '2025-11-21T03:00:00.000Z' }),
            invite('ZZZZ9999', { status: 'revoked' }),
            invite('EXPD1234', { status: 'expired' }),
          ],
          hasMore: false,
        },
      });
      const page = await opened(pages.invites);
      const text = textOf(page);
      for (const words of [
        'K7QM2XPA',
        '联络员 · 王芳',
        '未使用',
        '生成于 11月21日 09:30 · 有效至 11月28日 09:30',
        '人大代表 · 李明',
        '已使用',
        '使用于 11月21日 11:00',
        '已撤销',
        '已过期',
      ]) {
        expect(text).toContain(words);
      }
      expect(page.querySelectorAll('.revoke')).toHaveLength(1);
      const tagTypes = Array.from(page.dom.querySelectorAll('.main--invite__status')).map(
        (t) => (t as unknown as { className: string }).className.match(/main--mark--(primary|success|default|warning)/)?.[1],
      );
      // The status's colour is the rendered mark's tone (a token pair of app.wxss).
      expect(tagTypes).toEqual(['primary', 'success', 'default', 'warning']);
    });

    it('revokes an open invite after the confirm dialog, with its code', async () => {
      host.answer('admin.invites', { ok: true, data: { invites: [invite('K7QM2XPA'), invite('ABCD2345')], hasMore: false } });
      const page = await opened(pages.invites);
      host.answer('admin.revokeInvite', { ok: true, data: invite('ABCD2345', { status: 'revoked' }) });
      page.querySelectorAll('.revoke')[1].querySelector('.van-button')!.dispatchEvent('tap');
      await until(() => wx.toasts.length > 0, 'the revoke');
      expect(wx.modals).toEqual([{ title: '撤销邀请码', content: '撤销后，王芳将不能再用邀请码 ABCD2345 绑定身份。' }]);
      expect(calls('revokeInvite')).toEqual([{ action: 'revokeInvite', code: 'ABCD2345' }]);
      expect(wx.toasts).toEqual([{ title: '已撤销', icon: 'success' }]);
      expect(page.data.invites.map((i: { statusText: string }) => i.statusText)).toEqual(['未使用', '已撤销']);
      expect(page.querySelectorAll('.revoke')).toHaveLength(1);
    });

    it('says why a revoke was refused, and changes nothing', async () => {
      host.answer('admin.invites', { ok: true, data: { invites: [invite('K7QM2XPA')], hasMore: false } });
      const page = await opened(pages.invites);
      host.answer('admin.revokeInvite', { ok: false, error: { code: 'CONFLICT', message: '邀请码已被使用，不能作废；如需收回权限，请解除绑定' } });
      page.querySelector('.revoke')!.querySelector('.van-button')!.dispatchEvent('tap');
      await until(() => wx.toasts.length > 0, 'the refusal');
      expect(wx.toasts).toEqual([{ title: '邀请码已被使用，不能作废；如需收回权限，请解除绑定', icon: 'none' }]);
      expect(page.data.invites[0].statusText).toBe('未使用');
    });

    it('pages by 20 at the bottom', async () => {
      host.answer('admin.invites', { ok: true, data: { invites: Array.from({ length: 20 }, (_, i) => invite(`CODE${String(i).padStart(4, '0')}`)), hasMore: true } });
      const page = await opened(pages.invites);
      host.answer('admin.invites', { ok: true, data: { invites: [invite('LAST0000')], hasMore: false } });
      await page.instance.onReachBottom();
      expect(textOf(page)).toContain('LAST0000');
      expect(calls('invites')).toEqual([
        { action: 'invites', page: 0 },
        { action: 'invites', page: 1 },
      ]);
    });
  });
});
