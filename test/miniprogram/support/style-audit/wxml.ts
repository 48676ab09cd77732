/**
 * A WXML reader for the audit: elements with their attributes, line and text, enough to find
 * Vant props that shrink targets or text, icon-only controls without a label, and colours
 * written into props by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { colourLiterals } from './page-styles';

export interface Element {
  tag: string;
  attrs: Record<string, string>;
  line: number;
  children: Element[];
  /** Text directly inside, mustache expressions included (they render text). */
  text: string;
}

/** Elements of a WXML file as a forest (comments and <wxs> bodies skipped). */
export function parseWxml(source: string): Element[] {
  const root: Element = { tag: '#root', attrs: {}, line: 0, children: [], text: '' };
  const stack: Element[] = [root];
  const lineAt = (offset: number): number => source.slice(0, offset).split('\n').length;
  let i = 0;
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i);
      i = end < 0 ? source.length : end + 3;
    } else if (source.startsWith('{{', i)) {
      const end = source.indexOf('}}', i);
      const stop = end < 0 ? source.length : end + 2;
      stack[stack.length - 1].text += source.slice(i, stop);
      i = stop;
    } else if (source.startsWith('</', i)) {
      const end = source.indexOf('>', i);
      const tag = source.slice(i + 2, end).trim();
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      i = end + 1;
    } else if (source[i] === '<') {
      const { element, end, selfClosing } = readTag(source, i, lineAt(i));
      stack[stack.length - 1].children.push(element);
      i = end;
      if (element.tag === 'wxs' && !selfClosing) {
        const close = source.indexOf('</wxs>', i);
        i = close < 0 ? source.length : close + '</wxs>'.length;
      } else if (!selfClosing) stack.push(element);
    } else {
      stack[stack.length - 1].text += source[i];
      i++;
    }
  }
  return root.children;
}

/** One start tag from `<`: its attributes (quoted values may hold `>`), and where it ends. */
function readTag(source: string, start: number, line: number): { element: Element; end: number; selfClosing: boolean } {
  let i = start + 1;
  const name = /^[\w-]+/.exec(source.slice(i))?.[0] ?? '';
  i += name.length;
  const attrs: Record<string, string> = {};
  const attr = /\s*([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/y;
  for (;;) {
    attr.lastIndex = i;
    const m = attr.exec(source);
    if (!m) break;
    const raw = m[2] ?? '';
    attrs[m[1]] = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
    i = attr.lastIndex;
  }
  const close = source.indexOf('>', i);
  const selfClosing = source.slice(i, close).trim() === '/';
  return { element: { tag: name, attrs, line, children: [], text: '' }, end: close + 1, selfClosing };
}

export function* walk(elements: Element[]): Generator<Element> {
  for (const e of elements) {
    yield e;
    yield* walk(e.children);
  }
}

/** Vant props that render words: a button with `text`, a cell's `title` … count as text. */
const TEXT_ATTRS = ['text', 'title', 'label', 'value', 'placeholder', 'description'];

/** What a screen reader or an eye would read inside an element. */
export function visibleText(e: Element): string {
  const own = TEXT_ATTRS.map((a) => e.attrs[a] ?? '').join('');
  return (own + e.text + e.children.map(visibleText).join('')).trim();
}

const TAP = /^(?:capture-)?(?:bind|catch|mut-bind):?(?:tap|click|longpress)$/i;
export const isTappable = (e: Element): boolean => Object.keys(e.attrs).some((a) => TAP.test(a));

const ICON_TAGS = new Set(['van-icon', 'image']);
const hasIcon = (e: Element): boolean => ICON_TAGS.has(e.tag) || e.children.some(hasIcon) || (e.tag === 'van-button' && !!e.attrs.icon);

/** A tappable element that shows only an icon or image and has no aria-label. */
export const isUnlabelledIconControl = (e: Element): boolean => isTappable(e) && hasIcon(e) && !visibleText(e) && !(e.attrs['aria-label'] ?? '').trim();

/** Props that colour something (`color`, `active-color`, `style` …) with a literal. */
export function colourProps(e: Element): { attr: string; literals: string[] }[] {
  return Object.entries(e.attrs).flatMap(([attr, value]) => {
    if (!/(^|-)(color|background|style)$/.test(attr)) return [];
    const literals = colourLiterals(value);
    return literals.length ? [{ attr, literals }] : [];
  });
}

/** Every .wxml under `dir`, skipping npm output. */
export function wxmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'miniprogram_npm' || entry.name === 'node_modules') return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? wxmlFiles(full) : entry.name.endsWith('.wxml') ? [full] : [];
  });
}
