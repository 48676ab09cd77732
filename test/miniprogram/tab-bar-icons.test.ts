/**
 * The tab bar's icons (app.json tabBar, drawn by scripts/screenshots/tab-icons.ts) as WeChat
 * takes them: every tab has both icons, local PNGs of at most 40 KB (WeChat refuses larger
 * ones), 81×81 px (its recommended size), drawn in the tab's text colour.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

const ROOT = path.resolve(__dirname, '../../miniprogram');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_BYTES = 40 * 1024;

interface Tab {
  pagePath: string;
  text: string;
  iconPath?: string;
  selectedIconPath?: string;
}
const tabBar = (JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8')) as { tabBar: { color: string; selectedColor: string; list: Tab[] } }).tabBar;

const icons = tabBar.list.flatMap((tab) => [
  [tab.text, 'normal', tab.iconPath, tabBar.color] as const,
  [tab.text, 'selected', tab.selectedIconPath, tabBar.selectedColor] as const,
]);

/** The colour of the most opaque pixels: the glyph's ink, whatever the anti-aliasing. */
function inkOf(png: PNG): string {
  const counts = new Map<string, number>();
  for (let i = 0; i < png.data.length; i += 4) {
    if (png.data[i + 3] < 250) continue;
    const hex = `#${[0, 1, 2].map((c) => png.data[i + c].toString(16).padStart(2, '0')).join('')}`;
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none';
}

describe('tab bar icons', () => {
  it('the tab bar has its three tabs, in the brand colours', () => {
    expect(tabBar.list.map((t) => t.text)).toEqual(['附近联络站', '我的留言', '我的']);
    expect(tabBar.color).toBe('#5c5f66');
    expect(tabBar.selectedColor).toBe('#c41a16');
  });

  it.each(icons)('%s (%s): a local PNG, 81×81, at most 40 KB, drawn in the tab colour', (_text, _which, iconPath, colour) => {
    expect(iconPath).toMatch(/^images\/tab\/[\w-]+\.png$/);
    const bytes = fs.readFileSync(path.join(ROOT, iconPath!));
    expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(bytes.length).toBeLessThanOrEqual(MAX_BYTES);
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([81, 81]);
    expect(inkOf(png)).toBe(colour);
  });

  it('normal and selected icons differ, and no two tabs share one', () => {
    const paths = icons.map(([, , p]) => p);
    expect(new Set(paths).size).toBe(paths.length);
    const contents = icons.map(([, , p]) => fs.readFileSync(path.join(ROOT, p!)).toString('base64'));
    expect(new Set(contents).size).toBe(contents.length);
  });
});
