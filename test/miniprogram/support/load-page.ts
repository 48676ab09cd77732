/**
 * Loads a mini-program page into miniprogram-simulate with its real Vant components.
 *
 * How TypeScript gets in: simulate runs a component's script with `require(path)` (no
 * extension). Under jest that is jest's own require, which resolves `index.ts` first
 * (moduleFileExtensions) and transpiles it with ts-jest, together with everything it imports
 * (services, config, view-model). No build step, no temp files.
 *
 * The catch: jest caches modules, so a page's `Component()` call runs once per test file —
 * load each page once (in `beforeAll`) and `render` it as often as needed.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The DOM as far as tests read it (the root tsconfig has no DOM lib). */
export interface RenderedNode {
  textContent: string | null;
  querySelector(selector: string): RenderedNode | null;
  querySelectorAll(selector: string): ArrayLike<RenderedNode>;
}

/** A rendered component (j-component): its DOM, its `this`, and its child components. */
export interface RenderedComponent {
  dom: RenderedNode;
  data: Record<string, any>;
  instance: Record<string, any>;
  attach(parent: unknown): void;
  querySelector(selector: string): RenderedComponent | undefined;
  querySelectorAll(selector: string): RenderedComponent[];
  /** 'tap', 'touchstart', … dispatched on this node, as a finger would. */
  dispatchEvent(eventName: string, options?: Record<string, unknown>): void;
}

interface Simulate {
  load(componentPath: string, options: Record<string, unknown>): string;
  render(id: string, properties?: Record<string, unknown>): RenderedComponent;
  sleep(ms: number): Promise<void>;
}

// Not `import`: miniprogram-simulate's typings pull miniprogram-api-typings' globals (its own
// `require`, `Component` …) into the whole Node-side program.
const simulate: Simulate = require('miniprogram-simulate');
declare const document: { createElement(tagName: string): unknown };

export const MINIPROGRAM_ROOT = path.resolve(__dirname, '../../../miniprogram');

/** `@vant/weapp/cell/index` → `/miniprogram_npm/@vant/weapp/cell/index` (root-absolute: resolved against rootPath). */
export function npmComponentPath(value: string): string {
  return value.startsWith('.') || value.startsWith('/') ? value : `/miniprogram_npm/${value}`;
}

type UsingComponents = Record<string, string>;
const readUsing = (base: string): UsingComponents =>
  (JSON.parse(fs.readFileSync(`${base}.json`, 'utf8')) as { usingComponents?: UsingComponents }).usingComponents ?? {};

/**
 * The npm components our own components (components/…) use, however deep. simulate resolves
 * a nested component's tags only through the map `loadPage` passes (npm names are not paths
 * to it), so those tags must be in that map too.
 */
function npmTagsOfLocalComponents(using: UsingComponents, from: string, seen = new Set<string>()): UsingComponents {
  const found: UsingComponents = {};
  for (const value of Object.values(using)) {
    if (!value.startsWith('.') && !value.startsWith('/')) continue;
    const base = value.startsWith('/') ? path.join(MINIPROGRAM_ROOT, value) : path.resolve(path.dirname(from), value);
    if (seen.has(base) || !fs.existsSync(`${base}.json`)) continue;
    seen.add(base);
    const nested = readUsing(base);
    for (const [tag, target] of Object.entries({ ...nested, ...npmTagsOfLocalComponents(nested, base, seen) })) {
      if (target.startsWith('.') || target.startsWith('/')) continue;
      if (found[tag] && found[tag] !== target) throw new Error(`<${tag}> means both ${found[tag]} and ${target}: simulate has one map for all components`);
      found[tag] = target;
    }
  }
  return found;
}

/**
 * The bits of WeChat's runtime simulate lacks that Vant calls (van-tabs, van-sticky):
 * `getCurrentPages()` (an empty stack: no page scroll to follow) and a component's
 * `groupSetData(cb)`, which WeChat uses to batch updates and which here just runs `cb`.
 * Only filled in where missing.
 */
function shimWeChatRuntime(): void {
  const g = globalThis as unknown as { getCurrentPages?: () => unknown[] };
  g.getCurrentPages ??= () => [];
  // Every component's `this` is created from its exparser node, so the prototype reaches them all.
  const exparser = require('miniprogram-exparser') as { Component: { prototype: { groupSetData?: (cb: () => void) => void } } };
  exparser.Component.prototype.groupSetData ??= function groupSetData(cb: () => void) {
    cb();
  };
}

export function loadPage(page: string): string {
  shimWeChatRuntime();
  const base = path.join(MINIPROGRAM_ROOT, page);
  const own = readUsing(base);
  const json = { usingComponents: { ...npmTagsOfLocalComponents(own, base), ...own } };
  const usingComponents: Record<string, string> = {};
  for (const [tag, value] of Object.entries(json.usingComponents ?? {})) {
    usingComponents[tag] = npmComponentPath(value);
    // simulate renders an unresolved component as an empty tag, silently: fail loudly instead.
    if (!fs.existsSync(path.join(MINIPROGRAM_ROOT, `${usingComponents[tag]}.json`))) {
      throw new Error(`${page}: <${tag}> → ${value} is not in miniprogram/miniprogram_npm; run \`npm run build:npm\``);
    }
  }
  return simulate.load(base, {
    compiler: 'official',
    rootPath: MINIPROGRAM_ROOT,
    usingComponents,
    // wcc compiles every .wxml under rootPath (Vant's included) at once: more than the 1 MB default.
    compilerOptions: { maxBuffer: 64 * 1024 * 1024 },
  });
}

/** Renders a loaded page attached to a document node, as a page would be. */
export function renderPage(id: string): RenderedComponent {
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

/** Waits until `predicate` holds (pages load asynchronously: location, then HTTP). */
export async function until(predicate: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await simulate.sleep(10);
  }
}

/** Rendered text with whitespace collapsed, for `toContain` assertions. */
export function textOf(node: { dom: RenderedNode }): string {
  return (node.dom.textContent ?? '').replace(/\s+/g, ' ').trim();
}
