/**
 * A page rendered by miniprogram-simulate (jsdom) as a standalone HTML file Chromium can
 * screenshot: the page's DOM, the CSS simulate compiled for it and for every component it
 * uses (class names already prefixed per component, as simulate rewrites them), app.wxss,
 * WeChat's own defaults for its built-in tags, and a navigation bar / tab bar around it.
 */
import fs from 'node:fs';
import path from 'node:path';

/** WeChat lays rpx out on a 750-unit-wide screen: at 375 px, 1rpx = 0.5px. */
export const SCREEN_WIDTH = 375;
export const rpxToPx = (css: string): string =>
  css.replace(/(-?\d*\.?\d+)rpx/gi, (_all, n: string) => `${+(Number(n) * (SCREEN_WIDTH / 750)).toFixed(3)}px`);

/** The `page` selector of WXSS (the page's root) is the body here. */
export const pageSelectorToBody = (css: string): string => css.replace(/(^|[},\s>+~])page(?=[\s{,.:[>+~])/g, '$1body');

/** WeChat's user-agent styles for its built-in tags, which simulate renders as `wx-*` elements. */
const BUILT_INS = `
html, body { margin: 0; padding: 0; }
body { width: ${SCREEN_WIDTH}px; font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif; font-size: 16px; line-height: 1.4; -webkit-font-smoothing: antialiased; }
wx-view, wx-scroll-view, wx-swiper, wx-swiper-item, wx-form, wx-cover-view, wx-picker, wx-picker-view, wx-movable-area, wx-radio-group, wx-checkbox-group, wx-editor { display: block; }
wx-text, wx-label, wx-navigator { display: inline; }
wx-scroll-view { overflow: hidden; }
wx-image { display: inline-block; width: 320px; height: 240px; overflow: hidden; background: #ebedf0 center / cover no-repeat; }
wx-map { display: block; width: 300px; height: 150px; background: linear-gradient(135deg, #e6efe0 25%, #eef3ea 25%, #eef3ea 50%, #e6efe0 50%, #e6efe0 75%, #eef3ea 75%) 0 0 / 40px 40px; }
wx-button { position: relative; display: block; margin: 0 auto; padding: 0 14px; box-sizing: border-box; font-size: 18px; text-align: center; line-height: 2.55555556; border-radius: 5px; overflow: hidden; color: #000; background-color: #f8f8f8; }
wx-button::after { content: " "; width: 200%; height: 200%; position: absolute; top: 0; left: 0; border: 1px solid rgba(0, 0, 0, .2); transform: scale(.5); transform-origin: 0 0; box-sizing: border-box; border-radius: 10px; }
wx-input { display: block; height: 1.4em; line-height: 1.4em; overflow: hidden; white-space: nowrap; }
wx-textarea { display: block; width: 300px; height: 150px; white-space: pre-wrap; }
wx-input[data-placeholder], wx-textarea[data-placeholder] { color: #c8c9cc; }
wx-switch, wx-checkbox, wx-radio, wx-slider { display: inline-block; }
[hidden] { display: none !important; }
[data-glyph]::before { content: attr(data-glyph) !important; font-family: sans-serif !important; }
.shot-status { height: 20px; background: #fff; }
.shot-nav { height: 44px; line-height: 44px; text-align: center; font-size: 17px; font-weight: 500; background: #fff; color: #000; border-bottom: 0.5px solid #e5e5e5; }
.shot-body { position: relative; }
.shot-tabs { position: fixed; left: 0; right: 0; bottom: 0; height: 50px; display: flex; background: #fff; border-top: 0.5px solid #d9d9d9; z-index: 1000; }
.shot-tab { flex: 1; text-align: center; font-size: 11px; color: #646566; padding-top: 28px; position: relative; }
.shot-tab::before { content: ""; position: absolute; top: 6px; left: 50%; width: 20px; height: 20px; margin-left: -10px; border-radius: 6px; border: 2px solid currentColor; box-sizing: border-box; }
.shot-tab.is-current { color: #c41a16; }
`;

/** Vant's icon font comes from a CDN a headless render cannot reach: stand-in glyphs for the icons it uses. */
const GLYPHS: Record<string, string> = {
  arrow: '›', 'arrow-left': '‹', 'arrow-down': '⌄', 'arrow-up': '⌃', search: '⌕', cross: '×', clear: '×', close: '×',
  success: '✓', checked: '✓', passed: '✓', plus: '+', minus: '−', add: '+', 'add-o': '+', location: '◉', 'location-o': '◎',
  phone: '☎', 'phone-o': '☎', 'photograph': '▣', 'photo-o': '▣', scan: '⌗', 'info-o': 'ⓘ', 'warning-o': '!', 'clock-o': '◷',
  'chat-o': '✉', 'star-o': '☆', star: '★', 'friends-o': '☺', 'user-o': '☺', 'todo-list-o': '☰', 'calendar-o': '▦', 'share-o': '⇪',
};

interface DomElement {
  tagName: string;
  className: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  cloneNode(deep: boolean): DomElement;
  outerHTML: string;
  style: { backgroundImage: string };
}

/** What Chromium must show in place of things only WeChat's native layer draws. */
function prepareDom(root: DomElement): DomElement {
  const copy = root.cloneNode(true);
  for (const input of Array.from(copy.querySelectorAll('wx-input, wx-textarea'))) {
    const value = input.getAttribute('value');
    if (value) input.textContent = value;
    else if (input.getAttribute('placeholder')) {
      input.textContent = input.getAttribute('placeholder');
      input.setAttribute('data-placeholder', '');
    }
  }
  for (const image of Array.from(copy.querySelectorAll('wx-image'))) {
    const src = image.getAttribute('src') ?? '';
    // Demo photos live on hosts a headless render cannot reach: keep the grey box then.
    if (src.startsWith('data:') || src.startsWith('file:')) image.style.backgroundImage = `url("${src}")`;
  }
  for (const icon of Array.from(copy.querySelectorAll('[class*="van-icon-"]'))) {
    const name = /(?:^|\s)[\w-]*--van-icon-([\w-]+)/.exec(icon.className)?.[1];
    if (name) icon.setAttribute('data-glyph', GLYPHS[name] ?? '•');
  }
  return copy;
}

export interface ShotPage {
  dom: DomElement;
  /** The CSS simulate inserted for the page and its components (rpx already at 0.5px). */
  componentCss: string;
  /** app.wxss compiled for the page's prefix. */
  appCss: string;
  title: string;
  tabBar?: { items: string[]; current: number };
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function pageHtml(shot: ShotPage): string {
  const tabs = shot.tabBar
    ? `<div class="shot-tabs">${shot.tabBar.items.map((t, i) => `<div class="shot-tab${i === shot.tabBar!.current ? ' is-current' : ''}">${escape(t)}</div>`).join('')}</div>`
    : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=${SCREEN_WIDTH}">
<style>${BUILT_INS}</style>
<style>${pageSelectorToBody(shot.appCss)}</style>
<style>${pageSelectorToBody(shot.componentCss)}</style>
</head><body>
<div class="shot-status"></div><div class="shot-nav">${escape(shot.title)}</div>
<div class="shot-body">${rpxToPx(prepareDom(shot.dom).outerHTML)}</div>
${tabs}
</body></html>`;
}

export function writeHtml(dir: string, name: string, html: string): string {
  const file = path.join(dir, `${name}.html`);
  fs.writeFileSync(file, html);
  return file;
}
