/** @jest-environment jsdom */
import type { StationDetail } from '../../typings/api';
import { config } from '../../miniprogram/config';
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import { startFunctionHostStub } from './support/function-host-stub';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPage, renderPage, textOf, until, fakeClockAt } from './support/load-page';
import type { RenderedComponent, RenderedNode } from './support/load-page';
import { reflectWxAttributes } from '../../scripts/screenshots/wx-attributes';

/** An attribute of a rendered node (simulate's DOM is jsdom's; RenderedNode types only what most tests read). */
const attr = (node: RenderedNode | null | undefined, name: string): string | null =>
  (node as unknown as { getAttribute(n: string): string | null } | null)?.getAttribute(name) ?? null;

/** Tuesday 25 November 2025, 10:30 in Shenzhen. */
const NOW = new Date('2025-11-25T02:30:00Z');

const detail: StationDetail = {
  id: 'st-ft-hf-01',
  code: 'FT-HF-01',
  name: '华富街道莲花北社区人大代表联络站',
  kind: 'community',
  street: '华富街道',
  community: '莲花北社区',
  district: '福田区',
  address: '福田区华富街道莲花北村12栋一楼',
  location: { type: 'Point', coordinates: [114.0708, 22.5584] },
  phone: '0755-83210001',
  hours: [
    { weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '12:00' },
    { weekdays: [1, 2, 3, 4, 5], open: '14:00', close: '18:00' },
    { weekdays: [6], open: '09:00', close: '12:00' },
  ],
  nextReceptionDate: '2025-11-25',
  rules: ['代表接待群众制度：每月10日为统一接待日', '群众意见办理反馈制度：七个工作日内答复'],
  officers: [
    { id: 'sf-ft-hf-01', name: '陈晓燕', phone: '0755-83210011' },
    { id: 'sf-ft-hf', name: '刘建国', phone: '0755-83210010' },
  ],
  deputies: [
    { id: 'dp-001', name: '王丽华', level: 'district', delegation: '福田区第八届人大 华富选区', occupation: '莲花北社区党委书记' },
    {
      id: 'dp-042',
      name: '欧阳明',
      level: 'municipal',
      delegation: '深圳市第七届人大 福田代表团',
      occupation: '深圳市第二人民医院主任医师',
      photoUrl: 'https://example.invalid/dp-042.jpg',
    },
  ],
  receptions: [
    {
      id: 'rc-ft-hf-01-20251125',
      date: '2025-11-25',
      start: '09:00',
      end: '11:30',
      deputies: [{ id: 'dp-001', name: '王丽华' }],
      officer: { id: 'sf-ft-hf-01', name: '陈晓燕', phone: '0755-83210011' },
    },
    {
      id: 'rc-ft-hf-01-20251210',
      date: '2025-12-10',
      start: '14:30',
      end: '17:00',
      deputies: [
        { id: 'dp-001', name: '王丽华' },
        { id: 'dp-042', name: '欧阳明' },
      ],
      officer: { id: 'sf-ft-hf-01', name: '陈晓燕', phone: '0755-83210011' },
    },
  ],
  figures: { period: { from: '2024-11-26', to: '2025-11-25' }, received: 40, closed: 37, rated: 37, satisfied: 34, respondedInTime: 39, visitors: 15 },
};

