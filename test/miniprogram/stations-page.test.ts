/** @jest-environment jsdom */
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import type { NearbyStationsOutput, StationSummary } from '../../typings/api';
import type { OpeningHours } from '../../typings/models';
import { config } from '../../miniprogram/config';
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform, WxPlatformOptions } from '../support/wx-platform';
import { startFunctionHostStub } from './support/function-host-stub';
import type { FunctionHostStub } from './support/function-host-stub';
import { MINIPROGRAM_ROOT, loadPage, renderPage, textOf, until, fakeClockAt } from './support/load-page';
import type { RenderedComponent } from './support/load-page';
import { afterHandler, fakeTimeouts, trackRequests } from './support/settle';

// A typed require: search.ts calls the API client, which uses `wx`, whose types only the mini-program's tsconfig knows.
const { SEARCH_DELAY_MS } = require('../../miniprogram/pages/stations/search') as { SEARCH_DELAY_MS: number };

/** Tuesday 25 November 2025, 10:30 in Shenzhen — whatever zone this machine is in. */
const NOW = new Date('2025-11-25T02:30:00Z');
const HERE = { latitude: 22.5431, longitude: 114.0579 };

const WEEKDAYS = [1, 2, 3, 4, 5];
const OFFICE: OpeningHours[] = [
  { weekdays: WEEKDAYS, open: '09:00', close: '12:00' },
  { weekdays: WEEKDAYS, open: '14:00', close: '18:00' },
];

const station = (over: Partial<StationSummary>): StationSummary => ({
  id: 'st-ft-hf',
  code: 'FT-HF',
  name: '福田区华富街道人大代表联络站',
  kind: 'street',
  street: '华富街道',
  address: '福田区华富街道华富路1006号华富街道党群服务中心二楼',
  location: { type: 'Point', coordinates: [114.0792, 22.5531] },
  hours: OFFICE,
  nextReceptionDate: null,
  ...over,
});

const nearby: NearbyStationsOutput = {
  stations: [
    station({ distance: 850, nextReceptionDate: '2025-11-25' }),
    station({
      id: 'st-ft-hf-01',
      code: 'FT-HF-01',
      name: '华富街道莲花北社区人大代表联络站',
      kind: 'community',
      address: '福田区华富街道莲花北村12栋一楼',
      location: { type: 'Point', coordinates: [114.0708, 22.5584] },
      distance: 2300,
      hours: [{ weekdays: WEEKDAYS, open: '14:00', close: '17:30' }],
      nextReceptionDate: '2025-12-10',
    }),
    station({
      id: 'st-ft-hy-fl',
      code: 'FT-HY-FL',
      name: '福田区法律行业人大代表联络站',
      kind: 'sector',
      sector: 'law',
      street: '莲花街道',
      address: '福田区莲花街道福中三路2003号',
      distance: 3140,
      hours: [{ weekdays: [6], open: '09:00', close: '12:00' }],
    }),
  ],
  page: 0,
  hasMore: false,
};

/** A full page as the seed district answers it: long Chinese names and addresses, two spans of hours. */
function fullPage(page: number, hasMore: boolean): NearbyStationsOutput {
  const streets = ['园岭', '南园', '福田', '沙头', '梅林', '华富', '香蜜湖', '莲花', '华强北', '福保'];
  const stations = Array.from({ length: 20 }, (_, i) => {
    const n = page * 20 + i;
    const street = `${streets[n % streets.length]}街道`;
    return station({
      id: `st-ft-${String(n).padStart(3, '0')}`,
      code: `FT-X-${String(n).padStart(3, '0')}`,
      name: `${street}第${n + 1}社区人大代表联络站`,
      kind: 'community',
      street,
      address: `福田区${street}福华三路${100 + n}号社区党群服务中心二楼`,
      location: { type: 'Point', coordinates: [114.05 + n * 0.001, 22.54 + n * 0.0005] },
      distance: 300 + n * 180,
      hours: [...OFFICE, { weekdays: [6], open: '09:00', close: '12:00' }],
      nextReceptionDate: '2025-12-10',
    });
  });
  return { stations, page, hasMore };
}

