/** @jest-environment jsdom */
import type { CheckInOutput } from '../../typings/workspace';
import type { WxPlatformOptions, WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPage, renderPage, textOf, until } from './support/load-page';
import { installWx, startLocalHost, stopLocalHost, type } from './support/page-harness';
import type { RenderedComponent } from './support/load-page';

const HERE = { latitude: 22.5502, longitude: 114.0801 };
const CHECKED_IN: CheckInOutput = {
  receptionId: 'rc-42',
  stationName: '华富街道人大代表联络站',
  date: '2026-03-10',
  distance: 118.6,
  checkedInAt: '2026-03-10T01:02:00.000Z',
  already: false,
  proof: 'presence-code+location',
};
/** What the officer's phone shows as a QR code (docs/api.md: reception.presenceCode's payload). */
const OFFICER_PHONE = { result: 'LLZ-CHECKIN:FT-HF-01:048213' };
const DOOR_MINI_PROGRAM_CODE = { result: '', path: 'packages/station/detail/index?scene=FT-HF-01' };

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

  it('scans the officer’s presence code with the camera, sends it with my position, and shows where and how far', async () => {
    const { page, wx } = opened({ scan: OFFICER_PHONE });
    expect(textOf(page)).toContain('扫描签到码');
    expect(textOf(page)).toContain('联络员手机上显示的签到码');
    tap(page, '.scan');
    await until(() => page.data.result !== null, 'the check-in');
    expect(wx.scans).toEqual([{ onlyFromCamera: true, scanType: ['qrCode', 'wxCode'] }]);
    expect(checkIns(host)).toEqual([{ action: 'checkIn', code: 'FT-HF-01', presenceCode: '048213', ...HERE }]);
    expect(host.calls[0].openid).toBe('odemo-deputy');
    const text = textOf(page);
    for (const shown of ['签到成功', '华富街道人大代表联络站', '3月10日 周二', '09:02', '约 120 米']) expect(text).toContain(shown);
    expect(text).not.toContain('已签到过');
  });

  it('the door’s code alone is not enough: it asks for the presence code, then sends the typed digits with the door code', async () => {
    const { page } = opened({ scan: DOOR_MINI_PROGRAM_CODE });
    tap(page, '.scan');
    await until(() => page.data.problem !== null, 'the explanation');
    expect(textOf(page)).toContain('这是联络站门口的二维码，签到还需要签到码');
    expect(textOf(page)).toContain('请扫描联络员手机上显示的签到码，或在下方输入 6 位签到码');
    expect(textOf(page)).toContain('无法扫码时，输入联络员手机上的 6 位签到码');
    expect(textOf(page)).toContain('接待开始前 30 分钟起可以签到。请扫描联络员手机上显示的签到码，签到码每 30 秒更换一次');
    expect(checkIns(host)).toEqual([]);

    type(page, '.typed-code', '04821');
    await until(() => page.data.typed === '04821', 'the typed digits');
    expect(textOf(page)).toContain('还差 1 位');
    expect(page.querySelector('.typed-submit')!.data.disabled).toBe(true);
    type(page, '.typed-code', '048213');
    await until(() => page.data.typedComplete, 'six digits');
    tap(page, '.typed-submit');
    await until(() => page.data.result !== null, 'the check-in');
    expect(checkIns(host)).toEqual([{ action: 'checkIn', code: 'FT-HF-01', presenceCode: '048213', ...HERE }]);
  });

  it('typed without scanning anything: the digits and my position only', async () => {
    const { page, wx } = opened({});
    type(page, '.typed-code', '048213');
    await until(() => page.data.typedComplete, 'six digits');
    tap(page, '.typed-submit');
    await until(() => page.data.result !== null, 'the check-in');
    expect(wx.scans).toEqual([]);
    expect(checkIns(host)).toEqual([{ action: 'checkIn', presenceCode: '048213', ...HERE }]);
  });

  it('says so when I had already checked in that day', async () => {
    host.answer('reception.checkIn', { ok: true, data: { ...CHECKED_IN, already: true, distance: 35 } });
    const { page } = opened({ scan: OFFICER_PHONE });
    tap(page, '.scan');
    await until(() => page.data.result !== null, 'the check-in');
    expect(textOf(page)).toContain('今天已签到过');
    expect(textOf(page)).toContain('约 40 米');
  });

  it('location refused: says why, offers the settings, and checks in with the same code once allowed', async () => {
    const { page, wx } = opened({ scan: OFFICER_PHONE, location: { errMsg: 'getLocation:fail auth deny' }, authSetting: { 'scope.userLocation': true } });
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
    expect(checkIns(host)).toEqual([{ action: 'checkIn', code: 'FT-HF-01', presenceCode: '048213', ...HERE }]);
  });

  it('location switched off: no settings button, since the mini-program settings cannot help', async () => {
    const { page } = opened({ scan: OFFICER_PHONE, location: { errMsg: 'getLocation:fail system permission denied' } });
    tap(page, '.scan');
    await until(() => page.data.problem !== null, 'the problem');
    expect(textOf(page)).toContain('手机定位没有打开');
    expect(page.querySelector('.open-setting')).toBeUndefined();
  });

  it.each([
    ['an expired code', { code: 'INVALID_INPUT', field: 'presenceCode', message: '签到码不正确或已过期，请扫描联络员手机上正在显示的签到码' }],
    ['before check-in opens', { code: 'NOT_YET_DUE', message: '签到将于 08:30 开始（接待时间 09:00–11:00），请到时再签到' }],
    ['after the reception', { code: 'CONFLICT', message: '今天的接待已于 11:00 结束，不能再签到；如确实参加了接待，请联系联络员说明' }],
  ])('shows the function’s refusal in Chinese: %s', async (_name, error) => {
    host.answer('reception.checkIn', { ok: false, error });
    const { page } = opened({ scan: OFFICER_PHONE });
    tap(page, '.scan');
    await until(() => page.data.problem !== null, 'the refusal');
    expect(textOf(page)).toContain(error.message);
    expect(textOf(page)).toContain('重新扫描签到码');
  });

  it('a code that is not a check-in code, and a closed scanner', async () => {
    const { page, wx } = opened({ scan: { result: 'https://example.com/pay' } });
    tap(page, '.scan');
    await until(() => page.data.problem !== null, 'the problem');
    expect(textOf(page)).toContain('这不是签到码');

    wx.scan = { errMsg: 'scanCode:fail cancel' };
    await page.instance.onScan();
    expect(checkIns(host)).toEqual([]);
    expect(textOf(page)).toContain('这不是签到码');
  });
});
