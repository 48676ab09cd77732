/**
 * Runs inside Chromium, on a page state page-html rendered (bundled by esbuild, see measure.ts):
 * what axe does not measure.
 * - Text: every visible text node and its font size; paragraph text (a sentence or more,
 *   or text that wraps) against the body size.
 * - Tap targets, as WeChat makes things tappable: wx-button, wx-navigator, WeChat's form
 *   controls and inputs (counting their row), Vant's tappable parts (known by class: a
 *   clickable/is-link cell, a radio or checkbox, a tab, the uploader …) and every node our
 *   WXML binds a tap to (`data-tap`, from wx-attributes.ts).
 * - Icon-only targets without an aria-label, and whether the page has a heading.
 * What WeChat draws itself (status bar, navigation bar, tab bar) is left out.
 */

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

interface El {
  tagName: string;
  className: string;
  parentElement: El | null;
  children: ArrayLike<El>;
  innerText: string;
  closest(selector: string): El | null;
  contains(other: El): boolean;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Rect;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  checkVisibility?(options: Record<string, boolean>): boolean;
}

interface TextNode {
  textContent: string | null;
  parentElement: El | null;
}

interface Style {
  fontSize: string;
  display: string;
  overflow: string;
  clip: string;
  clipPath: string;
}

declare const document: {
  body: El;
  createTreeWalker(root: El, whatToShow: number): { nextNode(): TextNode | null };
  createRange(): { selectNodeContents(node: TextNode): void; getClientRects(): ArrayLike<Rect>; getBoundingClientRect(): Rect };
};
declare function getComputedStyle(el: El): Style;

export interface MeasureOptions {
  /** No visible text under this (px). */
  minText: number;
  /** Paragraph text at least this (px). */
  minBody: number;
  /** Tap targets at least this wide and high (px). */
  minTarget: number;
  /** What WeChat draws itself: not measured. */
  exclude: string;
}

export interface TextFinding {
  text: string;
  px: number;
}

export interface TargetFinding {
  label: string;
  width: number;
  height: number;
}

export interface Measures {
  texts: number;
  smallTexts: TextFinding[];
  paragraphs: number;
  smallBody: TextFinding[];
  targets: number;
  smallTargets: TargetFinding[];
  unlabelled: TargetFinding[];
  hasHeading: boolean;
}

const SHOW_TEXT = 4;
/** A sentence or more: text this long is read as body text, not a label. */
const PARAGRAPH_CHARS = 20;

/** Vant's tappable parts by their class (simulate prefixes it: `van-cell--van-cell--clickable`). */
const VANT_TAPPABLE = new Set([
  'van-cell--clickable',
  'van-radio',
  'van-checkbox',
  'van-tab',
  'van-uploader__upload',
  'van-uploader__preview-delete',
  'van-rate__item',
  'van-stepper__minus',
  'van-stepper__plus',
  'van-switch',
  'van-tag__close',
  'van-dropdown-menu__item',
  'van-grid-item__content--clickable',
  'van-action-sheet__item',
  'van-action-sheet__cancel',
  'van-picker__cancel',
  'van-picker__confirm',
  'van-popup__close-icon',
  'van-sidebar-item',
  'van-tabbar-item',
  'van-nav-bar__left',
  'van-goods-action-icon',
]);
/** WeChat's own form controls; inputs and choices count their row. */
const NATIVE_TAPPABLE = 'wx-button, wx-navigator, wx-input, wx-textarea, wx-picker, wx-switch, wx-radio, wx-checkbox, wx-slider';
const COUNTS_ITS_ROW = new Set(['wx-input', 'wx-textarea', 'wx-radio', 'wx-checkbox', 'wx-switch', 'van-radio', 'van-checkbox', 'van-switch']);

/** `van-cell--van-cell--clickable` → `van-cell--clickable`: the class as the component wrote it. */
const ownClasses = (el: El): string[] =>
  (el.className || '')
    .split(/\s+/)
    .filter(Boolean)
    .map((c) => (c.includes('--') ? c.slice(c.indexOf('--') + 2) : c));

const hasOwnClass = (el: El, name: string): boolean => ownClasses(el).includes(name);

/** The row an input or a choice sits in, which a finger can hit as well: a Vant cell, or a row our WXML binds a tap to. */
function rowOf(el: El): El | null {
  for (let at = el.parentElement; at && at !== document.body; at = at.parentElement) {
    // The control's own host (<van-checkbox catch:tap>) is not its row.
    if (COUNTS_ITS_ROW.has(at.tagName.toLowerCase())) continue;
    if (hasOwnClass(at, 'van-cell') || at.getAttribute('data-tap') !== null) return at;
  }
  return null;
}

