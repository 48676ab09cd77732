/**
 * @jest-environment jsdom
 *
 * The HTML the screenshots and `npm run a11y` measure carries what WeChat knows and simulate
 * keeps off the DOM: page-meta's page-style on the body (elder mode), aria-role/aria-label,
 * the taps our WXML binds, input placeholders; and Vant's icon font with no network.
 */
import path from 'node:path';
import { startFunctionHostStub } from '../../test/miniprogram/support/function-host-stub';
import type { FunctionHostStub } from '../../test/miniprogram/support/function-host-stub';
import { MINIPROGRAM_ROOT, fakeClockAt, loadPages } from '../../test/miniprogram/support/load-page';
import { DEMO_NOW } from '../../test/miniprogram/support/demo-answers';
import { openPage } from '../../test/miniprogram/support/page-scenarios';
import { pageHtml } from './page-html';
import type { ShotPage } from './page-html';
import { tabBarOf } from './tab-bar';
import { reflectWxAttributes } from './wx-attributes';

declare const document: { querySelector(selector: string): { innerHTML: string } | null };

const PAGES = { cases: 'pages/cases/index', stations: 'pages/stations/index', me: 'pages/me/index' };

describe('page-html', () => {
  let host: FunctionHostStub;
  let ids: Record<keyof typeof PAGES, string>;

  beforeAll(async () => {
    fakeClockAt(DEMO_NOW);
    host = await startFunctionHostStub();
    ids = loadPages(PAGES);
  });
  afterAll(async () => {
    jest.useRealTimers();
    await host.close();
  });

  async function html(page: keyof typeof PAGES, elder: boolean): Promise<string> {
    const opened = await openPage(ids[page], PAGES[page], 'loaded', host, { elder });
    reflectWxAttributes(opened.page);
    const app = require(path.join(MINIPROGRAM_ROOT, 'app.json')) as { tabBar: Parameters<typeof tabBarOf>[0] };
    return pageHtml({
      dom: opened.page.dom as unknown as ShotPage['dom'],
      componentCss: document.querySelector(`style#${ids[page]}`)?.innerHTML ?? '',
      appCss: '',
      title: '我的留言',
      tabBar: tabBarOf(app.tabBar, PAGES[page], MINIPROGRAM_ROOT),
    });
  }

  it('puts elder mode (page-meta page-style) on the body, and nothing when it is off', async () => {
    expect(await html('cases', true)).toMatch(/<body style="[^"]*--tap-min:60px/);
    expect(await html('cases', false)).toContain('</head><body>');
  });

  it('writes aria-role as role, aria-level, and marks the taps our WXML binds', async () => {
    const out = await html('cases', false);
    const heading = /<wx-view class="main--sr-only"([^>]*)>我的留言<\/wx-view>/.exec(out)?.[1] ?? '';
    expect(heading).toContain('role="heading"');
    expect(heading).toContain('aria-level="1"');
    // <van-cell bind:click="onTapCase">: the cell host carries the mark; Vant's own bindings do not.
    expect(out).toMatch(/<van-cell class="main--case[^"]*"[^>]*data-tap=""/);
    expect(out).not.toMatch(/<wx-view class="van-icon--van-icon[^"]*"[^>]*data-tap/);
  });

  it('keeps a false aria state: the elder switch says it is off, not nothing', async () => {
    const off = /<wx-view class="main--elder-switch[^"]*"([^>]*)>/.exec(await html('me', false))?.[1] ?? '';
    expect(off).toContain('role="switch"');
    expect(off).toContain('aria-checked="false"');
    const on = /<wx-view class="main--elder-switch[^"]*"([^>]*)>/.exec(await html('me', true))?.[1] ?? '';
    expect(on).toContain('aria-checked="true"');
  });

  it('shows the search placeholder with the placeholder class the field gives it', async () => {
    const out = await html('stations', false);
    expect(out).toMatch(/<wx-input[^>]*><span class="wx-placeholder van-field--van-field__placeholder[^"]*"[^>]*>搜索/);
  });

  it("embeds Vant's icon font as woff2 instead of the CDN one, and the tab icons as PNGs", async () => {
    const out = await html('cases', false);
    expect(out).toContain('src: url("data:font/woff2;');
    expect(out).not.toContain('at.alicdn.com');
    expect(out.match(/<img src="data:image\/png;base64,/g)).toHaveLength(3);
  });
});
