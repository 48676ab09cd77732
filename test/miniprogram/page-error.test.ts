/** @jest-environment jsdom */
import { createWxPlatform } from '../support/wx-platform';
import type { WxPlatform } from '../support/wx-platform';
import { loadPage, textOf, until } from './support/load-page';
import type { RenderedComponent } from './support/load-page';

// As load-page.ts does: simulate's typings would pull WeChat's globals into the Node program.
const simulate = require('miniprogram-simulate') as { render(id: string, props?: Record<string, unknown>): RenderedComponent };
declare const document: { createElement(tagName: string): unknown };

describe('page-error, the error state of every resident page', () => {
  let id: string;
  let wx: WxPlatform;

  beforeAll(() => {
    id = loadPage('components/page-error/index');
  });
  beforeEach(() => {
    wx = createWxPlatform();
    wx.install();
  });

  function render(props: Record<string, unknown>): RenderedComponent {
    const shown = simulate.render(id, props);
    shown.attach(document.createElement('parent-wrapper'));
    return shown;
  }
  const tapButton = (node: RenderedComponent | undefined) => node!.querySelector('.van-button')!.dispatchEvent('tap');
  const error = { message: '服务暂时不可用，请稍后重试', hint: '也可以过一会儿再打开' };

  it('shows the message and hint, 重试, and 12345 as the last resort', async () => {
    const shown = render({ error });
    expect(textOf(shown)).toContain('服务暂时不可用，请稍后重试');
    expect(textOf(shown)).toContain('也可以过一会儿再打开');
    expect(textOf(shown.querySelector('.retry')!)).toBe('重试');
    expect(textOf(shown.querySelector('.hotline')!)).toBe('12345政务服务热线');
    expect(shown.querySelector('.call-station')).toBeUndefined();

    tapButton(shown.querySelector('.hotline'));
    await until(() => wx.phoneCalls.length === 1, 'the call');
    expect(wx.phoneCalls).toEqual(['12345']);
  });

  it('offers the station’s phone when the page knows it, before 12345', async () => {
    const shown = render({ error, stationPhone: '0755-83280000' });
    expect(textOf(shown.querySelector('.call-station')!)).toBe('拨打联络站电话 0755-83280000');
    const text = textOf(shown);
    expect(text.indexOf('拨打联络站电话')).toBeLessThan(text.indexOf('12345'));
    tapButton(shown.querySelector('.call-station'));
    await until(() => wx.phoneCalls.length === 1, 'the call');
    expect(wx.phoneCalls).toEqual(['0755-83280000']);
  });

  it('tells its page to retry, and leaves 重试 out where it cannot help', async () => {
    const shown = render({ error });
    const retried = jest.fn();
    (shown.instance as unknown as { triggerEvent: (name: string) => void }).triggerEvent = retried;
    tapButton(shown.querySelector('.retry'));
    await until(() => retried.mock.calls.length === 1, 'the retry event');
    expect(retried).toHaveBeenCalledWith('retry');

    const noRetry = render({ error, canRetry: false });
    expect(noRetry.querySelector('.retry')).toBeUndefined();
    expect(textOf(noRetry)).toContain('12345政务服务热线');
  });
});
