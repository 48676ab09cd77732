/**
 * Item 4 — the emulator at scale: 100k cases and 1M timeline events. A fresh child process
 * (node + tsx) starts the emulator on the folder and answers a first query through the SDK;
 * start-up is from calling startEmulator to that answer, memory the child's peak RSS (VmHWM,
 * tsx's compiler included). The same probe on an empty folder, in the same run, is the
 * yardstick: the budgets are ratios to it. What they protect is that opening a big store
 * neither reads it (start-up stays near the empty store's, within 3×) nor holds it in memory
 * (peak RSS within 1.5× the empty store's) — absolute seconds and megabytes would measure the
 * machine and Node's own footprint as much as the store.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { functionsDir } from './backend';
import { CASES, EVENTS_PER_CASE, storeScaleDataDir } from './store-data';
import { bytes, ms, ratio } from './stats';
import type { BenchRow } from './types';

/** The full store's start-up at most this many times the empty store's, in the same run. */
const START_RATIO = 3;
/** Its peak RSS at most this many times the empty store's. */
const MEMORY_RATIO = 1.5;

interface Probe {
  startupMs: number;
  firstQueryRows: number;
  timeline: number;
  cases: number;
  hwmKb: number;
}

function probe(dataDir: string, functions: string): Probe {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'store-probe.ts'), dataDir, functions], {
    encoding: 'utf8',
    env: { ...process.env, SILENCE: 'true' },
  });
  if (child.status !== 0) throw new Error(`store probe failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Probe;
}

export async function storeScaleRows(): Promise<BenchRow[]> {
  const dataDir = storeScaleDataDir();
  const functions = await functionsDir();
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-empty-'));
  try {
    const base = probe(empty, functions);
    const full = probe(dataDir, functions);
    if (full.cases !== CASES || full.firstQueryRows !== 5 || full.timeline !== EVENTS_PER_CASE) {
      throw new Error(`the scaled store answered wrongly: ${JSON.stringify(full)}`);
    }
    const size = fs.statSync(path.join(dataDir, 'database.sqlite')).size;
    return [
      {
        item: `4. store scale: start-up, ${CASES / 1000}k cases + ${(CASES * EVENTS_PER_CASE) / 1e6}M events (${bytes(size)} file)`,
        measured: `${ms(full.startupMs)} to the first answer = ${ratio(full.startupMs / base.startupMs)} the empty store's ${ms(base.startupMs)}`,
        budget: `≤ ${START_RATIO}× the empty store`,
        ok: full.startupMs <= START_RATIO * base.startupMs,
      },
      {
        item: '4. store scale: resident memory',
        measured: `peak RSS ${bytes(full.hwmKb * 1024)} = ${ratio(full.hwmKb / base.hwmKb)} the empty store's ${bytes(base.hwmKb * 1024)}`,
        budget: `≤ ${MEMORY_RATIO}× the empty store`,
        ok: full.hwmKb <= MEMORY_RATIO * base.hwmKb,
      },
    ];
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
}
