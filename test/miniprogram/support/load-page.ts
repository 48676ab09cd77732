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
const readUsing = (base: string): UsingComponents => (JSON.parse(fs.readFileSync(`${base}.json`, 'utf8')) as { usingComponents?: UsingComponents }).usingComponents ?? {};

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

/**
 * Several pages in one test file (a journey through the app), each loaded once.
 *
 * `loadPage` alone cannot do that. Every `simulate.load` registers the components a page uses
 * (van-button, van-radio …) under new ids and runs their scripts to call `Component()` — but
 * under jest a script runs once per file, so from the second page on the shared components
 * would stay unregistered and render as empty tags. Here the options each script gave
 * `Component()` are kept and handed to it again whenever a later load needs them. And as
 * j-component finds a relation's nodes (Vant's parent/children) by component path, last
 * registration wins, each load's components get paths of their own (`/simulate-load-2/…`):
 * a radio then finds the radio-group of its own page.
 * Call it before any `loadPage` of the file.
 */
export function loadPages<K extends string>(pages: Record<K, string>): Record<K, string> {
  const loads = reRegisterCachedScripts();
  const ids = {} as Record<K, string>;
  for (const key of Object.keys(pages) as K[]) {
    loads.current += 1;
    ids[key] = loadPage(pages[key]);
  }
  return ids;
}

type ComponentOptions = Record<string, unknown> & { relations?: Record<string, Record<string, unknown>> };

/** simulate turns `relations` keys (paths) into ids in place: every registration gets its own copy. */
const freshOptions = (options: ComponentOptions): ComponentOptions => ({
  ...options,
  ...(options.relations ? { relations: Object.fromEntries(Object.entries(options.relations).map(([key, value]) => [key, { ...value }])) } : {}),
});

const loadCounter = { current: 0 };

function reRegisterCachedScripts(): typeof loadCounter {
  // The module simulate calls `_.runJs(path)` on; the same instance, since jest shares one registry per file.
  const utils = require('miniprogram-simulate/src/utils') as { runJs(filePath: string): unknown; reRegisters?: boolean };
  if (utils.reRegisters) return loadCounter;
  utils.reRegisters = true;
  const g = globalThis as unknown as { Component: (options: ComponentOptions) => void };
  const scripts = new Map<string, ComponentOptions>();
  // `path` in the options wins over simulate's own (the file's): it only keys relation look-ups.
  const inThisLoad = (options: ComponentOptions, filePath: string): ComponentOptions => ({
    ...freshOptions(options),
    path: `/simulate-load-${loadCounter.current}${filePath}`,
  });
  utils.runJs = (filePath: string) => {
    const known = scripts.get(filePath);
    if (known) return g.Component(inThisLoad(known, filePath));
    const register = g.Component;
    g.Component = (options) => {
      scripts.set(filePath, freshOptions(options));
      register(inThisLoad(options, filePath));
    };
    try {
      return require(filePath);
    } finally {
      g.Component = register;
    }
  };
  return loadCounter;
}

/** Renders a loaded page attached to a document node, as a page would be. */
export function renderPage(id: string): RenderedComponent {
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

// The real clock and timer, taken before any test fakes them: `until` keeps polling in real
// time while a test moves a page's own timers by hand (support/settle.ts, fakeTimeouts).
const realNow = Date.now;
const realSetTimeout = globalThis.setTimeout;

/** Waits until `predicate` holds (pages load asynchronously: location, then HTTP). */
export async function until(predicate: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = realNow() + timeoutMs;
  while (!predicate()) {
    if (realNow() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => realSetTimeout(resolve, 10));
  }
}

/** Rendered text with whitespace collapsed, for `toContain` assertions. */
export function textOf(node: { dom: RenderedNode }): string {
  return (node.dom.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Fakes only the clock (Date), starting at `now` and moving on in real time so `until`'s
 * deadlines still pass: simulate and HTTP keep their real timers. Undo with jest.useRealTimers().
 */
export function fakeClockAt(now: Date | number): void {
  jest.useFakeTimers({
    now,
    advanceTimers: true,
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'],
  });
}
