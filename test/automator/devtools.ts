/**
 * What test/automator specs share: launching WeChat DevTools on this project, finding the
 * local back end (`npm start`) and calling it as the handlers do, waiting on the page, and
 * tapping and typing into Vant components (whose inner nodes live in their own shadow trees,
 * reached with `element.$`). See ./README.md for the prerequisites.
 */
import path from 'node:path';
import automator from 'miniprogram-automator';
import type MiniProgram from 'miniprogram-automator/out/MiniProgram';
import type Page from 'miniprogram-automator/out/Page';
import type Element from 'miniprogram-automator/out/Element';
import type { InputElement } from 'miniprogram-automator/out/Element';
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../typings/api';
import type { ApiResult } from '../../typings/errors';
import { config } from '../../miniprogram/config';

export type { MiniProgram, Page, Element };

export const PROJECT_PATH = path.resolve(__dirname, '../..');
/** The back end the mini-program in DevTools talks to: miniprogram/config.ts `localHost`. */
export const BACKEND_URL = config.localHost;

/** Launches DevTools (its CLI from WECHAT_DEVTOOLS_CLI) on this project, after checking what the run needs. */
export async function launchDevTools(): Promise<MiniProgram> {
  const cliPath = process.env.WECHAT_DEVTOOLS_CLI;
  if (!cliPath) {
    throw new Error(
      'Set WECHAT_DEVTOOLS_CLI to the WeChat DevTools CLI, e.g. /Applications/wechatwebdevtools.app/Contents/MacOS/cli (macOS) ' +
        'or "C:/Program Files (x86)/Tencent/微信web开发者工具/cli.bat" (Windows). See test/automator/README.md.',
    );
  }
  if (config.mode !== 'local' || config.localOpenid !== 'odemo-resident') {
    throw new Error(`miniprogram/config.ts must say mode: 'local', localOpenid: 'odemo-resident' (it says ${config.mode}, ${config.localOpenid})`);
  }
  await checkBackend();
  return automator.launch({ cliPath, projectPath: PROJECT_PATH, trustProject: true, timeout: 120_000 });
}

async function checkBackend(): Promise<void> {
  const up = await fetch(`${BACKEND_URL}/health`).then(
    (res) => res.ok,
    () => false,
  );
  if (!up) throw new Error(`No local back end at ${BACKEND_URL}: run \`npm start\` (a fresh DATA_DIR is best, see test/automator/README.md)`);
}

/** One action on the local function host as `openid`, as a handler's phone would send it. */
export async function call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: ActionInput<F, A>, openid?: string): Promise<ActionOutput<F, A>> {
  const res = await fetch(`${BACKEND_URL}/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'X-WX-OPENID': openid } : {}) },
    body: JSON.stringify({ ...(input as object), action }),
  });
  const answer = (await res.json()) as ApiResult<ActionOutput<F, A>>;
  if (!answer.ok) throw new Error(`${fn}.${action} as ${openid ?? 'anonymous'}: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

/** GET on the emulator's routes (`/_emulator/wx/sent?…`), as JSON. */
export async function emulator<T>(route: string): Promise<T> {
  const res = await fetch(`${BACKEND_URL}/_emulator/${route}`);
  if (!res.ok) throw new Error(`GET /_emulator/${route}: ${res.status}`);
  return (await res.json()) as T;
}

/** Polls `predicate` until it holds (pages load over HTTP; navigation animates). */
export async function waitFor(predicate: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (
      await Promise.resolve()
        .then(predicate)
        .catch(() => false)
    )
      return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** The page in front once it is `pagePath` and done loading (definePage's `loading`). */
export async function pageReady(miniProgram: MiniProgram, pagePath: string): Promise<Page> {
  let page: Page | undefined;
  await waitFor(async () => {
    page = await miniProgram.currentPage();
    return page?.path === pagePath && (await page.data('loading')) === false;
  }, `${pagePath} to load`);
  return page!;
}

/** `selector` on the page, then `inner` inside it (a component's own node: '.van-button', '.van-radio__icon-wrap' …). */
export async function find(scope: Page | Element, selector: string, inner?: string): Promise<Element> {
  const outer = await scope.$(selector);
  if (!outer) throw new Error(`no ${selector} on the page`);
  if (!inner) return outer;
  const found = await outer.$(inner);
  if (!found) throw new Error(`no ${inner} inside ${selector}`);
  return found;
}

export async function tap(scope: Page | Element, selector: string, inner?: string): Promise<void> {
  await (await find(scope, selector, inner)).tap();
}

/** Types into a van-field: its <input>/<textarea> (`.van-field__control`) gets the value, and Vant emits `change`. */
export async function typeInto(page: Page, fieldSelector: string, value: string): Promise<void> {
  const control = (await find(page, fieldSelector, '.van-field__control')) as InputElement;
  await control.input(value);
}

/** Text of an element (whitespace collapsed), '' when it is missing. */
export async function textOf(scope: Page | Element, selector: string): Promise<string> {
  const element = await scope.$(selector);
  return element ? (await element.text()).replace(/\s+/g, ' ').trim() : '';
}
