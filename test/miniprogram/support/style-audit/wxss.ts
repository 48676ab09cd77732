/**
 * Just enough of a WXSS reader for the audit: rules and their declarations with file, line and
 * selector, through @import and @media. WXSS is CSS with rpx; nothing here needs more.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Declaration {
  file: string;
  /** 1-based line of the property name. */
  line: number;
  selector: string;
  property: string;
  value: string;
}

/** Comments become spaces (newlines kept) so that offsets still give the right line. */
const blankComments = (css: string): string => css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '));

const lineAt = (css: string, offset: number): number => css.slice(0, offset).split('\n').length;

/** The index of the `}` closing the block whose `{` is at `open`. */
function closingBrace(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return i;
  }
  return css.length;
}

/** Splits on `;` outside parentheses and quotes. */
function splitDeclarations(body: string): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if ((c === ';' && depth === 0) || i === body.length) {
      parts.push({ text: body.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  return parts;
}

function declarationsOf(css: string, from: number, to: number, selector: string, file: string): Declaration[] {
  return splitDeclarations(css.slice(from, to)).flatMap(({ text, offset }) => {
    const colon = text.indexOf(':');
    if (colon < 0) return [];
    const property = text.slice(0, colon).trim();
    if (!property) return [];
    const lead = text.length - text.trimStart().length;
    return [{ file, line: lineAt(css, from + offset + lead), selector, property, value: text.slice(colon + 1).trim() }];
  });
}

/** The declarations of one WXSS text, in source order; `@import`s as they appear. */
export function parseWxss(source: string, file: string): { imports: string[]; declarations: Declaration[] } {
  const css = blankComments(source);
  const imports: string[] = [];
  const declarations: Declaration[] = [];
  const walk = (from: number, to: number): void => {
    let i = from;
    while (i < to) {
      const open = css.indexOf('{', i);
      const semi = css.indexOf(';', i);
      // A statement at rule level (`@import "x";`) ends before any block starts.
      if (semi >= 0 && semi < to && (open < 0 || semi < open)) {
        const statement = css.slice(i, semi).trim();
        const target = /^@import\s+(?:url\()?\s*["']([^"']+)["']/.exec(statement)?.[1];
        if (target) imports.push(target);
        i = semi + 1;
        continue;
      }
      if (open < 0 || open >= to) return;
      const close = closingBrace(css, open);
      const prelude = css.slice(i, open).trim().replace(/\s+/g, ' ');
      if (/^@(media|supports)\b/.test(prelude)) walk(open + 1, close);
      else if (!/^@(keyframes|-webkit-keyframes)\b/.test(prelude)) declarations.push(...declarationsOf(css, open + 1, close, prelude, file));
      i = close + 1;
    }
  };
  walk(0, css.length);
  return { imports, declarations };
}

/** A file's declarations with those it imports (recursively) first, as the cascade reads them. */
export function readWxss(file: string, seen = new Set<string>()): Declaration[] {
  if (seen.has(file) || !fs.existsSync(file)) return [];
  seen.add(file);
  const { imports, declarations } = parseWxss(fs.readFileSync(file, 'utf8'), file);
  const imported = imports.flatMap((target) => readWxss(path.resolve(path.dirname(file), target), seen));
  return [...imported, ...declarations];
}

/** Every .wxss under `dir`, skipping npm output. */
export function wxssFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'miniprogram_npm' || entry.name === 'node_modules') return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? wxssFiles(full) : entry.name.endsWith('.wxss') ? [full] : [];
  });
}
