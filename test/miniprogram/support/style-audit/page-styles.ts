/**
 * The two rules every WXSS of ours keeps: no text under the caption size, and colours only
 * from the tokens (app.wxss and the Vant theme are where the literals live).
 */
import { NAMED_COLOURS } from './named-colours';
import { resolvedPx } from './values';
import type { Vars } from './values';
import type { Declaration } from './wxss';

export interface Offender {
  file: string;
  line: number;
  selector: string;
  detail: string;
}

/** The smallest text allowed anywhere: 14 px (`--font-caption`), readable for older residents. */
export const MIN_FONT_PX = 14;

const KEYWORDS = /^(inherit|initial|unset|revert)$/i;

/** Each `font-size` under 14 px once tokens are resolved, or one the audit cannot size. */
export function fontSizeOffenders(declarations: Declaration[], vars: Vars): Offender[] {
  return declarations.flatMap((d) => {
    if (d.property !== 'font-size' || KEYWORDS.test(d.value)) return [];
    const px = resolvedPx(d.value.replace(/\s*!important$/i, ''), vars);
    if (px === undefined) return [{ ...where(d), detail: `font-size: ${d.value} cannot be measured: use a --font-* token` }];
    return px < MIN_FONT_PX ? [{ ...where(d), detail: `font-size: ${d.value} = ${px}px, under ${MIN_FONT_PX}px` }] : [];
  });
}

const where = (d: Declaration): Omit<Offender, 'detail'> => ({ file: d.file, line: d.line, selector: d.selector });

/** Properties whose values name fonts, images or generated text, never colours. */
const NOT_COLOUR = /^(content|font-family|src)$/i;

/** The colour literals written in a value: hex, rgb()/rgba()/hsl()/hsla(), named colours. */
export function colourLiterals(value: string): string[] {
  const bare = value
    .replace(/url\([^)]*\)/gi, '')
    .replace(/"[^"]*"|'[^']*'/g, '')
    .replace(/--[\w-]+/g, '');
  const hex = bare.match(/#[0-9a-f]{3,8}\b/gi) ?? [];
  const functions = bare.match(/\b(?:rgba?|hsla?)\([^)]*\)/gi) ?? [];
  const named = (bare.match(/[a-z]+/gi) ?? []).filter((word) => NAMED_COLOURS[word.toLowerCase()] !== undefined);
  return [...hex, ...functions, ...named];
}

/** Each declaration that writes a colour by hand instead of using a token. */
export function rawColourOffenders(declarations: Declaration[]): Offender[] {
  return declarations.flatMap((d) => {
    if (NOT_COLOUR.test(d.property)) return [];
    const literals = colourLiterals(d.value);
    return literals.length ? [{ ...where(d), detail: `${d.property}: ${d.value} writes ${literals.join(', ')}: use a --color-* token` }] : [];
  });
}
