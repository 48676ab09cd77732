/**
 * `npx tsx scripts/screenshots/tab-icons.ts`: the tab bar's icons, miniprogram/images/tab/*.png.
 * Each is a Vant icon glyph drawn with Vant's own icon font in headless Chromium: 81×81 px
 * PNGs with a transparent background (WeChat's tabBar rule: at most 40 KB; 81×81 is what it
 * recommends), the outline glyph in the tab text colour and the filled one in the brand red
 * for the selected tab. app.json's tabBar points at them; test/miniprogram/tab-bar-icons.test.ts
 * checks their size. Run it again after changing a glyph or a colour, and commit the PNGs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from './browser';
import { ICON_FONT_FAMILY, vantIconCodePoint, vantIconFontFace } from './icon-font';
import { ROOT } from './render-html';

const OUT = path.join(ROOT, 'miniprogram/images/tab');
const SIZE = 81;
/** app.json tabBar color / selectedColor: --color-text-secondary and --color-brand. */
const NORMAL = '#5c5f66';
const SELECTED = '#c41a16';

/** One row per tab: file stem, Vant glyph when not selected, and when selected. */
const TAB_ICONS = [
  { file: 'stations', glyph: 'location-o', selectedGlyph: 'location' },
  { file: 'cases', glyph: 'chat-o', selectedGlyph: 'chat' },
  { file: 'me', glyph: 'user-o', selectedGlyph: 'manager' },
];

const iconHtml = (glyph: string, color: string): string => `<!doctype html><html><head><meta charset="utf-8"><style>
${vantIconFontFace()}
html, body { margin: 0; background: transparent; }
#icon { width: ${SIZE}px; height: ${SIZE}px; display: flex; align-items: center; justify-content: center;
  font: normal 400 66px/1 "${ICON_FONT_FAMILY}"; color: ${color}; }
</style></head><body><div id="icon">&#x${vantIconCodePoint(glyph).codePointAt(0)!.toString(16)};</div></body></html>`;

async function main(): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
    fs.mkdirSync(OUT, { recursive: true });
    for (const icon of TAB_ICONS) {
      for (const [suffix, glyph, color] of [
        ['', icon.glyph, NORMAL],
        ['-selected', icon.selectedGlyph, SELECTED],
      ]) {
        await page.setContent(iconHtml(glyph, color), { waitUntil: 'load' });
        await page.evaluate('document.fonts.ready.then(() => true)');
        const file = path.join(OUT, `${icon.file}${suffix}.png`);
        await page.locator('#icon').screenshot({ path: file, omitBackground: true });
        console.log(`${path.relative(ROOT, file)}: ${glyph}, ${color}, ${fs.statSync(file).size} bytes`);
      }
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
