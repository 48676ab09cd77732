/**
 * What `npm install` (postinstall) and `npm run build` run: the generated trees the project
 * needs before DevTools, the type check or a deploy can use it.
 *   1. miniprogram/generated/        (the back end's labels, limits and patterns the pages read)
 *   2. miniprogram/miniprogram_npm   (Vant and dayjs, packed offline by miniprogram-ci)
 *   3. cloudfunctions/<name>/        (one bundle per backend/functions/<name>/)
 */
import path from 'node:path';
import { buildFunctions } from './build-functions';
import { writeRules } from './build-rules';
import { formatBytes, packNpm } from './pack-npm';

export async function setup(): Promise<void> {
  for (const file of writeRules()) console.log(`[setup] ${path.relative(process.cwd(), file)}`);
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
