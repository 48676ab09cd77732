/**
 * A page rendered by miniprogram-simulate (jsdom) as a standalone HTML file Chromium can
 * screenshot: the page's DOM, the CSS simulate compiled for it and for every component it
 * uses (class names already prefixed per component, as simulate rewrites them), app.wxss,
 * WeChat's own defaults for its built-in tags, Vant's icon font (offline), and a navigation
 * bar / tab bar around it. The page's `page-meta` page-style (font scale, elder mode) is put
 * on the body, as WeChat puts it on the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { vantIconFontFace, withoutRemoteIconFont } from './icon-font';

/** WeChat lays rpx out on a 750-unit-wide screen: at 375 px, 1rpx = 0.5px. */
export const SCREEN_WIDTH = 375;
export const rpxToPx = (css: string): string => css.replace(/(-?\d*\.?\d+)rpx/gi, (_all, n: string) => `${+(Number(n) * (SCREEN_WIDTH / 750)).toFixed(3)}px`);

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
/* WeChat's default placeholder colour ("gray"); a placeholder-class overrides it. */
.wx-placeholder { color: #808080; }
wx-switch, wx-checkbox, wx-radio, wx-slider { display: inline-block; }
[hidden] { display: none !important; }
.shot-status { height: 20px; background: #fff; }
.shot-nav { height: 44px; line-height: 44px; text-align: center; font-size: 17px; font-weight: 500; background: #fff; color: #000; border-bottom: 0.5px solid #e5e5e5; }
.shot-body { position: relative; }
.shot-tabs { position: fixed; left: 0; right: 0; bottom: 0; height: 50px; display: flex; background: #fff; border-top: 0.5px solid #d9d9d9; z-index: 1000; }
.shot-tab { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; font-size: 10px; line-height: 1.2; }
.shot-tab img { width: 24px; height: 24px; margin-bottom: 2px; }
`;

interface DomElement {
  tagName: string;
  className: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  cloneNode(deep: boolean): DomElement;
  outerHTML: string;
  innerHTML: string;
  style: { backgroundImage: string };
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const escapeAttr = (s: string): string => escape(s).replace(/"/g, '&quot;');

const NATIVE_ROLES: [string, string][] = [
  ['wx-button', 'button'],
  ['wx-navigator', 'link'],
];

/**
 * WeChat draws a placeholder inside the input with its `placeholder-class` (scoped to the
 * component, as simulate prefixes classes) and `placeholder-style`.
 */
function placeholderHtml(input: DomElement, text: string): string {
  const prefix = /(?:^|\s)([\w-]+?--)/.exec(input.className)?.[1] ?? '';
  const classes = (input.getAttribute('placeholder-class') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => `${prefix}${c}`);
  const style = `${input.getAttribute('placeholder-style') ?? ''}; position: static`;
  return `<span class="wx-placeholder ${escapeAttr(classes.join(' '))}" style="${escapeAttr(style)}">${escape(text)}</span>`;
}

/** What Chromium must show in place of things only WeChat's native layer draws. */
function prepareDom(root: DomElement): DomElement {
  const copy = root.cloneNode(true);
  for (const input of Array.from(copy.querySelectorAll('wx-input, wx-textarea'))) {
    const value = input.getAttribute('value');
    const placeholder = input.getAttribute('placeholder');
    if (value) input.textContent = value;
    else if (placeholder) input.innerHTML = placeholderHtml(input, placeholder);
  }
  for (const image of Array.from(copy.querySelectorAll('wx-image'))) {
    const src = image.getAttribute('src') ?? '';
    // Demo photos live on hosts a headless render cannot reach: keep the grey box then.
    if (src.startsWith('data:') || src.startsWith('file:')) image.style.backgroundImage = `url("${src}")`;
  }
  // WeChat's built-in tags have their native roles; an `aria-role` in the WXML overrides them.
  for (const [selector, role] of NATIVE_ROLES) {
    for (const el of Array.from(copy.querySelectorAll(selector))) if (el.getAttribute('role') === null) el.setAttribute('role', role);
  }
  // A disabled Vant button is inactive (Vant drops its tap and dims it) though its native button is
  // not disabled: say so, as WCAG asks no contrast of inactive controls.
  for (const el of Array.from(copy.querySelectorAll('[class*="--van-button--disabled"]'))) el.setAttribute('aria-disabled', 'true');
  return copy;
}

export interface ShotPage {
  dom: DomElement;
  /** The CSS simulate inserted for the page and its components (rpx already at 0.5px). */
  componentCss: string;
  /** app.wxss compiled for the page's prefix. */
  appCss: string;
  title: string;
  tabBar?: TabBar;
}

/** app.json's tabBar as WeChat draws it: icons as data: URLs (or file: paths). */
export interface TabBar {
  color: string;
  selectedColor: string;
  items: { text: string; icon?: string; selectedIcon?: string }[];
  current: number;
}

function tabBarHtml(bar: TabBar): string {
  const tab = (item: TabBar['items'][number], i: number): string => {
    const selected = i === bar.current;
    const icon = selected ? item.selectedIcon : item.icon;
    const img = icon ? `<img src="${escapeAttr(icon)}" alt="">` : '';
    return `<div class="shot-tab" style="color: ${selected ? bar.selectedColor : bar.color}">${img}<span>${escape(item.text)}</span></div>`;
  };
  return `<div class="shot-tabs">${bar.items.map(tab).join('')}</div>`;
}

/** `page-meta`'s page-style, as wx-attributes.ts left it on the element. */
const pageStyleOf = (dom: DomElement): string => dom.querySelectorAll('wx-page-meta[data-page-style]')[0]?.getAttribute('data-page-style') ?? '';

export function pageHtml(shot: ShotPage): string {
  const pageStyle = pageStyleOf(shot.dom);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=${SCREEN_WIDTH}">
<title>${escape(shot.title)}</title>
<style>${BUILT_INS}</style>
<style>${pageSelectorToBody(shot.appCss)}</style>
<style>${withoutRemoteIconFont(pageSelectorToBody(shot.componentCss))}</style>
<style>${vantIconFontFace()}</style>
</head><body${pageStyle ? ` style="${escapeAttr(pageStyle)}"` : ''}>
<div class="shot-status"></div><div class="shot-nav">${escape(shot.title)}</div>
<div class="shot-body">${rpxToPx(prepareDom(shot.dom).outerHTML)}</div>
${shot.tabBar ? tabBarHtml(shot.tabBar) : ''}
</body></html>`;
}

export function writeHtml(dir: string, name: string, html: string): string {
  const file = path.join(dir, `${name}.html`);
  fs.writeFileSync(file, html);
  return file;
}
