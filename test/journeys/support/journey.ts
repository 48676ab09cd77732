/**
 * What a journey does as the resident: launch the app, open pages the way WeChat opens them
 * (from a route a page asked for), tap and type the way Vant's components receive it, and
 * read what is on screen. Pages come from test/miniprogram/support/load-page.ts.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Buffer } from 'node:buffer';
import { pngBytesOfSize } from '../../backend/png';
import { renderPage, textOf, until } from '../../miniprogram/support/load-page';
import type { RenderedComponent, RenderedNode } from '../../miniprogram/support/load-page';
import type { WxPlatform } from '../../support/wx-platform';

/** WeChat's App(): miniprogram/app.ts registers its options; the journey launches it as WeChat would. */
export function launchApp(): void {
  type AppOptions = { onLaunch?: (options: Record<string, unknown>) => void };
  const g = globalThis as unknown as { App?: (options: AppOptions) => void };
  const before = g.App;
  let registered: AppOptions | undefined;
  g.App = (options) => void (registered = options);
  try {
    require('../../../miniprogram/app');
  } finally {
    g.App = before;
  }
  if (!registered) throw new Error('miniprogram/app.ts did not call App()');
  registered.onLaunch?.({ path: 'pages/stations/index', query: {}, scene: 1001 });
}

/** '/packages/case/detail/index?id=c-1' → { page: 'packages/case/detail/index', query: { id: 'c-1' } }, as WeChat hands it to onLoad. */
export function route(url: string): { page: string; query: Record<string, string> } {
  const [pagePath, search = ''] = url.replace(/^\//, '').split('?');
  const query: Record<string, string> = {};
  for (const pair of search.split('&').filter(Boolean)) {
    const [key, value = ''] = pair.split('=');
    query[decodeURIComponent(key)] = decodeURIComponent(value);
  }
  return { page: pagePath, query };
}

/** The route of the last navigation a page asked for (navigateTo, redirectTo …). */
export function lastRoute(wx: WxPlatform, method?: WxPlatform['navigations'][number]['method']): { page: string; query: Record<string, string> } {
  const navigation = [...wx.navigations].reverse().find((n) => !method || n.method === method);
  if (!navigation?.url) throw new Error(`no ${method ?? ''} navigation with a url`);
  return route(navigation.url);
}

/** Opens a page: rendered, `onLoad(query)` (and `onShow`, as WeChat follows it), settled. */
export async function openPage(pageId: string, query: Record<string, string> = {}, what = 'the page to load'): Promise<RenderedComponent> {
  const page = renderPage(pageId);
  await page.instance.onLoad?.(query);
  await page.instance.onShow?.();
  await until(() => !page.data.loading, what, 15_000);
  if (page.data.error) throw new Error(`${what}: the page shows an error: ${JSON.stringify(page.data.error)}`);
  return page;
}

/** A tap on the inner node of a component (a Vant button's `.van-button`, a radio's icon …), as a finger would. */
export function tap(component: RenderedComponent | undefined, inner = '.van-button'): void {
  if (!component) throw new Error(`nothing to tap (${inner})`);
  const target = component.querySelector(inner);
  if (!target) throw new Error(`no ${inner} inside the component to tap`);
  target.dispatchEvent('tap');
}

/** Types into a van-field as a finger would: its real <input>/<textarea> (id = the field's `name`) fires `input`. */
export function type(page: RenderedComponent, fieldClass: string, value: string): void {
  const field = page.querySelector(fieldClass);
  if (!field) throw new Error(`no field ${fieldClass}`);
  const control = field.querySelector(`#${String(field.data.name)}`);
  if (!control) throw new Error(`no input inside ${fieldClass}`);
  control.dispatchEvent('input', { detail: { value } });
}

/** Rendered text of each node matching `selector` (simulate prefixes a page's classes with `main--`). */
export function textsOf(root: { dom: RenderedNode }, selector: string): string[] {
  return Array.from(root.dom.querySelectorAll(selector)).map((n) => (n.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** An attribute of rendered nodes (e.g. an <image>'s src). */
export function attributesOf(root: { dom: RenderedNode }, selector: string, name: string): string[] {
  return Array.from(root.dom.querySelectorAll(selector)).map((n) => (n as unknown as { getAttribute(name: string): string | null }).getAttribute(name) ?? '');
}

export { textOf, until };

/** Photos in the phone's album: small real PNGs on disk (what wx.chooseMedia answers with); `remove()` when done. */
export function albumPhotos(count: number): { paths: string[]; bytes: Buffer[]; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-album-'));
  const bytes = Array.from({ length: count }, (_x, i) => pngBytesOfSize(8 + i * 4));
  const paths = bytes.map((b, i) => {
    const file = path.join(dir, `IMG_${2001 + i}.png`);
    fs.writeFileSync(file, b);
    return file;
  });
  return { paths, bytes, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A plain GET, as <image src> loads: status, type and bytes (jsdom has no fetch). */
export function httpGet(url: string): Promise<{ status: number; type: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(url), (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), bytes: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** 'YYYY-MM-DD' → '11月24日 周二', the way the station pages write a day. */
export function dayText(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${month}月${day}日 ${WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]}`;
}

/** Today in Shenzhen, 'YYYY-MM-DD'. */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