describe('附近联络站 page', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let requests: ReturnType<typeof trackRequests>;
  let pageId: string;

  beforeAll(async () => {
    fakeClockAt(NOW);
    host = await startFunctionHostStub();
    config.mode = 'local';
    config.localHost = host.url;
    pageId = loadPage('pages/stations/index');
  });
  afterAll(async () => {
    jest.useRealTimers();
    await host.close();
  });

  function platform(options: WxPlatformOptions = {}): WxPlatform {
    host.calls.length = 0;
    wx = createWxPlatform({ location: HERE, ...options });
    requests = trackRequests(wx);
    wx.install();
    return wx;
  }

  async function open(): Promise<RenderedComponent> {
    const page = renderPage(pageId);
    await page.instance.onLoad({});
    await until(() => !page.data.loading, 'the page to settle');
    return page;
  }

  const tap = (node: RenderedComponent | undefined | null, inner = '.van-cell') => node!.querySelector(inner)!.dispatchEvent('tap');
  /** A station row is a plain view: the tap lands on it. */
  const tapRow = (node: RenderedComponent | undefined) => node!.dispatchEvent('tap');
  const tapRetry = (page: RenderedComponent) => tap(page.querySelector('.page-error')!.querySelector('.retry'), '.van-button');
  const cellsOf = (page: RenderedComponent, selector: string) => page.querySelectorAll(selector).map((c) => (c.dom.textContent ?? '').replace(/\s+/g, ' ').trim());
  /** Types into the search box: the real <input> inside Vant's field (not its custom-input <view>). */
  const type = (page: RenderedComponent, value: string) =>
    page
      .querySelector('.search')!
      .querySelector('.van-search__field')!
      .querySelectorAll('.van-field__control')
      .find((n) => (n.dom as unknown as { tagName: string }).tagName === 'WX-INPUT')!
      .dispatchEvent('input', { detail: { value } });
  const nearbyCalls = () => host.calls.filter((c) => c.fn === 'station' && c.body.action === 'nearby').map((c) => c.body);

  beforeEach(() => platform());

  it('lists the nearest stations with distance, open-now and the next reception day', async () => {
    host.answer('station.nearby', { ok: true, data: nearby });
    const page = await open();

    const [first, second, third] = cellsOf(page, '.station');
    expect(first).toContain('福田区华富街道人大代表联络站');
    expect(first).toContain('850米');
    expect(first).toContain('营业中');
    expect(first).toContain('今天接待');
    expect(second).toContain('2.3公里');
    expect(second).toContain('今日14:00开放');
    expect(second).toContain('下次接待日 12月10日 周三');
    expect(third).toContain('3.1公里');
    expect(third).toContain('已休息');
    expect(textOf(page)).toContain('离您最近的联络站');
    expect(textOf(page)).toContain('没有更多了');

    // Whole names (no cell title squeezed to half the row), kind and open state as text at body size.
    expect(cellsOf(page, '.station__name')).toEqual(['福田区华富街道人大代表联络站', '华富街道莲花北社区人大代表联络站', '福田区法律行业人大代表联络站']);
    expect(cellsOf(page, '.station__kind')).toEqual(['街道联络站', '社区联络站', '法律行业联络站']);
    expect(cellsOf(page, '.station__open')).toEqual(['营业中', '今日14:00开放', '已休息']);
    expect(cellsOf(page, '.station__address')[1]).toBe('福田区华富街道莲花北村12栋一楼');
    expect(nearbyCalls()).toEqual([{ action: 'nearby', ...HERE }]);
    expect(host.calls[0].openid).toBe('odemo-resident');
  });

  it('leads from under the list to the whole district’s 办理公开', async () => {
    host.answer('station.nearby', { ok: true, data: nearby });
    const page = await open();
    expect(textOf(page)).toContain('全区办理公开');
    tapRow(page.querySelector('.board-entry'));
    await until(() => wx.navigations.length > 0, 'the board to open');
    expect(wx.navigations.at(-1)).toEqual({ method: 'navigateTo', url: `/packages/station/board/index?district=${encodeURIComponent('福田区')}` });
  });

  it('asks for privacy consent first, and locates once the resident agrees', async () => {
    platform({ privacy: 'undecided' });
    host.answer('station.nearby', { ok: true, data: nearby });
    const page = renderPage(pageId);
    const loading = page.instance.onLoad({});

    await until(() => textOf(page).includes('隐私保护提示'), 'the privacy prompt');
    expect(textOf(page)).toContain('为了查找离您最近的人大代表联络站，需要获取您的位置');
    expect(nearbyCalls()).toHaveLength(0);

    // What WeChat fires when the <button open-type="agreePrivacyAuthorization"> is tapped.
    const prompt = page.querySelector('.privacy-prompt')!;
    prompt.querySelector('.agree')!.querySelector('.van-button')!.dispatchEvent('agreeprivacyauthorization');
    await loading;
    await until(() => !page.data.loading, 'the stations');

    expect(wx.privacyAnswers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'agree-privacy' }]);
    expect(prompt.data.show).toBe(false);
    expect(cellsOf(page, '.station')).toHaveLength(3);
  });

  it('offers the streets when the resident does not agree, without a settings button that could not help', async () => {
    platform({ privacy: 'undecided' });
    const page = renderPage(pageId);
    const loading = page.instance.onLoad({});
    await until(() => page.querySelector('.privacy-prompt')!.data.show === true, 'the privacy prompt');
    tap(page.querySelector('.privacy-prompt')!.querySelector('.disagree'), '.van-button');
    await loading;
    await until(() => !page.data.loading, 'the picker');

    expect(wx.privacyAnswers).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }]);
    expect(textOf(page)).toContain('您没有同意隐私保护指引，无法获取位置');
    expect(page.querySelector('.open-setting')).toBeUndefined();
    expect(page.querySelector('.relocate')).toBeDefined();
    expect(nearbyCalls()).toHaveLength(0);
  });

  it('when location is refused: picks a street, searches near its centre, and says whose distances they are', async () => {
    platform({ location: { errMsg: 'getLocation:fail auth deny' } });
    const page = await open();

    expect(textOf(page)).toContain('您没有允许使用位置信息');
    expect(textOf(page)).toContain('去设置开启定位');
    expect(cellsOf(page, '.street')).toEqual(['园岭街道', '南园街道', '福田街道', '沙头街道', '梅林街道', '华富街道', '香蜜湖街道', '莲花街道', '华强北街道', '福保街道']);
    expect(nearbyCalls()).toHaveLength(0);

    host.answer('station.nearby', { ok: true, data: nearby });
    tap(page.querySelectorAll('.street')[0]);
    await until(() => page.querySelectorAll('.station').length === 3, 'the stations near 园岭街道');

    expect(nearbyCalls()).toEqual([{ action: 'nearby', latitude: 22.5566, longitude: 114.0912 }]);
    expect(textOf(page)).toContain('园岭街道附近的联络站');
    expect(textOf(page)).toContain('换街道');

    page.querySelector('.change-street')!.dispatchEvent('tap');
    await until(() => page.querySelectorAll('.street').length === 10, 'the picker again');
  });

  it('opens the settings, and locates again when location was allowed there', async () => {
    platform({ location: { errMsg: 'getLocation:fail auth deny' }, authSetting: { 'scope.userLocation': false } });
    const page = await open();

    // The handler's own promise: once it settles, a location it was going to ask would be out.
    await afterHandler(page, 'onOpenSetting', () => tap(page.querySelector('.open-setting'), '.van-button'));
    expect(wx.settingsOpened).toBe(1);
    expect(page.querySelectorAll('.street')).toHaveLength(10);
    expect(nearbyCalls()).toHaveLength(0);

    wx.authSetting = { 'scope.userLocation': true };
    wx.location = HERE;
    host.answer('station.nearby', { ok: true, data: nearby });
    tap(page.querySelector('.open-setting'), '.van-button');
    await until(() => page.querySelectorAll('.station').length === 3, 'the stations near me');
    expect(nearbyCalls()).toEqual([{ action: 'nearby', ...HERE }]);
  });

  it('appends the next 20 when scrolled to the bottom, sending only the new cards', async () => {
    host.answer('station.nearby', { ok: true, data: fullPage(0, true) });
    const page = renderPage(pageId);
    const payloads: { keys: string[]; bytes: number }[] = [];
    const setData = page.instance.setData.bind(page.instance);
    page.instance.setData = (data: Record<string, unknown>, callback?: () => void) => {
      payloads.push({ keys: Object.keys(data), bytes: Buffer.byteLength(JSON.stringify(data), 'utf8') });
      return setData(data, callback);
    };
    await page.instance.onLoad({});
    await until(() => !page.data.loading, 'the first page');
    expect(page.querySelectorAll('.station')).toHaveLength(20);
    expect(textOf(page)).not.toContain('没有更多了');

    host.answer('station.nearby', { ok: true, data: fullPage(1, false) });
    await page.instance.onReachBottom();
    await until(() => page.querySelectorAll('.station').length === 40, 'the second page');

    expect(nearbyCalls()).toEqual([
      { action: 'nearby', ...HERE },
      { action: 'nearby', ...HERE, page: 1 },
    ]);
    const names = cellsOf(page, '.station');
    expect(names[19]).toContain('第20社区');
    expect(names[20]).toContain('第21社区');
    expect(textOf(page)).toContain('没有更多了');

    // The map of all 40 loaded stations.
    page.querySelector('.map-toggle')!.dispatchEvent('tap');
    await until(() => page.data.map?.markers.length === 40, 'the map');
    const toMap = payloads[payloads.length - 1];
    expect(toMap.keys.sort()).toEqual(['map', 'mapShown']);
    page.querySelector('.map-toggle')!.dispatchEvent('tap');
    await until(() => page.data.map === null, 'the list');

    const append = payloads[payloads.length - 3];
    expect(append.keys).toContain('stations[20]');
    expect(append.keys).not.toContain('stations');
    const largest = Math.max(...payloads.map((p) => p.bytes));
    // Reported in the hand-over; the budget is 32 KB per setData.
    console.info(`setData on 附近联络站, bytes: first page of 20 ${payloads[1].bytes}, append of 20 ${append.bytes}, map of 40 ${toMap.bytes}; largest ${largest}`);
    expect(largest).toBeLessThanOrEqual(32 * 1024);

    // Nothing more to load: the bottom is quiet.
    await page.instance.onReachBottom();
    expect(nearbyCalls()).toHaveLength(2);
  });

  it('shows a retry in the footer when the next page fails', async () => {
    host.answer('station.nearby', { ok: true, data: fullPage(0, true) });
    const page = await open();
    host.answer('station.nearby', { ok: false, error: { code: 'INTERNAL', message: '服务繁忙' } });
    await page.instance.onReachBottom();
    await until(() => textOf(page).includes('加载失败，点击重试'), 'the footer');
    expect(page.querySelectorAll('.station')).toHaveLength(20);

    host.answer('station.nearby', { ok: true, data: fullPage(1, false) });
    page.querySelector('.more__retry')!.dispatchEvent('tap');
    await until(() => page.querySelectorAll('.station').length === 40, 'the retried page');
  });

  /** What station.search answers for 莲花: across the district, nearest first from here. */
  const lianhua: NearbyStationsOutput = {
    stations: [
      nearby.stations[1],
      station({
        id: 'st-ft-lh',
        code: 'FT-LH',
        name: '福田区莲花街道人大代表联络站',
        street: '莲花街道',
        address: '福田区莲花街道新洲路2008号',
        location: { type: 'Point', coordinates: [114.0562, 22.5546] },
        distance: 6400,
      }),
    ],
    page: 0,
    hasMore: false,
  };
  const searchCalls = () => host.calls.filter((c) => c.fn === 'station' && c.body.action === 'search').map((c) => c.body);
  /** What the page sent to station.search, recorded as `wx.request` sends it (at once, not on arrival). */
  const searchesSent = () => wx.requests.map((r) => r.data as { action?: string }).filter((body) => body.action === 'search');
  /** The page's search timer, moved by hand: fake setTimeout from here to the end of the test. */
  async function withOwnTimers(test: () => Promise<void>): Promise<void> {
    fakeTimeouts(Date.now());
    try {
      await test();
    } finally {
      fakeClockAt(NOW);
      // A search that left when it should not have: let its answer land inside this test.
      await requests.quiet('the searches still on their way');
    }
  }

  it('searches the whole district on the server once the resident pauses, nearest first from here', async () => {
    host.answer('station.nearby', { ok: true, data: nearby });
    const page = await open();
    host.answer('station.search', { ok: true, data: lianhua });

    await withOwnTimers(async () => {
      type(page, '莲');
      type(page, '莲花');
      await until(() => page.data.query === '莲花', 'the box to take the typing');
      jest.advanceTimersByTime(SEARCH_DELAY_MS - 1);
      expect(searchesSent()).toEqual([]);
      // Typing again starts the pause over: the first keystrokes' timer never fires.
      type(page, ' 莲花 ');
      await until(() => page.data.query === ' 莲花 ', 'the box to take the typing');
      jest.advanceTimersByTime(SEARCH_DELAY_MS - 1);
      expect(searchesSent()).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(searchesSent()).toHaveLength(1);
      await until(() => textOf(page).includes('“莲花”的搜索结果'), 'the results');
    });

    // One call for the pause in typing, with the words trimmed and the position of the list.
    expect(searchCalls()).toEqual([{ action: 'search', query: '莲花', ...HERE }]);
    const cards = cellsOf(page, '.station');
    expect(cards).toHaveLength(2);
    expect(cards[0]).toContain('华富街道莲花北社区人大代表联络站');
    expect(cards[0]).toContain('2.3公里');
    // Beyond the 5 km of the nearby list: the search is not limited to what was loaded.
    expect(cards[1]).toContain('福田区莲花街道人大代表联络站');
    expect(cards[1]).toContain('6.4公里');
    expect(textOf(page)).toContain('离您最近的在前');
    expect(textOf(page)).toContain('没有更多了');
    expect(nearbyCalls()).toHaveLength(1);

    tapRow(page.querySelectorAll('.station')[1]);
    await until(() => wx.navigations.length > 0, 'a navigation');
    expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/station/detail/index?id=st-ft-lh' }]);
  });

  it('goes back to the nearby list when the box is cleared, without asking again', async () => {
    host.answer('station.nearby', { ok: true, data: nearby });
    const page = await open();
    host.answer('station.search', { ok: true, data: lianhua });
    type(page, '莲花');
    await until(() => page.querySelectorAll('.station').length === 2, 'the results');

    type(page, '');
    await until(() => page.querySelectorAll('.station').length === 3, 'the nearby list');
    expect(textOf(page)).toContain('离您最近的联络站');
    expect(textOf(page)).not.toContain('搜索结果');

    // Vant's clear button, while a search is still waiting for the pause: it never travels.
    await withOwnTimers(async () => {
      type(page, '法律');
      await until(() => page.data.query === '法律', 'the box to take the typing');
      page.querySelector('.search')!.dispatchEvent('clear');
      await until(() => page.data.query === '', 'the box to be cleared');
      jest.advanceTimersByTime(SEARCH_DELAY_MS * 2);
      expect(searchesSent()).toHaveLength(1);
    });
    expect(searchCalls()).toEqual([{ action: 'search', query: '莲花', ...HERE }]);
    expect(page.querySelectorAll('.station')).toHaveLength(3);
    expect(page.data.query).toBe('');
    expect(nearbyCalls()).toHaveLength(1);
  });

  it('pages the results like the list, asking for the same query and position', async () => {
    host.answer('station.nearby', { ok: true, data: nearby });
    const page = await open();
    host.answer('station.search', { ok: true, data: fullPage(0, true) });
    type(page, '社区');
    await until(() => page.querySelectorAll('.station').length === 20, 'the first page');
    expect(textOf(page)).not.toContain('没有更多了');

    host.answer('station.search', { ok: true, data: fullPage(1, false) });
    await page.instance.onReachBottom();
    await until(() => page.querySelectorAll('.station').length === 40, 'the second page');
    expect(searchCalls()).toEqual([
      { action: 'search', query: '社区', ...HERE },
      { action: 'search', query: '社区', ...HERE, page: 1 },
    ]);
    expect(textOf(page)).toContain('没有更多了');
    await page.instance.onReachBottom();
    expect(searchCalls()).toHaveLength(2);
    expect(nearbyCalls()).toHaveLength(1);

    // The map shows the results, and a callout opens its station.
    page.querySelector('.map-toggle')!.dispatchEvent('tap');
    await until(() => page.data.map?.markers.length === 40, 'the map of the results');
    page.querySelector('.map')!.dispatchEvent('callouttap', { detail: { markerId: 25 } });
    await until(() => wx.navigations.length > 0, 'a navigation');
    expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/station/detail/index?id=st-ft-025' }]);
  });

  it("searches right away on the keyboard's search key", async () => {
    host.answer('station.nearby', { ok: true, data: nearby });
    const page = await open();
    host.answer('station.search', { ok: true, data: lianhua });
    await page.instance.onSearchConfirm({ detail: '莲花' });
    expect(searchCalls()).toEqual([{ action: 'search', query: '莲花', ...HERE }]);
    expect(page.querySelectorAll('.station')).toHaveLength(2);
  });

  it('cleared while a search is loading, shows the nearby list and drops the late answer', async () => {
    host.answer('station.nearby', { ok: true, data: nearby });
    const page = await open();
    host.answer('station.search', { ok: true, data: lianhua });
    const searching = page.instance.onSearchConfirm({ detail: '莲花' });
    expect(textOf(page)).toContain('正在搜索…');
    page.instance.onClearSearch();
    // The search's own promise: once it settles, its late answer has been dropped (or shown).
    await searching;
    expect(page.data).toMatchObject({ loading: false, searching: false, query: '' });
    expect(cellsOf(page, '.station')).toHaveLength(3);
    expect(textOf(page)).toContain('离您最近的联络站');
  });

  it('without a position, searches by name only, and a cleared box leads back to the streets', async () => {
    platform({ location: { errMsg: 'getLocation:fail auth deny' } });
    const page = await open();
    expect(page.querySelectorAll('.street')).toHaveLength(10);

    const byName = { ...lianhua, stations: lianhua.stations.map(({ distance: _distance, ...s }) => s) };
    host.answer('station.search', { ok: true, data: byName });
    type(page, '莲花');
    await until(() => page.querySelectorAll('.station').length === 2, 'the results');
    expect(searchCalls()).toEqual([{ action: 'search', query: '莲花' }]);
    expect(textOf(page)).toContain('没有位置信息，未按距离排列');
    expect(page.querySelectorAll('.street')).toHaveLength(0);

    type(page, '');
    await until(() => page.querySelectorAll('.street').length === 10, 'the streets again');
    expect(textOf(page)).toContain('您没有允许使用位置信息');
  });

  it('measures from the picked street when there is no position', async () => {
    platform({ location: { errMsg: 'getLocation:fail auth deny' } });
    const page = await open();
    host.answer('station.nearby', { ok: true, data: nearby });
    tap(page.querySelectorAll('.street')[0]);
    await until(() => page.querySelectorAll('.station').length === 3, 'the stations near 园岭街道');

    host.answer('station.search', { ok: true, data: lianhua });
    type(page, '莲花');
    await until(() => textOf(page).includes('离园岭街道最近的在前'), 'the results');
    expect(searchCalls()).toEqual([{ action: 'search', query: '莲花', latitude: 22.5566, longitude: 114.0912 }]);
    expect(page.querySelector('.change-street')).toBeUndefined();

    type(page, '');
    await until(() => textOf(page).includes('园岭街道附近的联络站'), 'the street list again');
    expect(page.querySelector('.change-street')).toBeDefined();
  });

  it('says so when nothing matches, without offering a wider range', async () => {
    host.answer('station.nearby', { ok: true, data: nearby });
    const page = await open();
    host.answer('station.search', { ok: true, data: { stations: [], page: 0, hasMore: false } });
    type(page, '罗湖');
    await until(() => textOf(page).includes('没有找到“罗湖”相关的联络站'), 'the empty state');
    expect(page.querySelectorAll('.station')).toHaveLength(0);
    expect(page.querySelector('.widen')).toBeUndefined();
  });

  it('shows a failed search with a retry that searches again, not locates again', async () => {
    host.answer('station.nearby', { ok: true, data: nearby });
    const page = await open();
    host.answer('station.search', { ok: false, error: { code: 'INTERNAL', message: '服务繁忙，请稍后再试' } });
    type(page, '莲花');
    await until(() => textOf(page).includes('服务繁忙，请稍后再试'), 'the error');

    wx.location = { errMsg: 'getLocation:fail should not be asked again' };
    host.answer('station.search', { ok: true, data: lianhua });
    tapRetry(page);
    await until(() => page.querySelectorAll('.station').length === 2, 'the retried search');
    expect(searchCalls()).toEqual([
      { action: 'search', query: '莲花', ...HERE },
      { action: 'search', query: '莲花', ...HERE },
    ]);
    expect(nearbyCalls()).toHaveLength(1);
  });

  it('says so when no station is near, and widens to 10 km', async () => {
    host.answer('station.nearby', { ok: true, data: { stations: [], page: 0, hasMore: false } });
    const page = await open();
    expect(textOf(page)).toContain('附近没有联络站');
    expect(textOf(page)).toContain('5公里内没有找到联络站');

    host.answer('station.nearby', { ok: true, data: nearby });
    tap(page.querySelector('.widen'), '.van-button');
    await until(() => page.querySelectorAll('.station').length === 3, 'the wider search');
    expect(nearbyCalls()[1]).toEqual({ action: 'nearby', ...HERE, maxDistance: 10000 });
  });

  it('shows the error the function answered, and the retry repeats the search without locating again', async () => {
    host.answer('station.nearby', { ok: false, error: { code: 'INTERNAL', message: '服务繁忙，请稍后再试' } });
    const page = await open();
    expect(textOf(page)).toContain('服务繁忙，请稍后再试');

    wx.location = { errMsg: 'getLocation:fail should not be asked again' };
    host.answer('station.nearby', { ok: true, data: nearby });
    expect(textOf(page.querySelector('.page-error')!)).toContain('12345政务服务热线');
    tapRetry(page);
    await until(() => page.querySelectorAll('.station').length === 3, 'the retry');
    expect(nearbyCalls()).toEqual([
      { action: 'nearby', ...HERE },
      { action: 'nearby', ...HERE },
    ]);
  });

  it('shows the network sentence when the host answers something that is not an ApiResult', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    host.answer('station.nearby', '<html>502 Bad Gateway</html>', 502);
    const page = await open();
    expect(textOf(page)).toContain('网络不给力，请稍后重试');
    expect(warn).toHaveBeenCalledWith('[api] station.nearby: not an ApiResult', '<html>502 Bad Gateway</html>');
    warn.mockRestore();
  });

  it('opens a station when it is tapped', async () => {
    host.answer('station.nearby', { ok: true, data: nearby });
    const page = await open();
    tapRow(page.querySelectorAll('.station')[1]);
    await until(() => wx.navigations.length > 0, 'a navigation');
    expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/station/detail/index?id=st-ft-hf-01' }]);
    // Remembered for the elder home's 给代表留言 and 我的's 使用说明.
    expect(wx.storage.get('lastStation')).toEqual({ id: 'st-ft-hf-01', name: '华富街道莲花北社区人大代表联络站' });
  });

  it('shows the listed stations on a map, and a callout opens its station', async () => {
    host.answer('station.nearby', { ok: true, data: nearby });
    const page = await open();
    page.querySelector('.map-toggle')!.dispatchEvent('tap');
    await until(() => page.data.map !== null, 'the map');

    expect(textOf(page)).toContain('列表');
    expect(page.querySelectorAll('.station')).toHaveLength(0);
    const markers = page.data.map.markers as { id: number; latitude: number; longitude: number; title: string }[];
    expect(markers.map((m) => [m.id, m.title, m.latitude, m.longitude])).toEqual([
      [0, '福田区华富街道人大代表联络站', 22.5531, 114.0792],
      [1, '华富街道莲花北社区人大代表联络站', 22.5584, 114.0708],
      [2, '福田区法律行业人大代表联络站', 22.5531, 114.0792],
    ]);
    expect(page.data.map).toMatchObject(HERE);

    page.querySelector('.map')!.dispatchEvent('callouttap', { detail: { markerId: 2 } });
    await until(() => wx.navigations.length > 0, 'a navigation');
    expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/packages/station/detail/index?id=st-ft-hy-fl' }]);

    page.querySelector('.map-toggle')!.dispatchEvent('tap');
    await until(() => page.querySelectorAll('.station').length === 3, 'the list again');
  });

  it.each([
    ['our mini-program code', { result: '', path: 'packages/station/detail/index?scene=FT-HF-01' }, '/packages/station/detail/index?code=FT-HF-01'],
    ['a printed QR code', { result: 'FT-XMH-02' }, '/packages/station/detail/index?code=FT-XMH-02'],
  ])('扫一扫 opens the station of %s', async (_kind, scan, url) => {
    platform({ scan });
    host.answer('station.nearby', { ok: true, data: nearby });
    const page = await open();
    page.querySelector('.scan')!.dispatchEvent('tap');
    await until(() => wx.navigations.length > 0, 'a navigation');
    expect(wx.scans).toEqual([{ onlyFromCamera: false, scanType: ['qrCode', 'wxCode'] }]);
    expect(wx.navigations).toEqual([{ method: 'navigateTo', url }]);
  });

  it('扫一扫 says so when the code is not a station, and does nothing when cancelled', async () => {
    platform({ scan: { result: 'https://example.com/coupon?id=9' } });
    host.answer('station.nearby', { ok: true, data: nearby });
    const page = await open();
    page.querySelector('.scan')!.dispatchEvent('tap');
    await until(() => wx.toasts.length > 0, 'a toast');
    expect(wx.toasts).toEqual([{ title: '这不是联络站的二维码', icon: 'none' }]);

    wx.scan = { errMsg: 'scanCode:fail cancel' };
    await afterHandler(page, 'onScan', () => page.querySelector('.scan')!.dispatchEvent('tap'));
    expect(wx.scans).toHaveLength(2);
    expect(wx.toasts).toHaveLength(1);
    expect(wx.navigations).toHaveLength(0);
  });
  describe('长辈模式', () => {
    const actionTitles = (page: RenderedComponent) => cellsOf(page, '.elder-action__title');
    const dialogShown = (page: RenderedComponent) => page.querySelector('.elder-offer')!.data.show === true;

    it('opens on three big actions instead of the finder', async () => {
      platform({ storage: { elderMode: 'on' } });
      host.answer('station.nearby', { ok: true, data: nearby });
      const page = await open();
      expect(page.data).toMatchObject({ elder: true, pageStyle: '--font-scale:1.25;--tap-min:60px' });
      expect(actionTitles(page)).toEqual(['找联络站', '给代表留言', '我的留言']);
      expect(page.querySelector('.search')).toBeUndefined();
      expect(page.querySelectorAll('.station')).toHaveLength(0);
      // Located meanwhile: 给代表留言 says where it goes before the tap.
      expect(textOf(page.querySelector('.elder-write')!)).toContain('写给：福田区华富街道人大代表联络站');
      expect(dialogShown(page)).toBe(false);
    });

    it('找联络站 shows the nearest stations, and 回到首页 the three actions again', async () => {
      platform({ storage: { elderMode: 'on' } });
      host.answer('station.nearby', { ok: true, data: nearby });
      const page = await open();
      tapRow(page.querySelector('.elder-find'));
      await until(() => page.querySelectorAll('.station').length === 3, 'the list');
      expect(textOf(page)).toContain('离您最近的联络站');
      expect(cellsOf(page, '.station__name')[0]).toBe('福田区华富街道人大代表联络站');
      tap(page.querySelector('.elder-home-button'), '.van-button');
      await until(() => actionTitles(page).length === 3, 'the actions');
      expect(nearbyCalls()).toHaveLength(1);
    });

    it('给代表留言 writes to the nearest station, or to the one opened last', async () => {
      platform({ storage: { elderMode: 'on' } });
      host.answer('station.nearby', { ok: true, data: nearby });
      const page = await open();
      tapRow(page.querySelector('.elder-write'));
      await until(() => wx.navigations.length === 1, 'the 留言 page');
      expect(wx.navigations[0]).toEqual({ method: 'navigateTo', url: '/packages/case/compose/index?stationId=st-ft-hf' });

      wx.storage.set('lastStation', { id: 'st-ft-hy-fl', name: '福田区法律行业人大代表联络站' });
      page.instance.onShow();
      expect(textOf(page.querySelector('.elder-write')!)).toContain('写给：福田区法律行业人大代表联络站');
      tapRow(page.querySelector('.elder-write'));
      await until(() => wx.navigations.length === 2, 'the 留言 page again');
      expect(wx.navigations[1]).toEqual({ method: 'navigateTo', url: '/packages/case/compose/index?stationId=st-ft-hy-fl' });
    });

    it('给代表留言 without any station known leads to the finder (here: the streets)', async () => {
      platform({ storage: { elderMode: 'on' }, location: { errMsg: 'getLocation:fail auth deny' } });
      const page = await open();
      expect(textOf(page.querySelector('.elder-write')!)).toContain('先找到离您最近的联络站');
      tapRow(page.querySelector('.elder-write'));
      await until(() => page.querySelectorAll('.street').length === 10, 'the streets');
      expect(wx.navigations).toEqual([]);
    });

    it('我的留言 switches to its tab', async () => {
      platform({ storage: { elderMode: 'on' } });
      host.answer('station.nearby', { ok: true, data: nearby });
      const page = await open();
      tapRow(page.querySelector('.elder-mine'));
      await until(() => wx.navigations.length === 1, 'the tab');
      expect(wx.navigations).toEqual([{ method: 'switchTab', url: '/pages/cases/index' }]);
    });

    it('the actions are sized from the elder tokens: 1.5 × the 60px target, 24px × 1.25 text', () => {
      const wxss = fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'pages/stations/index.wxss'), 'utf8');
      const rule = (selector: string) => new RegExp(`\\${selector} \\{([^}]*)\\}`).exec(wxss)?.[1] ?? '';
      expect(rule('.elder-action')).toContain('min-height: calc(var(--tap-min) * 1.5)');
      expect(rule('.elder-action__title')).toContain('font-size: var(--font-display)');
      expect(rule('.elder-action__hint')).toContain('font-size: var(--font-body)');
    });

    it('is offered once at the first launch; 开启 switches the open page at once', async () => {
      host.answer('station.nearby', { ok: true, data: nearby });
      const page = await open();
      expect(dialogShown(page)).toBe(true);
      await until(() => textOf(page).includes('开启长辈模式？'), 'the offer');
      expect(textOf(page)).toContain('字更大、按钮更大');
      expect(page.querySelectorAll('.station')).toHaveLength(3);

      tap(page.querySelector('.offer-accept'), '.van-button');
      await until(() => page.data.elder === true, 'elder mode');
      expect(dialogShown(page)).toBe(false);
      expect(wx.storage.get('elderMode')).toBe('on');
      expect(page.data.pageStyle).toBe('--font-scale:1.25;--tap-min:60px');
      expect(actionTitles(page)).toEqual(['找联络站', '给代表留言', '我的留言']);

      const again = await open();
      expect(dialogShown(again)).toBe(false);
    });

    it('暂不 closes the offer for good, and leaves the finder', async () => {
      host.answer('station.nearby', { ok: true, data: nearby });
      const page = await open();
      tap(page.querySelector('.offer-decline'), '.van-button');
      await until(() => !dialogShown(page), 'the offer to close');
      expect(page.data.elder).toBe(false);
      expect(wx.storage.get('elderMode')).toBeUndefined();
      expect(page.querySelectorAll('.station')).toHaveLength(3);

      const again = await open();
      expect(dialogShown(again)).toBe(false);
    });
  });
});
