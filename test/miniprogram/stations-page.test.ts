/** @jest-environment jsdom */
import type { NearbyStationsOutput, StationSummary } from '../../typings/api';
import { config } from '../../miniprogram/config';
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import { startFunctionHostStub } from './support/function-host-stub';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPage, renderPage, textOf, until } from './support/load-page';

const station = (over: Partial<StationSummary>): StationSummary => ({
  id: 'st-1',
  code: 'FT-HF-01',
  name: '华富街道人大代表联络站',
  kind: 'street',
  street: '华富街道',
  address: '福田区华富路1018号',
  location: { type: 'Point', coordinates: [114.0812, 22.5491] },
  hours: [{ weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '17:30' }],
  ...over,
});

const nearby: NearbyStationsOutput = {
  stations: [
    station({ id: 'st-1', distance: 850, nextReceptionDate: '2025-03-10' }),
    station({ id: 'st-2', code: 'FT-HF-02', name: '莲花北社区代表联络站', kind: 'community', address: '莲花北村12栋', distance: 2300 }),
  ],
  page: 0,
  hasMore: false,
};

describe('附近联络站 page', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pageId: string;

  beforeAll(async () => {
    host = await startFunctionHostStub();
    config.mode = 'local';
    config.localHost = host.url;
    pageId = loadPage('pages/stations/index');
  });
  afterAll(() => host.close());

  beforeEach(() => {
    host.calls.length = 0;
    wx = createWxPlatform({ location: { latitude: 22.5431, longitude: 114.0579 } });
    wx.install();
  });

  it('lists the nearest stations with their distance and kind, rendered by Vant', async () => {
    host.answer('station.nearby', { ok: true, data: nearby });
    const page = renderPage(pageId);
    await page.instance.onLoad({});
    await until(() => !page.data.loading, 'the stations to load');

    const text = textOf(page);
    expect(text).toContain('华富街道人大代表联络站');
    expect(text).toContain('850米');
    expect(text).toContain('2.3公里');
    expect(text).toContain('3月10日接待日');
    // Nodes only a resolved Vant component renders (simulate prefixes classes with the tag name).
    const tags = Array.from(page.dom.querySelectorAll('.van-tag--van-tag')).map((t) => t.textContent?.trim());
    expect(tags).toEqual(['街道联络站', '社区联络站']);
    const values = Array.from(page.dom.querySelectorAll('.van-cell--van-cell__value')).map((v) => v.textContent?.trim());
    expect(values).toEqual(['850米', '2.3公里']);

    expect(host.calls).toEqual([
      { fn: 'station', body: { action: 'nearby', latitude: 22.5431, longitude: 114.0579 }, openid: 'odemo-resident' },
    ]);
  });

  it('opens a station when it is tapped', async () => {
    host.answer('station.nearby', { ok: true, data: nearby });
    const page = renderPage(pageId);
    await page.instance.onLoad({});
    await until(() => !page.data.loading, 'the stations to load');

    const second = page.querySelectorAll('.station')[1];
    second.querySelector('.van-cell')!.dispatchEvent('tap');
    await until(() => wx.navigations.length > 0, 'a navigation');
    expect(wx.navigations).toEqual([{ method: 'navigateTo', url: '/pages/station/index?id=st-2' }]);
  });

  it('says so when no station is near', async () => {
    host.answer('station.nearby', { ok: true, data: { stations: [], page: 0, hasMore: false } });
    const page = renderPage(pageId);
    await page.instance.onLoad({});
    await until(() => !page.data.loading, 'the search to finish');
    expect(textOf(page)).toContain('附近暂无联络站');
  });

  it('shows the error state with a hint when the location is refused, and retries', async () => {
    wx.location = { errMsg: 'getLocation:fail auth deny' };
    const page = renderPage(pageId);
    await page.instance.onLoad({});
    await until(() => !page.data.loading, 'the location to fail');

    expect(textOf(page)).toContain('无法获取您的位置');
    expect(textOf(page)).toContain('请在设置中允许使用位置信息');
    expect(page.dom.querySelector('.van-button--van-button')?.textContent).toContain('重试');
    expect(host.calls).toHaveLength(0);

    wx.location = { latitude: 22.5431, longitude: 114.0579 };
    host.answer('station.nearby', { ok: true, data: nearby });
    page.querySelector('.retry')!.querySelector('.van-button')!.dispatchEvent('tap');
    await until(() => textOf(page).includes('850米'), 'the retry to list the stations');
  });

  it('shows the network sentence when the host answers something that is not an ApiResult', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    host.answer('station.nearby', '<html>502 Bad Gateway</html>', 502);
    const page = renderPage(pageId);
    await page.instance.onLoad({});
    await until(() => !page.data.loading, 'the call to fail');
    expect(textOf(page)).toContain('网络不给力，请稍后重试');
    expect(warn).toHaveBeenCalledWith('[api] station.nearby: not an ApiResult', '<html>502 Bad Gateway</html>');
    warn.mockRestore();
  });
});
