/**
 * Item 4 — the emulator at scale: 100k cases and 1M timeline events. A fresh child process
 * (node + tsx) starts the emulator on the folder and answers a first query through the SDK;
 * start-up is from calling startEmulator to that answer, memory the child's peak RSS (VmHWM,
 * tsx's compiler included). The same probe on an empty folder, in the same run, for scale.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { functionsDir } from './backend';
import { CASES, EVENTS_PER_CASE, storeScaleDataDir } from './store-data';
import { bytes, ms } from './stats';
import type { BenchRow } from './types';

const START_BUDGET_MS = 5000;
const MEMORY_BUDGET = 500 * 1024 * 1024;

interface Probe {
  startupMs: number;
  firstQueryRows: number;
  timeline: number;
  events: number;
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
    if (full.events !== CASES * EVENTS_PER_CASE || full.firstQueryRows !== 5 || full.timeline !== EVENTS_PER_CASE) {
      throw new Error(`the scaled store answered wrongly: ${JSON.stringify(full)}`);
    }
    const size = fs.statSync(path.join(dataDir, 'database.sqlite')).size;
    return [
      {
        item: `4. store scale: start-up, ${CASES / 1000}k cases + ${(CASES * EVENTS_PER_CASE) / 1e6}M events (${bytes(size)} file)`,
        measured: `${ms(full.startupMs)} to the first answer (empty store ${ms(base.startupMs)})`,
        budget: `≤ ${START_BUDGET_MS / 1000} s`,
        ok: full.startupMs <= START_BUDGET_MS,
      },
      {
        item: '4. store scale: resident memory',
        measured: `peak RSS ${bytes(full.hwmKb * 1024)} (empty store ${bytes(base.hwmKb * 1024)})`,
        budget: '≤ 500 MB',
        ok: full.hwmKb * 1024 <= MEMORY_BUDGET,
      },
    ];
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
}
