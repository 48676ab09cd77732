/**
 * `npm run screenshots`: every page of app.json, in its loaded state and its empty and
 * error states where it has them (and, for the resident's pages, loaded in 长辈模式), as a
 * 375×812 PNG in docs/screenshots/ (with an index). Pages render from their real WXML, WXSS
 * and logic (miniprogram-simulate, via jest: see capture.shot.ts) against the demo answers;
 * headless Chromium takes the pictures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { screenshotIndex } from './index-page';
import { inParallel, launchChromium, openHtml } from './browser';
import { ROOT, htmlFile, renderHtml } from './render-html';

const OUT = path.join(ROOT, 'docs/screenshots');
/** Two pages at a time: the machines this runs on have 2 cores. */
const PARALLEL = Math.max(1, Math.min(2, os.cpus().length));

async function main(): Promise<void> {
  const started = Date.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'screenshots-'));
  const browser = launchChromium();
  const entries = renderHtml(work);
  const chromium = await browser;
  try {
    fs.mkdirSync(OUT, { recursive: true });
    for (const old of fs.readdirSync(OUT).filter((f) => f.endsWith('.png'))) fs.rmSync(path.join(OUT, old));
    await inParallel(entries, PARALLEL, async (entry) => {
      const page = await openHtml(chromium, htmlFile(work, entry));
      // 1×: the PNGs stay small enough for the repository (2× would be ~3× the bytes).
      await page.screenshot({ path: path.join(OUT, `${entry.name}.png`) });
      await page.close();
    });
  } finally {
    await chromium.close();
  }
  fs.writeFileSync(path.join(OUT, 'README.md'), screenshotIndex(entries));
  fs.rmSync(work, { recursive: true, force: true });
  const bytes = entries.reduce((sum, e) => sum + fs.statSync(path.join(OUT, `${e.name}.png`)).size, 0);
  console.log(`${entries.length} screenshots in docs/screenshots (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