/** Clipped away (the .sr-only pattern) or hidden by CSS. */
function invisible(el: El): boolean {
  if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true, opacityProperty: true, visibilityProperty: true })) return true;
  for (let at: El | null = el; at && at !== document.body; at = at.parentElement) {
    const style = getComputedStyle(at);
    if (style.clip && style.clip !== 'auto') return true;
    if (style.clipPath && /inset\(50%\)/.test(style.clipPath)) return true;
    if (style.overflow !== 'visible') {
      const box = at.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return true;
    }
  }
  return false;
}

/** A custom element (display: inline, as Chromium knows no such tag) is as large as what it holds. */
function boxOf(el: El): Rect {
  const display = getComputedStyle(el).display;
  if ((display === 'inline' || display === 'contents') && el.children.length) {
    const boxes = Array.from(el.children)
      .map(boxOf)
      .filter((b) => b.width > 0 && b.height > 0);
    if (boxes.length) {
      const left = Math.min(...boxes.map((b) => b.left));
      const top = Math.min(...boxes.map((b) => b.top));
      const right = Math.max(...boxes.map((b) => b.right));
      const bottom = Math.max(...boxes.map((b) => b.bottom));
      return { left, top, right, bottom, width: right - left, height: bottom - top };
    }
  }
  return el.getBoundingClientRect();
}

const short = (s: string, n = 16): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
};

function labelOf(el: El): string {
  const aria = el.getAttribute('aria-label') ?? el.querySelector('[aria-label]')?.getAttribute('aria-label');
  if (aria) return short(aria);
  const text = short(el.innerText || '');
  if (text) return text;
  const icon = [el, ...Array.from(el.querySelectorAll('[class*="van-icon-"]'))].flatMap(ownClasses).find((c) => c.startsWith('van-icon-'));
  return icon ? `(${icon})` : `<${el.tagName.toLowerCase()}${el.className ? `.${ownClasses(el)[0] ?? ''}` : ''}>`;
}

function measureTexts(options: MeasureOptions): Pick<Measures, 'texts' | 'smallTexts' | 'paragraphs' | 'smallBody'> {
  const walker = document.createTreeWalker(document.body, SHOW_TEXT);
  const result = { texts: 0, smallTexts: [] as TextFinding[], paragraphs: 0, smallBody: [] as TextFinding[] };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest(`${options.exclude}, style, script, title`) || invisible(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) continue;
    const px = parseFloat(getComputedStyle(parent).fontSize);
    result.texts += 1;
    if (px < options.minText - 0.01) result.smallTexts.push({ text: short(text), px });
    const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
    if (text.length >= PARAGRAPH_CHARS || lines > 1) {
      result.paragraphs += 1;
      if (px < options.minBody - 0.01) result.smallBody.push({ text: short(text), px });
    }
  }
  return result;
}

/** Every tap target once: the element whose box a finger has to hit. */
function tapTargets(options: MeasureOptions): El[] {
  const found = new Set<El>();
  const consider = (el: El): void => {
    if (el.closest(options.exclude)) return;
    const tag = el.tagName.toLowerCase();
    const kind = ownClasses(el).find((c) => COUNTS_ITS_ROW.has(c)) ?? tag;
    const target = COUNTS_ITS_ROW.has(kind) ? (rowOf(el) ?? el) : el;
    found.add(target);
  };
  Array.from(document.body.querySelectorAll(`[data-tap], ${NATIVE_TAPPABLE}`)).forEach(consider);
  Array.from(document.body.querySelectorAll('[class*="--van-"]'))
    .filter((el) => ownClasses(el).some((c) => VANT_TAPPABLE.has(c)))
    .forEach(consider);
  const visible = [...found].map((el) => ({ el, box: boxOf(el) })).filter(({ el, box }) => box.width > 0 && box.height > 0 && !invisible(el));
  const same = (a: Rect, b: Rect): boolean =>
    Math.abs(a.left - b.left) <= 1 && Math.abs(a.top - b.top) <= 1 && Math.abs(a.width - b.width) <= 1 && Math.abs(a.height - b.height) <= 1;
  // One control, two marks (a van-button host bound in our WXML around Vant's wx-button): keep the outer.
  return visible.filter(({ el, box }) => !visible.some((o) => o.el !== el && o.el.contains(el) && same(o.box, box))).map(({ el }) => el);
}

export function measure(options: MeasureOptions): Measures {
  const targets = tapTargets(options);
  const finding = (el: El): TargetFinding => {
    const box = boxOf(el);
    return { label: labelOf(el), width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10 };
  };
  const small = targets.filter((el) => {
    const box = boxOf(el);
    return box.width < options.minTarget - 0.01 || box.height < options.minTarget - 0.01;
  });
  const unlabelled = targets.filter((el) => !(el.innerText || '').trim() && !el.getAttribute('aria-label') && !el.querySelector('[aria-label]'));
  return {
    ...measureTexts(options),
    targets: targets.length,
    smallTargets: small.map(finding),
    unlabelled: unlabelled.map(finding),
    hasHeading: !!document.body.querySelector('.shot-body [role="heading"], .shot-body h1, .shot-body h2, .shot-body h3'),
  };
}
