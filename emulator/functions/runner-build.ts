import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

let compiled: string | undefined;

/**
 * Instances run plain JavaScript, like CloudBase: compile the runner once per host
 * process instead of starting every instance through a TypeScript loader.
 */
export function compiledRunnerPath(): string {
  if (compiled && fs.existsSync(compiled)) return compiled;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fn-runner-'));
  const outfile = path.join(dir, 'instance-runner.js');
  buildSync({
    entryPoints: [path.join(__dirname, 'instance-runner.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    logLevel: 'error',
  });
  compiled = outfile;
  return outfile;
}
