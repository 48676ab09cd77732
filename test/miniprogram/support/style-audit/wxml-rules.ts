/**
 * Vant props that undo the theme, by hand from reading Vant's WXML, JS and WXSS: props whose
 * look no CSS variable reaches, and colour props whose default lives in Vant's JS.
 */
import type { Element } from './wxml';

interface AvoidedProp {
  tag: string;
  attr: string;
  /** Only this value offends; any value when absent. */
  value?: string;
  why: string;
}

const AVOIDED: AvoidedProp[] = [
  { tag: 'van-button', attr: 'size', value: 'mini', why: 'a 22px inline-block button whose text cannot be centred in a taller one: use a normal button' },
  { tag: 'van-empty', attr: 'description', why: 'Vant draws it #969799 (2.9:1) at 14px: put the text in the default slot with a token colour' },
  { tag: 'van-stepper', attr: 'theme', value: 'round', why: 'hard-coded #ee0a24' },
  { tag: 'van-popup', attr: 'closeable', why: 'an 18px close icon: give the popup a 关闭 button' },
];

const SMALL_BUTTON: AvoidedProp = { tag: 'van-button', attr: 'size', value: 'small', why: 'a 30px button with 12px text: use a normal one' };

/** The avoided props an element carries; size="small" only when the theme does not raise small buttons. */
export function avoidedProps(e: Element, smallButtonsRaised: boolean): string[] {
  const rules = smallButtonsRaised ? AVOIDED : [...AVOIDED, SMALL_BUTTON];
  return rules
    .filter((r) => r.tag === e.tag && r.attr in e.attrs && (r.value === undefined || e.attrs[r.attr] === r.value))
    .map((r) => `<${r.tag} ${r.attr}${r.value ? `="${r.value}"` : ''}> — ${r.why}`);
}

/** Colour props whose Vant default (in its JS) is off our palette; `unless` names the prop that hides the part. */
const COLOUR_DEFAULTS: { tag: string; attr: string; vantDefault: string; unless?: [string, string] }[] = [
  { tag: 'van-progress', attr: 'color', vantDefault: '#1989fa' },
  { tag: 'van-steps', attr: 'active-color', vantDefault: '#07c160' },
  { tag: 'van-steps', attr: 'inactive-color', vantDefault: '#969799' },
  { tag: 'van-dialog', attr: 'confirm-button-color', vantDefault: '#ee0a24', unless: ['show-confirm-button', '{{false}}'] },
];

/** The colour props an element leaves at Vant's default. */
export function coloursLeftAtDefault(e: Element): string[] {
  return COLOUR_DEFAULTS.filter((d) => d.tag === e.tag && !(d.attr in e.attrs) && !(d.unless && e.attrs[d.unless[0]] === d.unless[1])).map(
    (d) => `<${d.tag}> leaves ${d.attr} at Vant's ${d.vantDefault}: set it to var(--color-…)`,
  );
}
