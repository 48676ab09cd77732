/**
 * Item 6 — the largest single setData payload of each list page (and the case detail with a
 * long timeline). The page suites of test/miniprogram already render them with full pages of
 * data (20 stations then 40, 20 cases, a 60-entry timeline …); they run again here under a jest
 * config of their own that wraps every rendered page's setData (setdata/wrap-set-data.ts), and
 * the largest payload per page over all of a page's scenarios is what counts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bytes } from './stats';
import type { BenchRow } from './types';

const BUDGET = 32 * 1024;
/** The pages whose data grows with the district (the long lists) and the case page; each must have been measured. */
const PAGES = [
  'pages/stations/index',
  'pages/cases/index',
  'packages/work/inbox/index',
  'packages/admin/stations/index',
  'packages/admin/people/index',
  'packages/admin/invites/index',
  'packages/admin/figures/index',
  'packages/work/schedule/index',
  'packages/case/detail/index',
];

export async function setDataRows(): Promise<BenchRow[]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-setdata-'));
  try {
    const repo = path.resolve(__dirname, '..');
    const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--ci', '-c', path.join(__dirname, 'setdata/jest.config.js'), '--silent'], {
      cwd: repo,
      env: { ...process.env, SETDATA_OUT: outDir },
      encoding: 'utf8',
    });
    const largest: Record<string, { bytes: number; keys: string[]; test: string }> = {};
    for (const file of fs.readdirSync(outDir)) {
      for (const [page, found] of Object.entries(JSON.parse(fs.readFileSync(path.join(outDir, file), 'utf8')) as typeof largest)) {
        if (found.bytes > (largest[page]?.bytes ?? -1)) largest[page] = found;
      }
    }
    const rows: BenchRow[] = PAGES.map((page) => {
      const found = largest[page];
      return found
        ? {
            item: `6. setData: ${page.replace(/\/index$/, '')}`,
            measured: `${bytes(found.bytes)} (${found.keys.join(', ')}; “${found.test}”)`,
            budget: '≤ 32 KB',
            ok: found.bytes <= BUDGET,
          }
        : { item: `6. setData: ${page.replace(/\/index$/, '')}`, measured: 'not measured: no suite rendered it', budget: '≤ 32 KB', ok: false };
    });
    if (jest.status !== 0) {
      const failed = (jest.stderr.match(/^FAIL .*$/gm) ?? []).join(', ');
      rows.push({ item: '6. setData: page suites', measured: `jest exited ${jest.status}${failed ? `: ${failed}` : ''}`, budget: 'suites pass', ok: false });
    }
    return rows;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
