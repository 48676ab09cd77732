/**
 * Vant's icon font, offline. Vant Weapp's icon.wxss loads `vant-icon` from a CDN a headless
 * render cannot reach; @vant/icons (the package Vant Weapp builds its icons from, same code
 * points) ships the same font inlined as a woff2 data: URL in src/encode-woff2.less.
 */
import fs from 'node:fs';

export const ICON_FONT_FAMILY = 'vant-icon';

let cached: string | undefined;

/** The `data:font/woff2;…` URL of Vant's icon font. */
export function vantIconFontUrl(): string {
  if (cached) return cached;
  const less = fs.readFileSync(require.resolve('@vant/icons/src/encode-woff2.less'), 'utf8');
  const url = /url\('(data:font\/woff2[^']+)'\)/.exec(less)?.[1];
  if (!url) throw new Error('@vant/icons/src/encode-woff2.less no longer inlines the woff2 font: update icon-font.ts');
  return (cached = url);
}

/** An @font-face for `vant-icon` that needs no network. */
export const vantIconFontFace = (): string =>
  `@font-face { font-family: "${ICON_FONT_FAMILY}"; font-style: normal; font-weight: 400; font-display: block; src: url("${vantIconFontUrl()}") format("woff2"); }`;

/** Vant's own @font-face (the CDN one) taken out of compiled component CSS. */
export const withoutRemoteIconFont = (css: string): string => css.replace(/@font-face\s*\{[^}]*vant-icon[^}]*\}/g, '');

/** The code point Vant gives an icon name, read from its stylesheet (`.van-icon-chat-o:before{content:"\e68c"}`). */
export function vantIconCodePoint(name: string): string {
  const less = fs.readFileSync(require.resolve('@vant/icons/src/common.less'), 'utf8');
  const hex = new RegExp(`\\.van-icon-${name.replace(/[-]/g, '\\-')}:before\\s*\\{\\s*content:\\s*'\\\\([0-9a-f]+)'`).exec(less)?.[1];
  if (!hex) throw new Error(`no Vant icon named ${name}`);
  return String.fromCodePoint(parseInt(hex, 16));
}
