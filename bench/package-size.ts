/**
 * Item 5 — mini-program package sizes as DevTools uploads them with unused files filtered
 * (`ignoreUploadUnusedFiles`): only files reachable from app.json — the app's own files, each
 * package's pages, their usingComponents (recursively, into miniprogram_npm), the scripts they
 * require, and the wxml/wxss/wxs they import. TypeScript counts as the JS esbuild compiles it
 * to (CommonJS, not minified: DevTools minifies on upload, so this is an upper bound).
 * A file outside every subpackage root belongs to the main package, whoever reaches it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { bytes } from './stats';
import type { BenchRow } from './types';

const ROOT = path.resolve(__dirname, '../miniprogram');
const LIMIT = 1024 * 1024;

interface AppJson {
  pages: string[];
  subpackages?: { root: string; pages: string[] }[];
  usingComponents?: Record<string, string>;
  sitemapLocation?: string;
}

export interface PackageSizes {
  main: { bytes: number; files: number };
  subpackages: { root: string; bytes: number; files: number }[];
}

export function measurePackages(root = ROOT): PackageSizes {
  const app = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as AppJson;
  const reached = new Set<string>();
  const walker = new Walker(root, reached);
  for (const file of ['app.json', 'app.wxss', app.sitemapLocation ?? 'sitemap.json']) walker.file(path.join(root, file));
  walker.script(path.join(root, 'app'));
  walker.components(app.usingComponents ?? {}, root);
  for (const page of app.pages) walker.component(path.join(root, page));
  for (const sub of app.subpackages ?? []) for (const page of sub.pages) walker.component(path.join(root, sub.root, page));

  const roots = (app.subpackages ?? []).map((sub) => path.join(root, sub.root) + path.sep);
  const main = { bytes: 0, files: 0 };
  const subs = new Map(roots.map((r) => [r, { bytes: 0, files: 0 }]));
  for (const file of reached) {
    const size = uploadedBytes(file);
    const bucket = subs.get(roots.find((r) => file.startsWith(r)) ?? '') ?? main;
    bucket.bytes += size;
    bucket.files += 1;
  }
  return {
    main,
    subpackages: (app.subpackages ?? []).map((sub, i) => ({ root: sub.root, ...subs.get(roots[i])! })),
  };
}

export async function packageSizeRows(): Promise<BenchRow[]> {
  const sizes = measurePackages();
  return [
    {
      item: '5. main package',
      measured: `${bytes(sizes.main.bytes)} (${sizes.main.files} files)`,
      budget: '≤ 1 MB (platform limit 2 MB)',
      ok: sizes.main.bytes <= LIMIT,
    },
    ...sizes.subpackages.map((sub) => ({
      item: `5. subpackage ${sub.root}`,
      measured: `${bytes(sub.bytes)} (${sub.files} files)`,
      budget: '≤ 1 MB',
      ok: sub.bytes <= LIMIT,
    })),
  ];
}

const compiled = new Map<string, number>();

/** What the file weighs once uploaded: TypeScript as compiled JS, the rest as is. */
function uploadedBytes(file: string): number {
  if (!file.endsWith('.ts')) return fs.statSync(file).size;
  if (!compiled.has(file)) compiled.set(file, Buffer.byteLength(compileTs(file), 'utf8'));
  return compiled.get(file)!;
}

function compileTs(file: string): string {
  return transformSync(fs.readFileSync(file, 'utf8'), { loader: 'ts', format: 'cjs', target: 'es2017', sourcefile: file }).code;
}

class Walker {
  constructor(
    private readonly root: string,
    private readonly reached: Set<string>,
  ) {}

  file(file: string): boolean {
    if (!fs.existsSync(file) || this.reached.has(file)) return false;
    this.reached.add(file);
    return true;
  }

  /** A page or component: its four files, the components it uses, what its files pull in. */
  component(base: string): void {
    if (this.reached.has(`${base}.json`)) return;
    if (this.file(`${base}.json`)) {
      const json = JSON.parse(fs.readFileSync(`${base}.json`, 'utf8')) as { usingComponents?: Record<string, string> };
      this.components(json.usingComponents ?? {}, path.dirname(base));
    }
    if (this.file(`${base}.wxml`)) this.wxml(`${base}.wxml`);
    if (this.file(`${base}.wxss`)) this.wxss(`${base}.wxss`);
    this.script(base);
  }

  components(using: Record<string, string>, fromDir: string): void {
    for (const target of Object.values(using)) {
      if (target.startsWith('plugin://')) continue;
      this.component(this.resolveComponent(target, fromDir));
    }
  }

  private resolveComponent(target: string, fromDir: string): string {
    if (target.startsWith('/')) return path.join(this.root, target);
    if (target.startsWith('.')) return path.resolve(fromDir, target);
    return path.join(this.root, 'miniprogram_npm', target);
  }

  /** `base` without extension: its .ts or .js and everything it requires. */
  script(base: string): void {
    const file = [`${base}.ts`, `${base}.js`].find((f) => fs.existsSync(f));
    if (!file || !this.file(file)) return;
    const code = file.endsWith('.ts') ? compileTs(file) : fs.readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
      const target = this.resolveScript(spec, path.dirname(file));
      if (target) this.script(target);
    }
  }

  private resolveScript(spec: string, fromDir: string): string | undefined {
    const base =
      spec.startsWith('.') || spec.startsWith('/')
        ? spec.startsWith('/')
          ? path.join(this.root, spec)
          : path.resolve(fromDir, spec)
        : path.join(this.root, 'miniprogram_npm', spec);
    const clean = base.replace(/\.(ts|js)$/, '');
    for (const candidate of [clean, path.join(clean, 'index')]) {
      if (fs.existsSync(`${candidate}.ts`) || fs.existsSync(`${candidate}.js`)) return candidate;
    }
    return undefined;
  }

  private wxml(file: string): void {
    const text = fs.readFileSync(file, 'utf8');
    for (const [, src] of text.matchAll(/<(?:import|include|wxs)\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/g)) {
      const target = this.resolveAsset(src, path.dirname(file), src.endsWith('.wxs') ? '.wxs' : '.wxml');
      if (!target || !this.file(target)) continue;
      if (target.endsWith('.wxml')) this.wxml(target);
      else this.wxs(target);
    }
  }

  private wxs(file: string): void {
    const text = fs.readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
      const target = this.resolveAsset(spec, path.dirname(file), '.wxs');
      if (target && this.file(target)) this.wxs(target);
    }
  }

  private wxss(file: string): void {
    const text = fs.readFileSync(file, 'utf8');
    for (const [, src] of text.matchAll(/@import\s+["']([^"']+)["']/g)) {
      const target = this.resolveAsset(src, path.dirname(file), '.wxss');
      if (target && this.file(target)) this.wxss(target);
    }
  }

  private resolveAsset(src: string, fromDir: string, extension: string): string | undefined {
    const full = src.startsWith('/') ? path.join(this.root, src) : path.resolve(fromDir, src);
    const withExtension = path.extname(full) ? full : `${full}${extension}`;
    return fs.existsSync(withExtension) ? withExtension : undefined;
  }
}