describe('联络站 page', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pageId: string;

  beforeAll(async () => {
    fakeClockAt(NOW);
    host = await startFunctionHostStub();
    config.mode = 'local';
    config.localHost = host.url;
    pageId = loadPage('packages/station/detail/index');
  });
  afterAll(async () => {
    jest.useRealTimers();
    await host.close();
  });

  beforeEach(() => {
    host.calls.length = 0;
    host.answer('station.get', { ok: true, data: detail });
    wx = createWxPlatform();
    wx.install();
  });

  async function open(options: Record<string, string>): Promise<RenderedComponent> {
    const page = renderPage(pageId);
    await page.instance.onLoad(options);
    await until(() => !page.data.loading, 'the station to load');
    return page;
  }

  /** Text of each rendered node of a class (the page's own classes are prefixed `main--`). */
  const texts = (page: RenderedComponent, selector: string) => Array.from(page.dom.querySelectorAll(selector)).map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim());
  const getCalls = () => host.calls.filter((c) => c.fn === 'station').map((c) => c.body);
  const tapButton = (node: RenderedComponent | undefined, inner: string) => node!.querySelector(inner)!.dispatchEvent('tap');
  /** The bar's buttons are van-buttons: the tap lands on the native button inside. */
  const tapAction = (node: RenderedComponent | undefined) => tapButton(node, '.van-button');

  it.each([
    ['a scanned mini-program code, its scene URL-encoded', { scene: encodeURIComponent('FT-HF-01') }, { code: 'FT-HF-01' }],
    ['a scene WeChat percent-encoded throughout', { scene: 'FT%2DHF%2D01' }, { code: 'FT-HF-01' }],
    ['the list (?id=)', { id: 'st-ft-hf-01' }, { id: 'st-ft-hf-01' }],
    ['a share or a printed code (?code=)', { code: 'FT-HF-01' }, { code: 'FT-HF-01' }],
  ])('opened from %s, asks station.get for the right station', async (_from, options, query) => {
    const page = await open(options);
    expect(getCalls()).toEqual([{ action: 'get', ...query }]);
    expect(textOf(page)).toContain('华富街道莲花北社区人大代表联络站');
    expect(wx.titles).toEqual(['华富街道莲花北社区人大代表联络站']);
  });

  it('shows the station: kind, open now, address, hours, phone and its liaison officers', async () => {
    const page = await open({ id: 'st-ft-hf-01' });
    const text = textOf(page);
    const tags = Array.from(page.dom.querySelectorAll('.van-tag--van-tag')).map((t) => t.textContent?.trim());
    expect(tags.slice(0, 2)).toEqual(['社区联络站', '营业中']);
    expect(text).toContain('今天接待');
    expect(text).toContain('福田区华富街道莲花北村12栋一楼');
    expect(text).toContain('周一至周五 09:00-12:00、14:00-18:00');
    expect(text).toContain('周六 09:00-12:00');
    expect(text).toContain('0755-83210001');
    // Each fact in full under its own title (no title and value squeezed side by side).
    expect(textOf(page.querySelector('.address')!)).toBe('地址福田区华富街道莲花北村12栋一楼');
    expect(textOf(page.querySelector('.phone')!)).toBe('联系电话0755-83210001');
    expect(texts(page, '.main--fact')).toEqual(['福田区华富街道莲花北村12栋一楼', '周一至周五 09:00-12:00、14:00-18:00周六 09:00-12:00', '0755-83210001']);
    // A cell renders its title and value side by side, without a space between them.
    const officers = page.querySelectorAll('.officer').map((c) => textOf(c));
    expect(officers).toEqual(['陈晓燕0755-83210011', '刘建国0755-83210010']);
  });

  it('puts the five things of the station wall in tabs, with real Vant tabs', async () => {
    const page = await open({ id: 'st-ft-hf-01' });
    const titles = Array.from(page.dom.querySelectorAll('.van-tabs--van-tab')).map((t) => t.textContent?.trim());
    expect(titles).toEqual(['代表名单', '接待安排', '制度', '履职情况', '述职报告']);
    // Full titles (the row scrolls when they do not fit), never cut to "履职…" at a large font.
    expect(page.dom.querySelectorAll('.van-tabs--van-tab--complete')).toHaveLength(5);
    expect(page.querySelector('.wall')!.dom.querySelectorAll('[class*="van-ellipsis"]')).toHaveLength(0);

    // Roster: a photo when there is one, otherwise the surname; level, delegation, occupation.
    expect(texts(page, '.main--deputy__initial')).toEqual(['王']);
    // simulate does not reflect <image src> into the DOM: one image node, bound to the photo.
    expect(page.dom.querySelectorAll('.main--deputy__photo')).toHaveLength(1);
    expect(page.data.station.deputies[1].photoUrl).toBe('https://example.invalid/dp-042.jpg');
    expect(texts(page, '.main--deputy__name')).toEqual(['王丽华区人大代表', '欧阳明市人大代表']);
    expect(texts(page, '.main--deputy__line')).toEqual(['福田区第八届人大 华富选区', '莲花北社区党委书记', '深圳市第七届人大 福田代表团', '深圳市第二人民医院主任医师']);
    expect(page.querySelectorAll('.deputy__message')).toHaveLength(2);
    // Elder mode: 给TA留言 gets a line of its own, so the name and delegation keep the width.
    expect(page.dom.querySelectorAll('.main--deputy--stacked')).toHaveLength(0);
    page.instance.setData({ elder: true });
    expect(page.dom.querySelectorAll('.main--deputy--stacked')).toHaveLength(2);
    page.instance.setData({ elder: false });

    // Timetable: day and time, attending deputies, the officer and their phone.
    expect(texts(page, '.main--reception__when')).toEqual(['今天 11月25日 周二 09:00-11:30', '12月10日 周三 14:30-17:00']);
    expect(texts(page, '.main--reception__line')).toEqual(['接待代表：王丽华', '联络员：陈晓燕 0755-83210011', '接待代表：王丽华、欧阳明', '联络员：陈晓燕 0755-83210011']);

    // Rules, then duty performance: the roster, the schedule and the real handling figures.
    expect(texts(page, '.main--rule')).toEqual(['1. 代表接待群众制度：每月10日为统一接待日', '2. 群众意见办理反馈制度：七个工作日内答复']);
    const text = textOf(page);
    expect(text).toContain('驻站代表2 名');
    expect(text).toContain('已公布接待日2 次（未来60天）');
    expect(text).toContain('诉求办理 · 近12个月（2024.11.26—2025.11.25）');
    expect(page.querySelectorAll('.figure').map((c) => textOf(c))).toEqual(['收到诉求40 件', '办结率93%（共 40 件）', '满意率92%（37 人评价）', '接访群众15 人次']);

    // Reports to voters: asked for only when their tab is opened (report-pages.test.ts), so nothing yet.
    expect(host.calls.filter((c) => c.fn === 'report')).toEqual([]);
    expect(textOf(page.querySelector('.reports')!)).toBe('');
  });

  it('shows 暂无数据 for a rate without a sample, never an invented number', async () => {
    const quiet = { ...detail, figures: { ...detail.figures, received: 3, closed: 0, rated: 0, satisfied: 0, respondedInTime: 1 } };
    host.answer('station.get', { ok: true, data: quiet });
    const page = await open({ id: 'st-ft-hf-01' });
    expect(page.querySelectorAll('.figure').map((c) => textOf(c))).toEqual(['收到诉求3 件', '办结率0%（共 3 件）', '满意率暂无数据', '接访群众15 人次']);

    // An answer without 接访群众 (an older back end) shows no such row, rather than 0 人次.
    const period = detail.figures.period;
    host.answer('station.get', { ok: true, data: { ...detail, figures: { period, received: 0, closed: 0, rated: 0, satisfied: 0, respondedInTime: 0 } } });
    const empty = await open({ id: 'st-ft-hf-01' });
    expect(empty.querySelectorAll('.figure').map((c) => textOf(c))).toEqual(['收到诉求0 件', '办结率暂无数据', '满意率暂无数据']);
    expect(textOf(empty)).not.toContain('接访群众');
    expect(textOf(empty)).not.toMatch(/\d+%/);
  });

  it('opens the map at the station, and calls the station and its officers', async () => {
    const page = await open({ id: 'st-ft-hf-01' });

    page.querySelector('.address')!.querySelector('.van-cell')!.dispatchEvent('tap');
    await until(() => wx.openedLocations.length === 1, 'the map');
    expect(wx.openedLocations).toEqual([
      { latitude: 22.5584, longitude: 114.0708, name: '华富街道莲花北社区人大代表联络站', address: '福田区华富街道莲花北村12栋一楼', scale: 17 },
    ]);

    page.querySelector('.phone')!.querySelector('.van-cell')!.dispatchEvent('tap');
    page.querySelectorAll('.officer')[1].querySelector('.van-cell')!.dispatchEvent('tap');
    page.querySelector('.reception__phone')!.dispatchEvent('tap');
    await until(() => wx.phoneCalls.length === 3, 'three calls');
    expect(wx.phoneCalls).toEqual(['0755-83210001', '0755-83210010', '0755-83210011']);
  });

  it('ends with two clear buttons instead of a shop bar: 预约接待 (outlined) and 给代表留言 (primary)', async () => {
    const page = await open({ id: 'st-ft-hf-01' });
    expect(texts(page, '.main--actions')).toEqual(['预约接待给代表留言']);
    const button = (cls: string) => page.querySelector(`.actions .${cls}`)!.dom.querySelector('.van-button--van-button')! as unknown as { className: string };
    expect(button('message').className).toContain('van-button--primary');
    expect(button('message').className).not.toContain('van-button--plain');
    expect(button('book').className).toContain('van-button--plain');
    // Normal-size buttons: the bar's height comes from --tap-min, not Vant's small sizes.
    expect(button('message').className).toContain('van-button--normal');
    expect(button('book').className).toContain('van-button--normal');
  });

  it('leads to messaging the deputies, one deputy, or booking a reception', async () => {
    const page = await open({ code: 'FT-HF-01' });

    tapAction(page.querySelector('.message'));
    await until(() => wx.navigations.length === 1, 'compose');
    tapButton(page.querySelectorAll('.deputy__message')[1], '.van-button');
    await until(() => wx.navigations.length === 2, 'compose to one deputy');
    tapAction(page.querySelector('.book'));
    await until(() => wx.navigations.length === 3, 'booking');

    expect(wx.navigations).toEqual([
      { method: 'navigateTo', url: '/packages/case/compose/index?stationId=st-ft-hf-01' },
      { method: 'navigateTo', url: '/packages/case/compose/index?stationId=st-ft-hf-01&deputyId=dp-042' },
      { method: 'navigateTo', url: '/packages/station/booking/index?stationId=st-ft-hf-01' },
    ]);
  });

  it('shares itself by code, the form a scan also opens', async () => {
    const page = await open({ id: 'st-ft-hf-01' });
    expect(page.instance.onShareAppMessage()).toEqual({
      title: '华富街道莲花北社区人大代表联络站：找代表、提建议',
      path: '/packages/station/detail/index?code=FT-HF-01',
    });
  });

  it('says when the code matches no station, and leads to the nearby list instead of a useless retry', async () => {
    host.answer('station.get', { ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个联络站，请确认二维码是否正确' } });
    const page = await open({ scene: 'FT-XX-99' });
    expect(textOf(page)).toContain('没有找到这个联络站，请确认二维码是否正确');
    expect(page.querySelector('.page-error')!.querySelector('.retry')).toBeUndefined();
    tapButton(page.querySelector('.to-nearby'), '.van-button');
    await until(() => wx.navigations.length === 1, 'the tab');
    expect(wx.navigations).toEqual([{ method: 'switchTab', url: '/pages/stations/index' }]);
  });

  it('does not call the back end when opened without a usable station', async () => {
    const page = await open({ scene: encodeURIComponent('<script>') });
    expect(getCalls()).toEqual([]);
    expect(textOf(page)).toContain('没有找到这个联络站');
  });

  it("has a heading for a screen reader in every state: 联络站 on an error, the station's name once loaded", async () => {
    // simulate keeps aria-* off its DOM; the screenshots' reflection puts them there, as WeChat reads them.
    const headings = (page: RenderedComponent) => {
      reflectWxAttributes(page);
      return Array.from(page.dom.querySelectorAll('[role="heading"][aria-level="1"]')).map((n) => n.textContent?.trim());
    };
    host.answer('station.get', { ok: false, error: { code: 'INTERNAL', message: '服务繁忙，请稍后再试' } });
    const page = await open({ code: 'FT-HF-01' });
    expect(headings(page)).toEqual(['联络站']);
    host.answer('station.get', { ok: true, data: detail });
    tapButton(page.querySelector('.page-error')!.querySelector('.retry'), '.van-button');
    await until(() => textOf(page).includes('代表名单'), 'the retry');
    expect(headings(page)).toEqual(['华富街道莲花北社区人大代表联络站']);
  });

  it('names each 给TA留言 button after its deputy, starting with the words a sighted user sees', async () => {
    const page = await open({ id: 'st-ft-hf-01' });
    reflectWxAttributes(page);
    const buttons = Array.from(page.dom.querySelectorAll('.main--deputy__message'));
    expect(buttons.map((b) => attr(b, 'aria-label'))).toEqual(['给TA留言：王丽华', '给TA留言：欧阳明']);
    for (const b of buttons) expect(attr(b, 'aria-label')!.startsWith(b.textContent!.trim())).toBe(true);
  });

  it('shows the error with a retry that asks again for the same station', async () => {
    host.answer('station.get', { ok: false, error: { code: 'INTERNAL', message: '服务繁忙，请稍后再试' } });
    const page = await open({ code: 'FT-HF-01' });
    expect(textOf(page)).toContain('服务繁忙，请稍后再试');

    host.answer('station.get', { ok: true, data: detail });
    tapButton(page.querySelector('.page-error')!.querySelector('.retry'), '.van-button');
    await until(() => textOf(page).includes('代表名单'), 'the retry');
    expect(getCalls()).toEqual([
      { action: 'get', code: 'FT-HF-01' },
      { action: 'get', code: 'FT-HF-01' },
    ]);
  });

  it('follows the station for reception-day reminders: asks for the reminder at the tap, then follows', async () => {
    host.answer('subscription.templates', { ok: true, data: { caseStatusChanged: 'T-S', caseReplied: 'T-R', receptionReminder: 'T-REMIND', handlerTask: 'T-H' } });
    host.answer('reception.following', { ok: true, data: { stationId: 'st-ft-hf-01', following: false } });
    host.answer('reception.follow', { ok: true, data: { stationId: 'st-ft-hf-01', following: true } });
    const page = await open({ id: 'st-ft-hf-01' });
    await until(() => page.data.following === false, 'the follow state');
    expect(textOf(page)).toContain('关注本站，发布新的接待日时提醒您');

    tapButton(page.querySelector('.follow__button'), '.van-button');
    await until(() => page.data.following === true, 'following');
    expect(wx.subscriptionPrompts.map((r) => r.tmplIds)).toEqual([['T-REMIND']]);
    // (Earlier pages of this suite may still be asking `following` as this one runs.)
    expect(host.calls.filter((c) => c.body.action === 'follow').map((c) => c.body)).toEqual([{ action: 'follow', stationId: 'st-ft-hf-01', follow: true }]);
    expect(textOf(page)).toContain('已关注：发布新的接待日时提醒您');
    expect(wx.toasts.at(-1)).toMatchObject({ title: '已关注，新的接待日会通知您' });
  });

  it('shows no 关注 button when the caller cannot follow (a deputy, or the answer failed)', async () => {
    host.answer('reception.following', { ok: false, error: { code: 'FORBIDDEN', message: '没有权限' } });
    const page = await open({ id: 'st-ft-hf-01' });
    await until(() => host.calls.some((c) => c.body.action === 'following'), 'the follow state');
    expect(page.data.following).toBeNull();
    expect(page.querySelector('.follow__button')).toBeUndefined();
  });
});
