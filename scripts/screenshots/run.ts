/**
 * `npm run screenshots`: every page of app.json, in its loaded state and its empty and
 * error states where it has them, as a 375×812 PNG in docs/screenshots/ (with an index).
 * Pages render from their real WXML, WXSS and logic (miniprogram-simulate, via jest: see
 * capture.shot.ts) against the demo answers; headless Chromium takes the pictures.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ShotEntry } from './names';
import { screenshotIndex } from './index-page';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'docs/screenshots');
const WIDTH = 375;
const HEIGHT = 812;
/** 1×: the PNGs stay small enough for the repository (2× would be 750×1624 and ~3× the bytes). */
const SCALE = 1;
const PARALLEL = Math.max(1, Math.min(4, os.cpus().length));

function findChromium(): string {
  const candidates = [process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome'].filter((c): c is string => !!c);
  for (const candidate of candidates) {
    if (spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  console.error(
    [
      'npm run screenshots needs headless Chromium, and fonts with Chinese characters. On Debian/Ubuntu:',
      '',
      '  sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk',
      '',
      'Or point CHROMIUM at a Chrome/Chromium binary: CHROMIUM=/path/to/chrome npm run screenshots',
    ].join('\n'),
  );
  process.exit(1);
}

function renderHtml(dir: string): ShotEntry[] {
  execFileSync(process.execPath, [require.resolve('jest/bin/jest'), '-c', 'scripts/screenshots/jest.config.js', '--ci', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, SHOTS_DIR: dir },
    stdio: 'inherit',
  });
  return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as ShotEntry[];
}

function screenshot(chromium: string, html: string, png: string): Promise<void> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'shot-profile-'));
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
    '--hide-scrollbars',
    `--force-device-scale-factor=${SCALE}`,
    `--window-size=${WIDTH},${HEIGHT}`,
    `--screenshot=${png}`,
    `file://${html}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      fs.rmSync(profile, { recursive: true, force: true });
      if (code === 0 && fs.existsSync(png)) resolve();
      else reject(new Error(`chromium failed on ${path.basename(html)} (exit ${code}):\n${stderr.slice(-2000)}`));
    });
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const chromium = findChromium();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'screenshots-'));
  const entries = renderHtml(work);
  fs.mkdirSync(OUT, { recursive: true });
  for (const old of fs.readdirSync(OUT).filter((f) => f.endsWith('.png'))) fs.rmSync(path.join(OUT, old));
  const queue = [...entries];
  const worker = async (): Promise<void> => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      await screenshot(chromium, path.join(work, `${entry.name}.html`), path.join(OUT, `${entry.name}.png`));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  fs.writeFileSync(path.join(OUT, 'README.md'), screenshotIndex(entries));
  fs.rmSync(work, { recursive: true, force: true });
  const bytes = entries.reduce((sum, e) => sum + fs.statSync(path.join(OUT, `${e.name}.png`)).size, 0);
  console.log(`${entries.length} screenshots in docs/screenshots (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
