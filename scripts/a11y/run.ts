/**
 * `npm run a11y [-- <page path part>]`: every page state `npm run screenshots` renders (the
 * same HTML, from scripts/screenshots/capture.shot.ts), measured in headless Chromium: axe-core
 * (WCAG 2 A/AA) and in-page.ts's text sizes and tap targets. Prints a table, the details of
 * what fails, and a total; writes docs/a11y.md (when every page was measured); exits non-zero
 * while any state fails (report.ts `fails`: an axe finding, small text or body text, a small
 * target, an unlabelled icon, no heading). `npm run a11y -- packages/case` measures only the
 * matching pages.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inParallel, launchChromium, openHtml } from '../screenshots/browser';
import { ROOT, htmlFile, renderHtml } from '../screenshots/render-html';
import type { ShotEntry } from '../screenshots/names';
import { measureState } from './measure';
import { consoleTable, details, fails, markdown, totalLine, totalsOf } from './report';
import type { StateReport } from './report';

/** The design floors (app.wxss tokens): --font-caption, --font-body, --tap-min; elder mode's. */
const FLOORS = {
  normal: { minText: 14, minBody: 16, minTarget: 44 },
  elder: { minText: 14, minBody: 20, minTarget: 60 },
};
const PARALLEL = Math.max(1, Math.min(2, os.cpus().length));
const OUT = path.join(ROOT, 'docs/a11y.md');

async function main(): Promise<void> {
  const started = Date.now();
  const only = process.argv[2] ?? '';
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'a11y-'));
  const browser = launchChromium();
  const entries = renderHtml(work, only);
  const rendered = Date.now();
  const chromium = await browser;
  const reports = new Map<ShotEntry, StateReport>();
  try {
    await inParallel(entries, PARALLEL, async (entry) => {
      const floors = entry.state === 'elder' ? FLOORS.elder : FLOORS.normal;
      const page = await openHtml(chromium, htmlFile(work, entry));
      reports.set(entry, { entry, ...floors, measures: await measureState(page, floors) });
      await page.close();
    });
  } finally {
    await chromium.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  const ordered = entries.map((e) => reports.get(e)!);
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\n${consoleTable(ordered)}\n`);
  const more = details(ordered);
  if (more) console.log(`${more}\n`);
  console.log(totalLine(totalsOf(ordered)));
  if (only) console.log(`(only pages matching "${only}": docs/a11y.md left as it was)`);
  else fs.writeFileSync(OUT, markdown(ordered, seconds));
  const renderSeconds = Math.round((rendered - started) / 1000);
  console.log(`${ordered.length} page states in ${seconds} s: rendered in ${renderSeconds} s, measured in ${seconds - renderSeconds} s (${PARALLEL} at a time)`);
  if (ordered.some(fails)) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(2);
});
