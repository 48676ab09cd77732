/**
 * Builds miniprogram/miniprogram_npm offline with miniprogram-ci, exactly as WeChat DevTools'
 * "构建 npm" would, from the relation list in project.config.json (one source of truth).
 * Only package.json `dependencies` are packed. Usage: `npm run build:npm`.
 */
import fs from 'node:fs';
import path from 'node:path';

const projectRoot = path.resolve(__dirname, '..');

interface NpmRelation {
  packageJsonPath: string;
  miniprogramNpmDistDir: string;
}

export interface PackedNpm {
  distDir: string;
  packages: string[];
  bytes: number;
}

export function npmRelations(root = projectRoot): NpmRelation[] {
  const projectConfig = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8'));
  const relations: NpmRelation[] | undefined = projectConfig.setting?.packNpmRelationList;
  if (!projectConfig.setting?.packNpmManually || !relations?.length) {
    throw new Error('project.config.json: setting.packNpmManually with a packNpmRelationList is required');
  }
  return relations.map((r) => ({
    packageJsonPath: path.resolve(root, r.packageJsonPath),
    miniprogramNpmDistDir: path.resolve(root, r.miniprogramNpmDistDir),
  }));
}

export async function packNpm(root = projectRoot): Promise<PackedNpm[]> {
  // Loaded on demand: miniprogram-ci is heavy and talks on import.
  const { packNpmManually } = await import('miniprogram-ci');
  const packed: PackedNpm[] = [];
  for (const relation of npmRelations(root)) {
    const distDir = path.join(relation.miniprogramNpmDistDir, 'miniprogram_npm');
    // Generated output: start clean so a removed dependency does not linger in the package.
    fs.rmSync(distDir, { recursive: true, force: true });
    const result = await packNpmManually(relation);
    for (const warning of result.warnList) console.warn(`[pack-npm] warning: ${JSON.stringify(warning)}`);

    copyDayjsExtras(relation.packageJsonPath, distDir);
    const dependencies = Object.keys(JSON.parse(fs.readFileSync(relation.packageJsonPath, 'utf8')).dependencies ?? {});
    const missing = dependencies.filter((name) => !fs.existsSync(path.join(distDir, name)));
    if (missing.length) throw new Error(`miniprogram_npm is missing ${missing.join(', ')} after packing`);
    packed.push({ distDir, packages: dependencies, bytes: directorySize(distDir) });
  }
  return packed;
}

/**
 * WeChat's npm build packs only a package's main file; dayjs's locale and plugins are
 * separate files the pages require by path, so they are copied in beside it (the usual
 * remedy, see dayjs issue #1326). UMD files: they run as CommonJS in the mini-program.
 */
const DAYJS_EXTRAS = ['plugin/utc.js', 'plugin/relativeTime.js', 'locale/zh-cn.js'];

function copyDayjsExtras(packageJsonPath: string, distDir: string): void {
  const target = path.join(distDir, 'dayjs');
  if (!fs.existsSync(target)) return;
  const source = path.dirname(require.resolve('dayjs/package.json', { paths: [path.dirname(packageJsonPath)] }));
  for (const file of DAYJS_EXTRAS) {
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(path.join(source, file), path.join(target, file));
  }
}

export function directorySize(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const full = path.join(dir, entry.name);
    return sum + (entry.isDirectory() ? directorySize(full) : fs.statSync(full).size);
  }, 0);
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

if (require.main === module) {
  packNpm()
    .then((packed) => {
      for (const p of packed) {
        console.log(`[pack-npm] ${path.relative(projectRoot, p.distDir)}: ${p.packages.join(', ')} (${formatBytes(p.bytes)})`);
      }
    })
    .catch((error: unknown) => {
      console.error(`[pack-npm] failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
