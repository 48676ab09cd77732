/**
 * What the theme owes each Vant variable, written down by hand from the accessibility bar (WCAG AA
 * text, 14 px floor, 16 px body, 44 px targets) and from reading Vant's dist WXSS: which
 * variables carry body text, which size a tap target, which text sits on which fill.
 */
import { AA_TEXT, contrastOf } from './contrast';
import { lengthPx } from './values';
import type { VantVarUse } from './vant';
import { MIN_FONT_PX } from './page-styles';

export const BODY_FONT_PX = 16;
export const TAP_MIN_PX = 44;
/** Elder mode (长辈模式): body text and targets at least this. */
export const ELDER_BODY_FONT_PX = 20;
export const ELDER_TAP_MIN_PX = 60;

/** The two backgrounds text sits on when Vant does not paint one: white and our page grey. */
export const PLAIN_BACKGROUNDS = ['#ffffff', '#f5f6f7'];

/** Vant's default palette (common/color.js, and the gradients and notice colours of its WXSS). */
export const VANT_PALETTE = ['#1989fa', '#07c160', '#ee0a24', '#ff976a', '#ed6a0c', '#ffd01e', '#ff8917', '#ff6034', '#fffbe8'];

/** Variables that size body text: cell title and value, field input, button, tab, dialog … */
export const BODY_TEXT_VARS = [
  '--cell-font-size',
  '--cell-large-title-font-size',
  '--cell-large-value-font-size',
  '--button-default-font-size',
  '--button-normal-font-size',
  '--button-small-font-size',
  '--tab-font-size',
  '--search-label-font-size',
  '--search-action-font-size',
  '--stepper-input-font-size',
  '--notify-font-size',
  '--notice-bar-font-size',
  '--dialog-font-size',
  '--dialog-message-font-size',
  '--action-sheet-item-font-size',
  '--collapse-item-content-font-size',
  '--toast-font-size',
];

/** Variables that set the height (or side) of something a finger taps. */
export const TAP_TARGET_VARS = [
  '--button-default-height',
  '--button-large-height',
  '--button-small-height',
  '--goods-action-button-height',
  '--goods-action-icon-height',
  '--tabs-line-height',
  '--tabs-card-height',
  '--stepper-input-height',
  '--search-input-height',
  '--uploader-size',
  '--uploader-delete-icon-size',
  '--action-sheet-header-height',
];

/** The line of a radio or checkbox label (and its icon, when a page passes icon-size="var(--radio-size)") is fixed at 20 px: it must follow the type scale. */
export const SCALED_ICON_VARS = ['--radio-size', '--checkbox-size'];

/** Rows whose height is a sum of variables: the cell (and the field, which is a cell). */
export const DERIVED_TARGETS: { component: string; name: string; expression: string }[] = [
  { component: 'cell', name: 'cell row', expression: 'calc(var(--cell-line-height, 24px) + 2 * var(--cell-vertical-padding, 10px))' },
  { component: 'cell', name: 'large cell row', expression: 'calc(var(--cell-line-height, 24px) + 2 * var(--cell-large-vertical-padding, 12px))' },
];

/**
 * Text drawn on a coloured fill Vant paints itself (white on a button, a tag, a badge …):
 * [component, text, fill], written as Vant writes them (variable and fallback), or as the
 * literal a prop defaults to. These texts are measured on their fill, not on the page.
 */
