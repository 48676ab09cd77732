/** @jest-environment jsdom */
import { config } from '../../miniprogram/config';
import { createWxPlatform } from '../support/wx-platform';
import { startFunctionHostStub } from './support/function-host-stub';
import type { FunctionHostStub } from './support/function-host-stub';
import { loadPage, renderPage, textOf, until } from './support/load-page';

describe('我的 page', () => {
  let host: FunctionHostStub;
  let pageId: string;

  beforeAll(async () => {
    host = await startFunctionHostStub();
    config.mode = 'local';
    config.localHost = host.url;
    config.localOpenid = 'odemo-deputy';
    pageId = loadPage('pages/me/index');
    createWxPlatform().install();
  });
  afterAll(() => host.close());

  it('shows who the function host says I am', async () => {
    host.answer('user.whoami', { ok: true, data: { openid: 'odemo-deputy', role: 'deputy' } });
    const page = renderPage(pageId);
    await page.instance.onLoad({});
    await until(() => !page.data.loading, 'whoami');

    const values = Array.from(page.dom.querySelectorAll('.van-cell--van-cell__value')).map((v) => v.textContent?.trim());
    expect(values).toEqual(['人大代表', 'odem****puty']);
    expect(host.calls).toEqual([{ fn: 'user', body: { action: 'whoami' }, openid: 'odemo-deputy' }]);
  });

  it('shows the error the function answered, with a retry', async () => {
    host.answer('user.whoami', { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    const page = renderPage(pageId);
    await page.instance.onLoad({});
    await until(() => !page.data.loading, 'whoami');
    expect(textOf(page)).toContain('请先登录');
    expect(page.dom.querySelector('.van-button--van-button')?.textContent).toContain('重试');
  });
});
