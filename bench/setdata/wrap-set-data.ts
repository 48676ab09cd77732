/**
 * Runs before each page suite of item 6: every page miniprogram-simulate renders gets its
 * setData wrapped, and each call's size (UTF-8 JSON, what crosses to the view layer) is kept
 * per page. After the suite, the largest per page goes to a JSON file in SETDATA_OUT.
 */
import fs from 'node:fs';
import path from 'node:path';

interface Largest {
  bytes: number;
  keys: string[];
  test: string;
}

const outDir = process.env.SETDATA_OUT;
const simulate = require('miniprogram-simulate') as {
  load(componentPath: string, options?: unknown): string;
  render(id: string, properties?: unknown): { instance: Record<string, any> };
};
const root = path.resolve(__dirname, '../../miniprogram');
const pageOf = new Map<string, string>();
const largest: Record<string, Largest> = {};

const load = simulate.load;
simulate.load = function loadAndName(componentPath: string, options?: unknown) {
  const id = load.call(this, componentPath, options);
  pageOf.set(id, path.relative(root, componentPath));
  return id;
};

const render = simulate.render;
simulate.render = function renderAndWrap(id: string, properties?: unknown) {
  const rendered = render.call(this, id, properties);
  const page = pageOf.get(id);
  if (page) {
    const instance = rendered.instance;
    const original = instance.setData;
    instance.setData = function measured(this: unknown, payload: Record<string, unknown>, callback?: () => void) {
      const bytes = Buffer.byteLength(JSON.stringify(payload), 'utf8');
      if (bytes > (largest[page]?.bytes ?? -1)) largest[page] = { bytes, keys: Object.keys(payload).slice(0, 6), test: expect.getState().currentTestName ?? '' };
      return original.call(this, payload, callback);
    };
  }
  return rendered;
};

afterAll(() => {
  if (!outDir) return;
  const file = path.join(outDir, `${path.basename(expect.getState().testPath ?? 'suite')}.json`);
  fs.writeFileSync(file, JSON.stringify(largest));
});