export const TEXT_ON_COLOUR: [string, string, string][] = [
  ['button', 'var(--button-primary-color, #fff)', 'var(--button-primary-background-color, #07c160)'],
  ['button', 'var(--button-info-color, #fff)', 'var(--button-info-background-color, #1989fa)'],
  ['button', 'var(--button-danger-color, #fff)', 'var(--button-danger-background-color, #ee0a24)'],
  ['button', 'var(--button-warning-color, #fff)', 'var(--button-warning-background-color, #ff976a)'],
  ['goods-action-button', 'var(--button-warning-color, #fff)', 'var(--goods-action-button-warning-color, linear-gradient(to right,#ffd01e,#ff8917))'],
  ['goods-action-button', 'var(--button-danger-color, #fff)', 'var(--goods-action-button-danger-color, linear-gradient(to right,#ff6034,#ee0a24))'],
  ['tag', 'var(--tag-text-color, #fff)', 'var(--tag-default-color, #969799)'],
  ['tag', 'var(--tag-text-color, #fff)', 'var(--tag-primary-color, #1989fa)'],
  ['tag', 'var(--tag-text-color, #fff)', 'var(--tag-success-color, #07c160)'],
  ['tag', 'var(--tag-text-color, #fff)', 'var(--tag-warning-color, #ff976a)'],
  ['tag', 'var(--tag-text-color, #fff)', 'var(--tag-danger-color, #ee0a24)'],
  ['tabs', '#fff', 'var(--tabs-default-color, #ee0a24)'],
  ['info', 'var(--info-color, #fff)', 'var(--info-background-color, #ee0a24)'],
  ['progress', 'var(--progress-pivot-text-color, #fff)', 'var(--progress-pivot-background-color, #1989fa)'],
  // Notify's text colour is its `color` prop, white unless a page sets it.
  ['notify', '#fff', 'var(--notify-primary-background-color, #1989fa)'],
  ['notify', '#fff', 'var(--notify-success-background-color, #07c160)'],
  ['notify', '#fff', 'var(--notify-danger-background-color, #ee0a24)'],
  ['notify', '#fff', 'var(--notify-warning-background-color, #ff976a)'],
  ['radio', '#fff', 'var(--radio-checked-icon-color, #1989fa)'],
  ['checkbox', '#fff', 'var(--checkbox-checked-icon-color, #1989fa)'],
  ['uploader', 'var(--uploader-delete-color, #fff)', 'var(--uploader-delete-background-color, rgba(0,0,0,.7))'],
  ['uploader', 'var(--uploader-loading-icon-color, #fff)', 'var(--uploader-mask-background-color, rgba(50,50,51,.88))'],
  ['toast', 'var(--toast-text-color, #fff)', 'var(--toast-background-color, rgba(0,0,0,.7))'],
];

/** Text on a light surface Vant paints (a cell, the search box …): measured there and on the page. */
export const TEXT_ON_SURFACE: [string, string, string][] = [
  ['button', 'var(--button-primary-background-color, #07c160)', 'var(--button-plain-background-color, #fff)'],
  ['button', 'var(--button-info-background-color, #1989fa)', 'var(--button-plain-background-color, #fff)'],
  ['button', 'var(--button-danger-background-color, #ee0a24)', 'var(--button-plain-background-color, #fff)'],
  ['button', 'var(--button-warning-background-color, #ff976a)', 'var(--button-plain-background-color, #fff)'],
  ['tag', 'var(--tag-default-color, #969799)', 'var(--tag-plain-background-color, #fff)'],
  ['tag', 'var(--tag-primary-color, #1989fa)', 'var(--tag-plain-background-color, #fff)'],
  ['tag', 'var(--tag-success-color, #07c160)', 'var(--tag-plain-background-color, #fff)'],
  ['tag', 'var(--tag-warning-color, #ff976a)', 'var(--tag-plain-background-color, #fff)'],
  ['tag', 'var(--tag-danger-color, #ee0a24)', 'var(--tag-plain-background-color, #fff)'],
  ['button', 'var(--button-default-color, #323233)', 'var(--button-default-background-color, #fff)'],
  ['cell', 'var(--cell-text-color, #323233)', 'var(--cell-background-color, #fff)'],
  ['cell', 'var(--cell-value-color, #969799)', 'var(--cell-background-color, #fff)'],
  ['cell', 'var(--cell-label-color, #969799)', 'var(--cell-background-color, #fff)'],
  ['cell', 'var(--cell-value-color, #969799)', 'var(--cell-active-color, #f2f3f5)'],
  ['tabs', 'var(--tab-text-color, #646566)', 'var(--tabs-nav-background-color, #fff)'],
  ['tabs', 'var(--tab-active-text-color, #323233)', 'var(--tabs-nav-background-color, #fff)'],
  ['search', 'var(--field-input-text-color, #323233)', 'var(--search-background-color, #f7f8fa)'],
  ['search', 'var(--field-placeholder-text-color, #c8c9cc)', 'var(--search-background-color, #f7f8fa)'],
  ['search', 'var(--search-left-icon-color, #969799)', 'var(--search-background-color, #f7f8fa)'],
  ['stepper', 'var(--stepper-input-text-color, #323233)', 'var(--stepper-background-color, #f2f3f5)'],
  ['stepper', 'var(--stepper-button-icon-color, #323233)', 'var(--stepper-background-color, #f2f3f5)'],
  ['uploader', 'var(--uploader-text-color, #969799)', 'var(--uploader-upload-background-color, #f7f8fa)'],
  ['notice-bar', 'var(--notice-bar-text-color, #ed6a0c)', 'var(--notice-bar-background-color, #fffbe8)'],
];

