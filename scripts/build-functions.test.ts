import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BuildError, buildFunctions } from './build-functions';

const projectRoot = path.resolve(__dirname, '..');
const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A throwaway source tree: `<tmp>/functions/<name>/…`, shared code in `<tmp>/shared/`, output in `<tmp>/out/`. */
function fixture(files: Record<string, string>): { sourceRoot: string; outRoot: string; tmp: string } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'build-functions-'));
  temporary.push(tmp);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(tmp, name)), { recursive: true });
    fs.writeFileSync(path.join(tmp, name), content);
  }
  return { tmp, sourceRoot: path.join(tmp, 'functions'), outRoot: path.join(tmp, 'out') };
}

const CONFIG = '{\n  "permissions": { "openapi": ["subscribeMessage.send"] },\n  "timeout": 10\n}\n';
const SHARED = 'export const greet = (name: string): string => `你好，${name}`;\n';
const ENTRY = [
  "import tcb from '@cloudbase/node-sdk';",
  "import { greet } from '../../shared/greet';",
  'export async function main(event: { name: string }) {',
  '  return { ok: true, data: { text: greet(event.name), sdk: typeof tcb.init } };',
  '}',
].join('\n');

/** Calls `main` of a built bundle in a plain Node process, as CloudBase would. */
function invoke(dir: string, event: unknown): unknown {
  const script = `require(${JSON.stringify(path.join(dir, 'index.js'))}).main(${JSON.stringify(event)}, {}).then((r) => process.stdout.write(JSON.stringify(r)))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: os.tmpdir(), encoding: 'utf8' }));
}

describe('buildFunctions', () => {
  it('bundles each function with its shared code and the CloudBase SDK into a folder that deploys as is', async () => {
    const { sourceRoot, outRoot } = fixture({
      'functions/hello/index.ts': ENTRY,
      'functions/hello/config.json': CONFIG,
      'shared/greet.ts': SHARED,
    });
    const built = await buildFunctions({ sourceRoot, outRoot, quiet: true });

    expect(built.map((f) => f.name)).toEqual(['hello']);
    const dir = path.join(outRoot, 'hello');
    expect(fs.readdirSync(dir).sort()).toEqual(['config.json', 'index.js', 'package.json']);
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(CONFIG);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))).toEqual({
      name: 'hello',
      version: '1.0.0',
      private: true,
      main: 'index.js',
      dependencies: {},
    });
    const code = fs.readFileSync(path.join(dir, 'index.js'), 'utf8');
    expect(code).not.toMatch(/require\(["']@cloudbase\/node-sdk["']\)/);
    expect(built[0].bytes).toBe(Buffer.byteLength(code));
    // Run from outside the project: nothing may be resolved from node_modules at runtime.
    expect(invoke(dir, { name: '代表' })).toEqual({ ok: true, data: { text: '你好，代表', sdk: 'function' } });
  });

  it('fails, writing nothing, when a function folder has no config.json', async () => {
    const { sourceRoot, outRoot } = fixture({
      'functions/good/index.ts': 'export const main = async () => ({ ok: true, data: 1 });',
      'functions/good/config.json': '{}',
      'functions/bad/index.ts': 'export const main = async () => ({ ok: true, data: 2 });',
      'out/good/index.js': 'previous build',
    });
    const build = buildFunctions({ sourceRoot, outRoot, quiet: true });
    await expect(build).rejects.toThrow(BuildError);
    await expect(build).rejects.toThrow('bad: config.json is missing');
    expect(fs.readFileSync(path.join(outRoot, 'good/index.js'), 'utf8')).toBe('previous build');
  });

  it.each([
    ['no main export', { 'functions/f/index.ts': 'export const handler = 1;' }, 'f: index.ts does not export `main(event, context)`'],
    ['no index.ts', { 'functions/f/handler.ts': 'export const main = 1;' }, 'f: index.ts is missing'],
    ['an import that does not resolve', { 'functions/f/index.ts': "import { x } from './nowhere';\nexport const main = () => x;" }, 'Could not resolve "./nowhere"'],
    ['invalid config.json', { 'functions/f/index.ts': 'export const main = 1;', 'functions/f/config.json': '{ timeout: 3 }' }, 'f: config.json is not valid JSON'],
    [
      'an invalid function name',
      { 'functions/9lives/index.ts': 'export const main = 1;', 'functions/9lives/config.json': '{}' },
      '9lives: not a valid CloudBase function name',
    ],
  ])('fails on %s', async (_case, files, message) => {
    const { sourceRoot, outRoot } = fixture({ 'functions/f/config.json': '{}', ...files });
    await expect(buildFunctions({ sourceRoot, outRoot, quiet: true })).rejects.toThrow(message);
  });

  it('removes deploy folders whose source is gone but keeps the README', async () => {
    const { sourceRoot, outRoot } = fixture({
      'functions/kept/index.ts': 'export async function main() { return { ok: true, data: null }; }',
      'functions/kept/config.json': '{}',
      'out/README.md': '# generated',
      'out/gone/index.js': 'old',
    });
    await buildFunctions({ sourceRoot, outRoot, quiet: true });
    expect(fs.readdirSync(outRoot).sort()).toEqual(['README.md', 'kept']);
  });

  it('builds only the functions asked for, and refuses names it does not know', async () => {
    const { sourceRoot, outRoot } = fixture({
      'functions/a/index.ts': 'export const main = async () => 1;',
      'functions/a/config.json': '{}',
      'functions/b/index.ts': 'export const main = async () => 2;',
      'functions/b/config.json': '{}',
    });
    expect((await buildFunctions({ sourceRoot, outRoot, only: ['b'], quiet: true })).map((f) => f.name)).toEqual(['b']);
    expect(fs.readdirSync(outRoot)).toEqual(['b']);
    await expect(buildFunctions({ sourceRoot, outRoot, only: ['c'], quiet: true })).rejects.toThrow('no function folder for: c');
  });

  it('exits non-zero from the command line when the build fails', () => {
    const { sourceRoot, outRoot } = fixture({ 'functions/f/index.ts': 'export const main = 1;' });
    const run = spawnSync(path.join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/build-functions.ts', `--source=${sourceRoot}`, `--out=${outRoot}`], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('f: config.json is missing');
  });
});
