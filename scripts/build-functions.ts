/**
 * Builds the CloudBase deploy folders, convention over configuration: every folder
 * `backend/functions/<name>/` holding `index.ts` (exporting `main(event, context)`) and
 * `config.json` becomes `cloudfunctions/<name>/` with
 *   index.js      one esbuild bundle (node16, cjs) with everything in it, @cloudbase/node-sdk
 *                 included, so the folder deploys as is;
 *   package.json  name and main (and dependencies, only for packages kept external);
 *   config.json   copied from the source (permissions, triggers, timeout);
 *   fonts/        the PDF fonts and their licences, for a function whose bundle draws PDFs
 *                 (backend/documents/pdf/font-files.ts lists them): read at run time, as
 *                 15 MB of font inside index.js would be parsed at every cold start.
 * Nothing is written unless every function builds. Deploy folders whose source is gone are
 * removed; cloudfunctions/README.md is never touched.
 *
 * Usage: `npm run build:functions [-- station user] [--source=dir] [--out=dir]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Message, Plugin } from 'esbuild';
import { ALL_FONTS, packagedPath, SHIPPED_FONTS_FOLDER, shippedName } from '../backend/documents/pdf/font-files';

const projectRoot = path.resolve(__dirname, '..');

export interface BuildFunctionsOptions {
  /** Build only these functions (stale folders are still removed). */
  only?: string[];
  /** Where the function sources live; default backend/functions. */
  sourceRoot?: string;
  /** Where the deploy folders go; default cloudfunctions. */
  outRoot?: string;
  /** Packages left out of the bundle and listed as dependencies instead; default none. */
  external?: string[];
  /** Print nothing but warnings (sizes are printed otherwise). */
  quiet?: boolean;
}

export interface BuiltFunction {
  name: string;
  dir: string;
  /** Size of index.js in bytes. */
  bytes: number;
  /** Size of the fonts shipped beside it (0 for a function that draws no PDF). */
  fontBytes: number;
  dependencies: Record<string, string>;
}

/** CloudBase: starts with a letter; letters, digits, '-' and '_'; at most 60 characters. */
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

