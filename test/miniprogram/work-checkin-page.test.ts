/** @jest-environment jsdom */
import type { CheckInOutput } from '../../typings/workspace';
import type { WxPlatformOptions, WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPage, renderPage, textOf, until } from './support/load-page';
import { installWx, startLocalHost, stopLocalHost } from './support/page-harness';
import type { RenderedComponent } from './support/load-page';

const HERE = { latitude: 22.5502, longitude: 114.0801 };
const CHECKED_IN: CheckInOutput = {
  receptionId: 'rc-42',
  stationName: '华富街道人大代表联络站',
  date: '2026-03-10',
  distance: 118.6,
  checkedInAt: '2026-03-10T01:02:00.000Z',
  already: false,
};
const MINI_PROGRAM_CODE = { result: '', path: 'packages/station/detail/index?scene=FT-HF-01' };

const tap = (page: RenderedComponent, cls: string) => page.querySelector(cls)!.querySelector('.van-button')!.dispatchEvent('tap');
const checkIns = (host: FunctionHostStub) => host.calls.filter((c) => c.fn === 'reception' && c.body.action === 'checkIn').map((c) => c.body);

describe('接待日签到 page', () => {
  let host: FunctionHostStub;
  let pageId: string;

  beforeAll(async () => {
    host = await startLocalHost('odemo-deputy');
    pageId = loadPage('packages/work/checkin/index');
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.answer('reception.checkIn', { ok: true, data: CHECKED_IN });
  });

  function opened(options: WxPlatformOptions): { page: RenderedComponent; wx: WxPlatform } {
    const wx = installWx({ location: HERE, ...options });
    return { page: renderPage(pageId), wx };
  }

  it('scans the door code with the camera, sends it with my position, and shows where and how far', async () => {
    const { page, wx } = opened({ scan: MINI_PROGRAM_CODE });
    expect(textOf(page)).toContain('扫码签到');
    tap(page, '.scan');
    await until(() => page.data.result !== null, 'the check-in');
    expect(wx.scans).toEqual([{ onlyFromCamera: true, scanType: ['qrCode', 'wxCode'] }]);
    expect(checkIns(host)).toEqual([{ action: 'checkIn', code: 'FT-HF-01', ...HERE }]);
    expect(host.calls[0].openid).toBe('odemo-deputy');
    const text = textOf(page);
    for (const shown of ['签到成功', '华富街道人大代表联络站', '3月10日 周二', '09:02', '约 120 米']) expect(text).toContain(shown);
    expect(text).not.toContain('已签到过');
  });

  it('accepts a plain printed code too', async () => {
    const { page } = opened({ scan: { result: 'ft-hf-01' } });
    tap(page, '.scan');
    await until(() => page.data.result !== null, 'the check-in');
    expect(checkIns(host)).toEqual([{ action: 'checkIn', code: 'FT-HF-01', ...HERE }]);
  });

  it('says so when I had already checked in that day', async () => {
    host.answer('reception.checkIn', { ok: true, data: { ...CHECKED_IN, already: true, distance: 35 } });
    const { page } = opened({ scan: MINI_PROGRAM_CODE });
    tap(page, '.scan');
    await until(() => page.data.result !== null, 'the check-in');
    expect(textOf(page)).toContain('今天已签到过');
    expect(textOf(page)).toContain('约 40 米');
  });

  it('location refused: says why, offers the settings, and checks in with the same code once allowed', async () => {
    const { page, wx } = opened({ scan: MINI_PROGRAM_CODE, location: { errMsg: 'getLocation:fail auth deny' }, authSetting: { 'scope.userLocation': true } });
    tap(page, '.scan');
    await until(() => page.data.problem !== null, 'the problem');
    expect(textOf(page)).toContain('您没有允许使用位置信息，无法核对签到位置');
    expect(page.querySelector('.open-setting')).toBeDefined();
    expect(checkIns(host)).toEqual([]);

    wx.location = HERE; // what the person allows in the settings page
    tap(page, '.open-setting');
    await until(() => page.data.result !== null, 'the check-in after settings');
    expect(wx.settingsOpened).toBe(1);
    expect(wx.scans).toHaveLength(1);
    expect(checkIns(host)).toEqual([{ action: 'checkIn', code: 'FT-HF-01', ...HERE }]);
  });

  it('location switched off: no settings button, since the mini-program settings cannot help', async () => {
    const { page } = opened({ scan: MINI_PROGRAM_CODE, location: { errMsg: 'getLocation:fail system permission denied' } });
    tap(page, '.scan');
    await until(() => page.data.problem !== null, 'the problem');
    expect(textOf(page)).toContain('手机定位没有打开');
    expect(page.querySelector('.open-setting')).toBeUndefined();
  });

  it('shows the answer of the function in Chinese when the check-in is refused', async () => {
    host.answer('reception.checkIn', { ok: false, error: { code: 'FORBIDDEN', message: '您离联络站约 2.3 公里，请到联络站后再签到' } });
    const { page } = opened({ scan: MINI_PROGRAM_CODE });
    tap(page, '.scan');
    await until(() => page.data.problem !== null, 'the refusal');
    expect(textOf(page)).toContain('您离联络站约 2.3 公里，请到联络站后再签到');
    expect(textOf(page)).toContain('重新扫码签到');
  });

  it('a code that is not a station’s, and a closed scanner', async () => {
    const { page, wx } = opened({ scan: { result: 'https://example.com/pay' } });
    tap(page, '.scan');
    await until(() => page.data.problem !== null, 'the problem');
    expect(textOf(page)).toContain('这不是联络站的二维码');

    wx.scan = { errMsg: 'scanCode:fail cancel' };
    await page.instance.onScan();
    expect(checkIns(host)).toEqual([]);
    expect(textOf(page)).toContain('这不是联络站的二维码');
  });
});
