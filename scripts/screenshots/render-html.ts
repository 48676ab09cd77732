/**
 * The render half shared by `npm run screenshots` and `npm run a11y`: jest runs capture.shot.ts,
 * which writes one HTML file per page state into `dir`, and the list of them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { ShotEntry } from './names';

export const ROOT = path.resolve(__dirname, '../..');

/** `only`: a substring of page paths (e.g. `packages/case`), to render fewer pages. */
export function renderHtml(dir: string, only = ''): ShotEntry[] {
  execFileSync(process.execPath, [require.resolve('jest/bin/jest'), '-c', 'scripts/screenshots/jest.config.js', '--ci', '--silent', '--forceExit'], {
    cwd: ROOT,
    env: { ...process.env, SHOTS_DIR: dir, SHOTS_ONLY: only },
    stdio: 'inherit',
  });
  return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as ShotEntry[];
}

export const htmlFile = (dir: string, entry: ShotEntry): string => path.join(dir, `${entry.name}.html`);
