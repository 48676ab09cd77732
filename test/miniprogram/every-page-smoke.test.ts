/** @jest-environment jsdom */
import { startFunctionHostStub } from './support/function-host-stub';
import type { FunctionHostStub } from './support/function-host-stub';
import { fakeClockAt, loadPages, textOf } from './support/load-page';
import type { RenderedComponent } from './support/load-page';
import { DEMO_NOW } from './support/demo-answers';
import { appPages, declaredTags, openPage, UNAVAILABLE, VARIANTS } from './support/page-scenarios';
import type { PageState } from './support/page-scenarios';

/** Every page app.json registers, read from it: a new page is smoke-tested without a line here. */
const PAGES = appPages();

/**
 * Custom-component tags in the page whose element no component claimed: simulate leaves such a
 * tag in place with no template behind it (its exparser node has no `is`), and WeChat would
 * show nothing there.
 */
function unresolvedTags(page: RenderedComponent, tags: string[]): string[] {
  const dom = page.dom as unknown as { querySelectorAll(s: string): ArrayLike<{ tagName: string; __wxElement?: { is?: string } }> };
  if (!tags.length) return [];
  return Array.from(dom.querySelectorAll(tags.join(',')))
    .filter((el) => !el.__wxElement?.is)
    .map((el) => el.tagName.toLowerCase());
}

describe('every page of app.json renders', () => {
  let host: FunctionHostStub;
  let ids: Record<string, string>;
  const logged: string[] = [];
  let restoreConsole: () => void;

  beforeAll(async () => {
    fakeClockAt(DEMO_NOW);
    host = await startFunctionHostStub();
    // Template and data-binding errors reach the console from exparser, not as exceptions.
    const error = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    const warn = jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    restoreConsole = () => (error.mockRestore(), warn.mockRestore());
    ids = loadPages(Object.fromEntries(PAGES.map((p) => [p, p])));
  });
  afterAll(async () => {
    restoreConsole();
    jest.useRealTimers();
    await host.close();
  });

  it('finds the pages in app.json, subpackages included', () => {
    expect(PAGES).toContain('pages/stations/index');
    expect(PAGES).toContain('packages/admin/figures/index');
    expect(PAGES.length).toBeGreaterThanOrEqual(20);
  });

  const cases: [string, PageState][] = PAGES.flatMap((p) => (['loaded', 'empty', 'error'] as PageState[]).map((s): [string, PageState] => [p, s]));

  it.each(cases)('%s (%s): every component resolves, no template error, visible text; an error state says what failed', async (pagePath, state) => {
    logged.length = 0;
    const { page } = await openPage(ids[pagePath], pagePath, state, host);
    expect(unresolvedTags(page, declaredTags(pagePath))).toEqual([]);
    // Our own API client logs failed calls on purpose (console.error 'API call failed'): not a render error.
    expect(logged.filter((line) => !/API call failed|transport failed|not an ApiResult/.test(line))).toEqual([]);
    expect(textOf(page).length).toBeGreaterThan(0);
    if (state === 'loaded') expect(page.data.error).toBeFalsy();
    // Every answer failed: a page that asked for anything says so, in the server's words.
    if (state === 'error' && host.calls.length > 0) expect(textOf(page)).toContain(UNAVAILABLE.error.message);
  });

  // The variants the screenshots show too (a report rated, its window closed …), each loaded.
  const variants = PAGES.flatMap((p) => Object.keys(VARIANTS[p] ?? {}).map((v): [string, string] => [p, v]));
  it.each(variants.length ? variants : [['', '']])('%s · %s: renders without an error', async (pagePath, variant) => {
    if (!pagePath) return;
    logged.length = 0;
    const { page } = await openPage(ids[pagePath], pagePath, 'loaded', host, { variant });
    expect(unresolvedTags(page, declaredTags(pagePath))).toEqual([]);
    expect(logged.filter((line) => !/API call failed|transport failed|not an ApiResult/.test(line))).toEqual([]);
    expect(page.data.error).toBeFalsy();
    expect(textOf(page).length).toBeGreaterThan(0);
  });
});
