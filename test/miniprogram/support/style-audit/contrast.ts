/**
 * WCAG 2.x contrast, written out from the spec (Understanding SC 1.4.3, "relative luminance"
 * and "contrast ratio") so the audit does not trust any library or the code it checks.
 */
import { NAMED_COLOURS } from './named-colours';

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0–1. */
  a: number;
}

const hexPair = (s: string): number => parseInt(s, 16);

/** A CSS colour literal (#rgb, #rgba, #rrggbb, #rrggbbaa, rgb()/rgba(), a named colour), or undefined. */
export function parseColour(text: string): Rgba | undefined {
  const value = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(value)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const alpha = full.length === 8 ? hexPair(full.slice(6, 8)) / 255 : 1;
    return { r: hexPair(full.slice(0, 2)), g: hexPair(full.slice(2, 4)), b: hexPair(full.slice(4, 6)), a: alpha };
  }
  const fn = /^rgba?\(\s*([\d.]+)\s*[,\s]\s*([\d.]+)\s*[,\s]\s*([\d.]+)\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/.exec(value);
  if (fn) {
    const alpha = fn[4] === undefined ? 1 : fn[4].endsWith('%') ? Number(fn[4].slice(0, -1)) / 100 : Number(fn[4]);
    return { r: Number(fn[1]), g: Number(fn[2]), b: Number(fn[3]), a: alpha };
  }
  if (value === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const named = NAMED_COLOURS[value];
  return named ? parseColour(named) : undefined;
}

/** `over` painted with `top` at top's alpha: what the eye sees of a translucent colour. */
export function composite(top: Rgba, over: Rgba): Rgba {
  const mix = (t: number, o: number): number => t * top.a + o * (1 - top.a);
  return { r: mix(top.r, over.r), g: mix(top.g, over.g), b: mix(top.b, over.b), a: 1 };
}

/** Relative luminance of an opaque sRGB colour (0 black … 1 white). */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (channel: number): number => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };

/** (L1 + 0.05) / (L2 + 0.05), lighter over darker; a translucent background sits on white. */
export function contrastRatio(foreground: Rgba, background: Rgba): number {
  const bg = background.a < 1 ? composite(background, WHITE) : background;
  const fg = foreground.a < 1 ? composite(foreground, bg) : foreground;
  const [hi, lo] = [relativeLuminance(fg), relativeLuminance(bg)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The contrast of two colour literals, or undefined when either is not one. */
export function contrastOf(foreground: string, background: string): number | undefined {
  const fg = parseColour(foreground);
  const bg = parseColour(background);
  return fg && bg ? contrastRatio(fg, bg) : undefined;
}

/** WCAG AA for normal-size text (SC 1.4.3). */
export const AA_TEXT = 4.5;