export async function buildFunctions(options: BuildFunctionsOptions = {}): Promise<BuiltFunction[]> {
  const sourceRoot = path.resolve(options.sourceRoot ?? path.join(projectRoot, 'backend/functions'));
  const outRoot = path.resolve(options.outRoot ?? path.join(projectRoot, 'cloudfunctions'));
  const external = options.external ?? [];
  const dependencies = Object.fromEntries(external.map((name) => [name, installedVersion(name)]));

  const sources = listFolders(sourceRoot);
  const unknown = (options.only ?? []).filter((name) => !sources.includes(name));
  if (unknown.length) throw new BuildError([`no function folder for: ${unknown.join(', ')} (in ${sourceRoot})`]);
  const names = options.only ?? sources;

  const results = await Promise.all(names.map((name) => bundle(sourceRoot, name, outRoot, external)));
  const problems = results.flatMap((r) => r.problems);
  if (problems.length) throw new BuildError(problems);

  const built: BuiltFunction[] = [];
  for (const { name, code, config, drawsPdfs } of results) {
    const dir = path.join(outRoot, name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.js'), code);
    fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies }, null, 2)}\n`);
    fs.writeFileSync(path.join(dir, 'config.json'), config);
    const fontBytes = drawsPdfs ? shipFonts(dir) : 0;
    built.push({ name, dir, bytes: Buffer.byteLength(code), fontBytes, dependencies });
  }
  for (const stale of listFolders(outRoot).filter((name) => !sources.includes(name))) {
    fs.rmSync(path.join(outRoot, stale), { recursive: true, force: true });
  }
  if (!options.quiet) printBuilt(built);
  return built;
}

export class BuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`cloud function build failed:\n  - ${problems.join('\n  - ')}`);
    this.name = 'BuildError';
  }
}

interface Bundled {
  name: string;
  code: string;
  config: string;
  /** Whether the bundle holds the PDF font list, and so needs the fonts beside it. */
  drawsPdfs: boolean;
  problems: string[];
}

// As esbuild's metafile names it: relative to absWorkingDir, with forward slashes.
const FONT_LIST = 'backend/documents/pdf/font-files.ts';

/** Copies the PDF fonts, each with its licence (OFL 1.1 asks it to travel with the font). */
function shipFonts(dir: string): number {
  const fontsDir = path.join(dir, SHIPPED_FONTS_FOLDER);
  fs.mkdirSync(fontsDir, { recursive: true });
  let bytes = 0;
  for (const font of ALL_FONTS) {
    for (const what of ['font', 'licence'] as const) {
      const target = path.join(fontsDir, shippedName(font, what));
      fs.copyFileSync(packagedPath(font, what), target);
      bytes += fs.statSync(target).size;
    }
  }
  return bytes;
}

/**
 * Packages bundled from their CommonJS build, as Node loads them for our CommonJS code. An
 * `import` would pick pdfkit's ESM build, which finds its data through `import.meta.url`, empty
 * in a CommonJS bundle (pdfkit then throws at load); fontkit follows, so the bundle holds one
 * copy of it, shared by our code and pdfkit's.
 */
const COMMONJS_BUILDS = ['pdfkit', 'fontkit'];

const preferCommonJs: Plugin = {
  name: 'prefer-commonjs',
  setup(builder) {
    const filter = new RegExp(`^(${COMMONJS_BUILDS.join('|')})$`);
    builder.onResolve({ filter }, (args) => {
      if (args.kind === 'require-call') return undefined;
      return builder.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir, importer: args.importer });
    });
  },
};

/**
 * fontkit decodes WOFF2 fonts with brotli, 1.4 MB of JavaScript; our fonts are TTF files, so
 * the bundle carries a stand-in that says so instead.
 */
const withoutWoff2: Plugin = {
  name: 'without-woff2',
  setup(builder) {
    builder.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: 'brotli-decompress', namespace: 'stand-in' }));
    builder.onLoad({ filter: /.*/, namespace: 'stand-in' }, () => ({
      contents: "module.exports = () => { throw new Error('WOFF2 fonts are not bundled: use a TTF'); };",
      loader: 'js',
    }));
  },
};

async function bundle(sourceRoot: string, name: string, outRoot: string, external: string[]): Promise<Bundled> {
  const dir = path.join(sourceRoot, name);
  const entry = path.join(dir, 'index.ts');
  const result: Bundled = { name, code: '', config: '', drawsPdfs: false, problems: [] };
  const problem = (text: string) => result.problems.push(`${name}: ${text}`);

  if (!FUNCTION_NAME.test(name)) problem('not a valid CloudBase function name (letter first; letters, digits, - and _)');
  if (!fs.existsSync(entry)) problem('index.ts is missing (shared code belongs outside backend/functions)');
  try {
    result.config = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    JSON.parse(result.config);
  } catch (error) {
    problem(fs.existsSync(path.join(dir, 'config.json')) ? `config.json is not valid JSON (${(error as Error).message})` : 'config.json is missing');
  }
  if (result.problems.length) return result;

  try {
    if (!(await exportNames(entry)).includes('main')) problem('index.ts does not export `main(event, context)`');
    const output = await build({
      entryPoints: [entry],
      outfile: path.join(outRoot, name, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external,
      write: false,
      absWorkingDir: projectRoot,
      nodePaths: [path.join(projectRoot, 'node_modules')],
      tsconfig: path.join(projectRoot, 'tsconfig.json'),
      plugins: [preferCommonJs, withoutWoff2],
      metafile: true,
      logLevel: 'silent',
    });
    for (const warning of output.warnings) console.warn(`[build-functions] ${name}: warning: ${describe(warning)}`);
    result.code = output.outputFiles[0].text;
    result.drawsPdfs = FONT_LIST in output.metafile.inputs;
  } catch (error) {
    const errors: Message[] | undefined = (error as { errors?: Message[] }).errors;
    if (errors?.length) errors.forEach((e) => problem(describe(e)));
    else problem(String((error as Error).message ?? error));
  }
  return result;
}

/** The entry's own export names (a re-export with `export *` is not seen: export `main` by name). */
async function exportNames(entry: string): Promise<string[]> {
  const output = await build({ entryPoints: [entry], bundle: false, format: 'esm', write: false, outdir: 'out', metafile: true, logLevel: 'silent' });
  return Object.values(output.metafile.outputs).flatMap((o) => o.exports);
}

function describe(message: Message): string {
  const where = message.location ? `${path.relative(projectRoot, message.location.file)}:${message.location.line}: ` : '';
  return `${where}${message.text}`;
}

function listFolders(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

function installedVersion(name: string): string {
  const manifest = path.join(projectRoot, 'node_modules', name, 'package.json');
  return JSON.parse(fs.readFileSync(manifest, 'utf8')).version;
}

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

function printBuilt(built: BuiltFunction[]): void {
  if (!built.length) console.log('[build-functions] no functions in backend/functions yet');
  for (const f of built) {
    const fonts = f.fontBytes ? ` + ${SHIPPED_FONTS_FOLDER}/ ${formatSize(f.fontBytes)}` : '';
    console.log(`[build-functions] ${path.relative(process.cwd(), f.dir)}/index.js ${formatSize(f.bytes)}${fonts}`);
  }
}

function parseArgs(argv: string[]): BuildFunctionsOptions {
  const flag = (key: string) => argv.find((a) => a.startsWith(`--${key}=`))?.slice(key.length + 3);
  const only = argv.filter((a) => !a.startsWith('--'));
  return { only: only.length ? only : undefined, sourceRoot: flag('source'), outRoot: flag('out') };
}

if (require.main === module) {
  buildFunctions(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
    console.error(`[build-functions] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
