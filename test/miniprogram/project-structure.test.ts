/**
 * What DevTools would only tell us when opening the project: every page exists, every Vant
 * component resolves in miniprogram_npm, and no runtime import leaves miniprogram/ (DevTools
 * compiles each .ts on its own; only `import type` is erased).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../../miniprogram');
const projectRoot = path.resolve(root, '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const app = readJson(path.join(root, 'app.json'));
const dependencies = Object.keys(readJson(path.join(projectRoot, 'package.json')).dependencies);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'miniprogram_npm') return [];
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** Module specifiers that survive compilation: everything except `import type` / `export type`. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020);
  return source.statements.flatMap((s) => {
    if (ts.isImportDeclaration(s) && !s.importClause?.isTypeOnly) return [(s.moduleSpecifier as ts.StringLiteral).text];
    if (ts.isExportDeclaration(s) && !s.isTypeOnly && s.moduleSpecifier) return [(s.moduleSpecifier as ts.StringLiteral).text];
    return [];
  });
}

/** Every page and component folder unit (a .json with usingComponents beside its .wxml), from miniprogram/. */
function unitsUsingComponents(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'miniprogram_npm') return [];
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return unitsUsingComponents(full);
    if (!e.name.endsWith('.json') || !fs.existsSync(full.replace(/\.json$/, '.wxml'))) return [];
    return readJson(full).usingComponents ? [path.relative(root, full).replace(/\.json$/, '')] : [];
  });
}

/** Main-package pages and every subpackage's pages, as paths from miniprogram/. */
const allPages: string[] = [...app.pages, ...((app.subpackages ?? []) as { root: string; pages: string[] }[]).flatMap((sub) => sub.pages.map((p) => `${sub.root}/${p}`))];

describe('mini-program project', () => {
  it('starts on 附近联络站, with 我的留言 and 我的 in the tab bar', () => {
    expect(app.pages[0]).toBe('pages/stations/index');
    expect(app.tabBar.list.map((t: { pagePath: string; text: string }) => [t.pagePath, t.text])).toEqual([
      ['pages/stations/index', '附近联络站'],
      ['pages/cases/index', '我的留言'],
      ['pages/me/index', '我的'],
    ]);
  });

  it('keeps only the tab pages in the main package', () => {
    const tabs = app.tabBar.list.map((t: { pagePath: string }) => t.pagePath);
    expect([...app.pages].sort()).toEqual([...tabs].sort());
  });

  it.each(allPages)('%s has its ts, json, wxml and wxss, and its components resolve', (page) => {
    for (const ext of ['ts', 'json', 'wxml', 'wxss']) expect(fs.existsSync(path.join(root, `${page}.${ext}`))).toBe(true);
    const using: Record<string, string> = readJson(path.join(root, `${page}.json`)).usingComponents ?? {};
    for (const target of Object.values(using)) {
      const file = target.startsWith('.')
        ? path.join(root, page, '..', target)
        : target.startsWith('/')
          ? path.join(root, target)
          : path.join(root, 'miniprogram_npm', target);
      expect({ target, resolves: fs.existsSync(`${file}.json`) }).toEqual({ target, resolves: true });
    }
  });

  // An unused declaration still loads the component (and miniprogram-ci's quality check flags it).
  it.each(unitsUsingComponents(root))('%s uses every component it declares', (unit) => {
    const wxml = fs.readFileSync(path.join(root, `${unit}.wxml`), 'utf8');
    const unused = Object.keys(readJson(path.join(root, `${unit}.json`)).usingComponents).filter((tag) => !new RegExp(`<${tag}[\\s/>]`).test(wxml));
    expect(unused).toEqual([]);
  });

  it("minifies WXML and WXSS on upload, as miniprogram-ci's code-quality check asks", () => {
    const { setting } = readJson(path.join(projectRoot, 'project.config.json'));
    expect(setting).toMatchObject({ minified: true, minifyWXML: true, minifyWXSS: true });
  });

  it.each(sourceFiles(root).map((f) => path.relative(root, f)))('%s imports at runtime only from miniprogram/ and packed npm', (file) => {
    for (const specifier of runtimeImports(path.join(root, file))) {
      const isRelative = specifier.startsWith('.');
      const inside = isRelative && !path.relative(root, path.resolve(root, path.dirname(file), specifier)).startsWith('..');
      const packed = !isRelative && dependencies.some((d) => specifier === d || specifier.startsWith(`${d}/`));
      expect({ specifier, allowed: inside || packed }).toEqual({ specifier, allowed: true });
    }
  });
});
