/**
 * @jest-environment jsdom
 *
 * Not a test: the render half of `npm run screenshots`, run by jest so pages load exactly as
 * in the page tests (ts-jest, jsdom, miniprogram-simulate). Writes one HTML file per page and
 * state, and manifest.json, into SHOTS_DIR; run.ts turns them into PNGs with Chromium and
 * scripts/a11y/run.ts measures them. SHOTS_ONLY (a substring of page paths) renders fewer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startFunctionHostStub } from '../../test/miniprogram/support/function-host-stub';
import { MINIPROGRAM_ROOT, fakeClockAt, loadPages } from '../../test/miniprogram/support/load-page';
import { DEMO_NOW } from '../../test/miniprogram/support/demo-answers';
import { appPages, openPage, VARIANTS } from '../../test/miniprogram/support/page-scenarios';
import { pageHtml, rpxToPx, writeHtml } from './page-html';
import type { ShotPage } from './page-html';
import { RESIDENT_PAGES, shotName } from './names';
import type { ShotEntry, ShotState } from './names';
import { tabBarOf } from './tab-bar';
import type { AppTabBar } from './tab-bar';
import { reflectWxAttributes } from './wx-attributes';

declare const document: { querySelector(selector: string): { innerHTML: string } | null };

const OUT = process.env.SHOTS_DIR ?? '';
const ONLY = process.env.SHOTS_ONLY ?? '';
const simulateUtils = require('miniprogram-simulate/src/utils') as { transformRpx(css: string): string };
const wxss = require('miniprogram-simulate/src/wxss') as { getContent(file: string): string; compile(css: string, options: { prefix: string }): string };

type AppJson = { window?: { navigationBarTitleText?: string }; tabBar?: AppTabBar };
const app = JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as AppJson;
const ownTitle = (page: string): string | undefined =>
  (JSON.parse(fs.readFileSync(path.join(MINIPROGRAM_ROOT, `${page}.json`), 'utf8')) as { navigationBarTitleText?: string }).navigationBarTitleText;

jest.setTimeout(300_000);

test('render every page of app.json to HTML', async () => {
  if (!OUT) throw new Error('SHOTS_DIR is not set: run `npm run screenshots`');
  // simulate turns 1rpx into 1px; a 375 px wide screen has 0.5px per rpx.
  simulateUtils.transformRpx = rpxToPx;
  fakeClockAt(DEMO_NOW);
  const host = await startFunctionHostStub();
  const pages = appPages().filter((p) => p.includes(ONLY));
  if (!pages.length) throw new Error(`no page of app.json matches ${ONLY}`);
  const ids = loadPages(Object.fromEntries(pages.map((p) => [p, p])));
  const appCss = rpxToPx(wxss.compile(wxss.getContent(path.join(MINIPROGRAM_ROOT, 'app.wxss')), { prefix: 'main' }));
  const entries: ShotEntry[] = [];
  try {
    for (const page of pages) {
      const elderToo: ShotState[] = RESIDENT_PAGES.includes(page) ? ['elder'] : [];
      // The page's own states, then each variant loaded (and in elder mode for a resident page).
      const shots: { state: ShotState; variant?: string }[] = [
        ...(['loaded', 'empty', 'error', ...elderToo] as ShotState[]).map((state) => ({ state })),
        ...Object.keys(VARIANTS[page] ?? {}).flatMap((variant) => (['loaded', ...elderToo] as ShotState[]).map((state) => ({ state, variant }))),
      ];
      for (const { state, variant } of shots) {
        const elder = state === 'elder';
        const opened = await openPage(ids[page], page, elder ? 'loaded' : state, host, { elder, variant });
        // Only states the page really has: an empty list it asked for, an error it shows.
        if (state === 'empty' && !opened.listsSomething) continue;
        if (state === 'error' && !opened.page.data.error) continue;
        reflectWxAttributes(opened.page);
        const tabBar = tabBarOf(app.tabBar, page, MINIPROGRAM_ROOT);
        const shot: ShotPage = {
          dom: opened.page.dom as unknown as ShotPage['dom'],
          componentCss: document.querySelector(`style#${ids[page]}`)?.innerHTML ?? '',
          appCss,
          title: opened.wx.titles.at(-1) ?? ownTitle(page) ?? app.window?.navigationBarTitleText ?? '',
          ...(tabBar ? { tabBar } : {}),
        };
        const name = shotName(page, state, variant);
        writeHtml(OUT, name, pageHtml(shot));
        entries.push({ name, page, state, ...(variant ? { variant } : {}), title: shot.title });
      }
    }
  } finally {
    jest.useRealTimers();
    await host.close();
  }
  fs.writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify(entries, null, 2));
  expect(entries.length).toBeGreaterThanOrEqual(pages.length);
});
