/**
 * What `npm install` (postinstall) and `npm run build` run: the two generated trees the
 * project needs before DevTools or a deploy can use it.
 *   1. miniprogram/miniprogram_npm   (Vant and dayjs, packed offline by miniprogram-ci)
 *   2. cloudfunctions/<name>/        (one bundle per backend/functions/<name>/)
 */
import path from 'node:path';
import { buildFunctions } from './build-functions';
import { formatBytes, packNpm } from './pack-npm';

export async function setup(): Promise<void> {
  for (const p of await packNpm()) {
    console.log(`[setup] ${path.relative(process.cwd(), p.distDir)}: ${p.packages.join(', ')} (${formatBytes(p.bytes)})`);
  }
  await buildFunctions();
}

if (require.main === module) {
  setup().catch((error: unknown) => {
    console.error(`[setup] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
