/**
 * What a WXSS value comes to on the page: custom properties resolved, and lengths evaluated in
 * px on WeChat's reference screen (375 px wide, so 1rpx = 0.5px), calc() included.
 */
import type { Declaration } from './wxss';

/** WeChat lays out 750rpx across the screen; the audit measures at 375 px. */
export const PX_PER_RPX = 375 / 750;

export type Vars = ReadonlyMap<string, string>;

/** The custom properties declared on `page` (later wins), then those of a page-style string on top. */
export function pageVars(declarations: Declaration[], pageStyle = ''): Map<string, string> {
  const vars = new Map<string, string>();
  const onPage = (selector: string): boolean => selector.split(',').some((s) => s.trim() === 'page');
  for (const d of declarations) if (d.property.startsWith('--') && onPage(d.selector)) vars.set(d.property, d.value);
  for (const part of pageStyle.split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) vars.set(part.slice(0, colon).trim(), part.slice(colon + 1).trim());
  }
  return vars;
}

/** The `)` matching the `(` at `open`. */
function matching(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** One var() split into its name and fallback (undefined when none). */
export function splitVar(inner: string): { name: string; fallback?: string } {
  const comma = inner.indexOf(',');
  return comma < 0 ? { name: inner.trim() } : { name: inner.slice(0, comma).trim(), fallback: inner.slice(comma + 1).trim() };
}

/**
 * Every var() replaced by its value in `vars` (or its fallback), recursively; undefined when a
 * name has neither, or the references loop.
 */
export function resolveVars(value: string, vars: Vars, depth = 0): string | undefined {
  if (depth > 20) return undefined;
  const start = value.indexOf('var(');
  if (start < 0) return value;
  const close = matching(value, start + 3);
  if (close < 0) return undefined;
  const { name, fallback } = splitVar(value.slice(start + 4, close));
  const raw = vars.get(name) ?? fallback;
  if (raw === undefined) return undefined;
  const inner = resolveVars(raw, vars, depth + 1);
  if (inner === undefined) return undefined;
  return resolveVars(value.slice(0, start) + inner + value.slice(close + 1), vars, depth + 1);
}

/** The innermost fallback of a var() chain, as Vant writes `var(--a, var(--a, 999px))`. */
export function finalFallback(fallback: string): string {
  const nested = /^var\((.*)\)$/s.exec(fallback.trim());
  if (!nested) return fallback.trim();
  const inner = splitVar(nested[1]);
  return inner.fallback === undefined ? fallback.trim() : finalFallback(inner.fallback);
}

/** Every var() in a value, outermost first, nested ones included: name and the literal it falls back to. */
export function varsIn(value: string): { name: string; fallback?: string }[] {
  const found: { name: string; fallback?: string }[] = [];
  let from = 0;
  for (let start = value.indexOf('var(', from); start >= 0; start = value.indexOf('var(', from)) {
    const close = matching(value, start + 3);
    if (close < 0) break;
    const { name, fallback } = splitVar(value.slice(start + 4, close));
    found.push(fallback === undefined ? { name } : { name, fallback: finalFallback(fallback) });
    from = start + 4;
  }
  return found;
}

type Quantity = { n: number; px: boolean };

/**
 * A length in px: `16px`, `28rpx`, a bare 0, or a calc(), min() or max() of those with
 * + - * / and parentheses. Undefined for anything else (%, em, vw, keywords), which the
 * audit cannot size.
 */
export function lengthPx(text: string): number | undefined {
  const tokens =
    text
      .trim()
      .toLowerCase()
      .match(/(?:calc|min|max)\(|\d*\.?\d+(?:px|rpx)?|[-+*/(),]|[^\s+*/(),-]+/g) ?? [];
  let i = 0;
  const fail = (): never => {
    throw new Error('not a simple length');
  };
  const factor = (): Quantity => {
    const t = tokens[i++];
    if (t === 'calc(' || t === '(') {
      const inner = sum();
      if (tokens[i++] !== ')') fail();
      return inner;
    }
    if (t === 'min(' || t === 'max(') {
      const args = [sum()];
      while (tokens[i] === ',') {
        i++;
        args.push(sum());
      }
      if (tokens[i++] !== ')' || args.some((a) => a.px !== args[0].px && a.n !== 0)) fail();
      const pick = t === 'min(' ? Math.min : Math.max;
      return { n: pick(...args.map((a) => a.n)), px: args.some((a) => a.px) };
    }
    if (t === '-') {
      const q = factor();
      return { n: -q.n, px: q.px };
    }
    const m = /^(\d*\.?\d+)(px|rpx)?$/.exec(t ?? '');
    if (!m) return fail();
    const n = Number(m[1]);
    return m[2] === 'rpx' ? { n: n * PX_PER_RPX, px: true } : { n, px: m[2] === 'px' };
  };
  const product = (): Quantity => {
    let left = factor();
    while (tokens[i] === '*' || tokens[i] === '/') {
      const op = tokens[i++];
      const right = factor();
      if (op === '*') {
        if (left.px && right.px) fail();
        left = { n: left.n * right.n, px: left.px || right.px };
      } else {
        if (right.px || right.n === 0) fail();
        left = { n: left.n / right.n, px: left.px };
      }
    }
    return left;
  };
  const sum = (): Quantity => {
    let left = product();
    while (tokens[i] === '+' || tokens[i] === '-') {
      const op = tokens[i++];
      const right = product();
      if (left.px !== right.px && left.n !== 0 && right.n !== 0) fail();
      left = { n: op === '+' ? left.n + right.n : left.n - right.n, px: left.px || right.px };
    }
    return left;
  };
  try {
    const result = sum();
    if (i !== tokens.length) return undefined;
    return result.px || result.n === 0 ? Math.round(result.n * 1000) / 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** A value with its custom properties resolved, then sized; undefined when either step cannot. */
export function resolvedPx(value: string, vars: Vars): number | undefined {
  const resolved = resolveVars(value, vars);
  return resolved === undefined ? undefined : lengthPx(resolved);
}