export const TEXT_ON_FILL = [...TEXT_ON_COLOUR, ...TEXT_ON_SURFACE];

/** Text colour variables measured on their own fill, not on the page. */
const ON_FILL_TEXT = new Set(TEXT_ON_COLOUR.map(([, text]) => /^var\((--[\w-]+)/.exec(text)?.[1]).filter((n): n is string => !!n));

/** Plain text colours: those drawn on white or the page, not on a fill of their own. */
export const isPageTextColour = (use: VantVarUse): boolean => use.property === 'color' && !ON_FILL_TEXT.has(use.name);

const ratio = (n: number): string => `${n.toFixed(2)}:1`;

/** Why Vant's own fallback for this use is not good enough (none when it is). */
export function fallbackFailures(use: VantVarUse): string[] {
  const fallback = use.fallback;
  if (fallback === undefined) return [];
  const reasons: string[] = [];
  if (isPageTextColour(use)) {
    const worst = Math.min(...PLAIN_BACKGROUNDS.map((bg) => contrastOf(fallback, bg) ?? Infinity));
    if (worst < AA_TEXT) reasons.push(`text ${fallback} is ${ratio(worst)} on the page`);
  }
  const px = lengthPx(fallback);
  if (use.property === 'font-size' && px !== undefined && px < MIN_FONT_PX) reasons.push(`font ${fallback} < ${MIN_FONT_PX}px`);
  if (BODY_TEXT_VARS.includes(use.name) && px !== undefined && px < BODY_FONT_PX) reasons.push(`body text ${fallback} < ${BODY_FONT_PX}px`);
  if (TAP_TARGET_VARS.includes(use.name) && px !== undefined && px < TAP_MIN_PX) reasons.push(`target ${fallback} < ${TAP_MIN_PX}px`);
  if (SCALED_ICON_VARS.includes(use.name)) reasons.push(`icon row fixed at ${fallback}`);
  const palette = VANT_PALETTE.filter((c) => fallback.toLowerCase().includes(c));
  if (palette.length) reasons.push(`Vant palette ${palette.join(', ')}`);
  return reasons;
}

/** Text colours and sizes Vant writes with no variable, in components we use or may, and what pages do about each. */
export const VANT_HARD_CODED: Readonly<Record<string, string>> = {
  'checkbox .van-checkbox__icon--checked color: #fff': 'the tick on --checkbox-checked-icon-color (measured in TEXT_ON_COLOUR)',
  'radio .van-radio__icon--checked color: #fff': 'the tick on --radio-checked-icon-color (measured in TEXT_ON_COLOUR)',
  'empty .van-empty__description color: #969799': 'pages give the text in a slot with a token colour, never the `description` prop',
  'empty .van-empty__description font-size: 14px': 'as above',
  'loading :host font-size: 0': 'hides whitespace; the text sits in its own element',
  'stepper .van-stepper font-size: 0': 'hides whitespace between the buttons',
  'stepper .van-stepper--round .van-stepper__plus color: #fff': 'pages do not use theme="round"',
  'stepper .van-stepper--round .van-stepper__minus color: #ee0a24': 'pages do not use theme="round"',
  'tabs .van-tabs__nav--card .van-tab.van-tab--active color: #fff': 'on --tabs-default-color (measured in TEXT_ON_COLOUR)',
  'uploader .van-uploader__mask color: #fff': 'on the dark upload mask',
  'dialog .van-dialog__message--round-button color: #323233': 'dark text on white',
  'goods-action-button .van-goods-action-button font-size: 13px': 'only on screens 321px wide or less (an @media rule)',
};
