/**
 * What page tests do the same way: point the mini-program at a stub function host as one
 * demo account (and let go of it after), install a fresh `wx`, open a page and wait for it to load, tap a Vant button, type into a field,
 * and measure the largest setData of an opening.
 */
import { config } from '../../../miniprogram/config';
import { setClock } from '../../../miniprogram/utils/time';
import { createWxPlatform } from '../../support/wx-platform';
import type { WxPlatform, WxPlatformOptions } from '../../support/wx-platform';
import { startFunctionHostStub } from './function-host-stub';
import type { FunctionHostStub } from './function-host-stub';
import { renderPage, until } from './load-page';
import type { RenderedComponent } from './load-page';
import { measureSetData } from './set-data-meter';
import type { SetDataCall } from './set-data-meter';

/** A stub host, with the mini-program in local mode calling it as `openid`. */
export async function startLocalHost(openid: string): Promise<FunctionHostStub> {
  const host = await startFunctionHostStub();
  Object.assign(config, { mode: 'local', localHost: host.url, localOpenid: openid });
  return host;
}

/** Renders a loaded page, opens it with `query` and waits until it stops loading (and `ready`, if given). */
export async function openedPage(
  pageId: string,
  query: Record<string, string> = {},
  what = 'the page to load',
  ready: (page: RenderedComponent) => boolean = () => true,
): Promise<RenderedComponent> {
  const page = renderPage(pageId);
  await page.instance.onLoad(query);
  await until(() => !page.data.loading && ready(page), what);
  return page;
}

/** Taps the Vant button (or `inner`) inside the node with class `cls`, as a finger would. */
export function tap(page: RenderedComponent, cls: string, inner = '.van-button'): void {
  page.querySelector(cls)!.querySelector(inner)!.dispatchEvent('tap');
}

/** Types into the van-field with class `fieldClass`. */
export function type(page: RenderedComponent, fieldClass: string, value: string): void {
  const field = page.querySelector(fieldClass)!;
  field.querySelector(`#${field.data.name as string}`)!.dispatchEvent('input', { detail: { value } });
}

/** Opens a page and answers its largest single setData, and the page (to check what it shows). */
export async function largestSetDataOnOpening(pageId: string, query: Record<string, string>): Promise<{ page: RenderedComponent; largest: SetDataCall }> {
  const page = renderPage(pageId);
  const meter = measureSetData(page);
  await page.instance.onLoad(query);
  await until(() => !page.data.loading, 'the page to load');
  meter.stop();
  return { page, largest: meter.largest() };
}

/** After a file's tests: the real clock back, the stub host closed. */
export function stopLocalHost(host: FunctionHostStub): Promise<void> {
  setClock();
  return host.close();
}

/** A fresh stand-in for `wx`, installed as the global the pages call. */
export function installWx(options?: WxPlatformOptions): WxPlatform {
  const wx = createWxPlatform(options);
  wx.install();
  return wx;
}
