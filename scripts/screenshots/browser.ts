/**
 * Headless Chromium for the screenshots, the a11y measures and the tab bar icons: the system's
 * Chromium (no browser download), driven by playwright-core, at the phone's 375×812.
 */
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export const VIEWPORT = { width: 375, height: 812 };

/** The Chromium to drive: $CHROMIUM, else the first of the usual names on PATH. */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome'].filter((c): c is string => !!c);
  for (const candidate of candidates) {
    const found = spawnSync('sh', ['-c', `command -v "${candidate}"`], { encoding: 'utf8' }).stdout.trim();
    if (found && spawnSync(found, ['--version'], { stdio: 'ignore' }).status === 0) return found;
  }
  console.error(
    [
      'This needs headless Chromium, and fonts with Chinese characters. On Debian/Ubuntu:',
      '',
      '  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk',
      '',
      'Or point CHROMIUM at a Chrome/Chromium binary: CHROMIUM=/path/to/chrome npm run screenshots',
    ].join('\n'),
  );
  process.exit(1);
}

/** A fresh profile each launch (playwright makes a temporary user-data-dir), offline, no GPU. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    chromiumSandbox: false,
    args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars'],
  });
}

/** Opens a rendered HTML file and waits until its fonts (Vant's icons, CJK) are in. */
export async function openHtml(browser: Browser, file: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  // A string, not a function: tsx's helpers would not exist in the page.
  await page.evaluate('document.fonts.ready.then(() => true)');
  return page;
}

/** Runs `work` over `items`, `parallel` at a time (the machine has 2 cores). */
export async function inParallel<T>(items: T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
}
