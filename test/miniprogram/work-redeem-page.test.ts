/** @jest-environment jsdom */
import type { WxPlatform } from '../support/wx-platform';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPage, renderPage, textOf, until } from './support/load-page';
import { installWx, startLocalHost, stopLocalHost } from './support/page-harness';
import type { RenderedComponent } from './support/load-page';

function typeCode(page: RenderedComponent, value: string): void {
  page.querySelector('.field-code')!.querySelector('#code')!.dispatchEvent('input', { detail: { value } });
}
const tapSubmit = (page: RenderedComponent) => page.querySelector('.submit-code')!.querySelector('.van-button')!.dispatchEvent('tap');
const redeems = (host: FunctionHostStub) => host.calls.filter((c) => c.fn === 'user' && c.body.action === 'redeem').map((c) => c.body);

describe('输入邀请码 page', () => {
  let host: FunctionHostStub;
  let wx: WxPlatform;
  let pageId: string;

  beforeAll(async () => {
    host = await startLocalHost('odemo-resident-2');
    pageId = loadPage('packages/work/redeem/index');
  });
  afterAll(() => stopLocalHost(host));
  beforeEach(() => {
    host.calls.length = 0;
    host.answer('user.redeem', { ok: true, data: { openid: 'odemo-resident-2', role: 'deputy', name: '张三', deputyId: 'dp-009', stations: [] } });
    wx = installWx();
  });

  it('takes the code as printed: upper case, spaces and dashes dropped, and sends it', async () => {
    const page = renderPage(pageId);
    typeCode(page, 'abcd-ef 2h');
    await until(() => page.data.code === 'ABCDEF2H', 'the code to be normalised');
    expect(page.data.complete).toBe(true);
    tapSubmit(page);
    await until(() => textOf(page).includes('已绑定为'), 'the answer');
    expect(redeems(host)).toEqual([{ action: 'redeem', code: 'ABCDEF2H' }]);
    expect(host.calls[0].openid).toBe('odemo-resident-2');
    expect(textOf(page)).toContain('已绑定为 人大代表 张三');
    await until(() => wx.navigations.length > 0, 'going back', 3000);
    expect(wx.navigations).toEqual([{ method: 'navigateBack', url: undefined }]);
  });

  it('keeps the button off until all 8 characters are there', async () => {
    const page = renderPage(pageId);
    typeCode(page, 'ABCD-EF2');
    await until(() => page.data.code === 'ABCDEF2', 'the code');
    expect(textOf(page)).toContain('还差1位');
    expect(textOf(page)).toContain('发放后7天内有效');
    expect(page.querySelector('.field-code')!.data.placeholder).toBe('8位字母或数字');
    expect(page.querySelector('.submit-code')!.data.disabled).toBe(true);
    tapSubmit(page);
    await page.instance.onSubmit();
    expect(redeems(host)).toEqual([]);
  });

  it.each([
    // The back end's own sentences (backend/domain/invites/invite.redeem.ts).
    ['CONFLICT', '这个邀请码已经被使用'],
    ['NOT_FOUND', '邀请码不存在，请核对后重新输入'],
    ['CONFLICT', '这个邀请码已过期，请联系区人大常委会重新获取'],
  ])('shows a %s answer (%s) in Chinese under the field and stays', async (code, message) => {
    host.answer('user.redeem', { ok: false, error: { code, message, field: 'code' } });
    const page = renderPage(pageId);
    typeCode(page, 'WXYZ2345');
    await until(() => page.data.complete, 'the code');
    tapSubmit(page);
    await until(() => textOf(page).includes(message), 'the error');
    expect(page.querySelector('.field-code')!.data.errorMessage).toBe(message);
    expect(page.data.submitting).toBe(false);
    expect(wx.navigations).toEqual([]);
    // Typing again clears the error.
    typeCode(page, 'WXYZ2346');
    await until(() => !textOf(page).includes(message), 'the error to clear');
  });
});
