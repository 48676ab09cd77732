/**
 * Item 7 — cold load of each cloud-function bundle: its size, and the time from starting a
 * fresh `node` process to `main` exported and the SDK initialised (`tcb.init` as cloudbase()
 * does it, reached by one call that answers before any network: a role action without a
 * caller answers UNAUTHENTICATED, the scheduler called by a user FORBIDDEN). Median of 5 runs;
 * a bare `node -e ""` measured in the same run is reported beside it and subtracted.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { functionsDir } from './backend';
import { bytes, median, ms, since } from './stats';
import type { BenchRow } from './types';

const RUNS = 5;
const BUDGET_MS = 300;

// Runs inside the child: require, then one call that initialises the SDK and stops short of the network.
const LOAD_AND_INIT = `
const loaded = require(process.argv[1]);
const permissions = loaded.main.permissions;
let event = {};
if (permissions) {
  const names = Object.keys(permissions);
  event = { action: names.find((n) => permissions[n] !== 'anyone') ?? names[0] };
} else process.env.WX_OPENID = 'obench-cold-load';
Promise.resolve(loaded.main(event, {})).then((answer) => {
  const code = answer && answer.ok === false ? answer.error.code : 'ok';
  if (!['UNAUTHENTICATED', 'FORBIDDEN', 'INVALID_INPUT'].includes(code)) { console.error('unexpected answer ' + JSON.stringify(answer)); process.exit(2); }
  process.stdout.write(code);
});
`;

/** The environment CloudBase gives a function (without it the SDK probes Tencent's metadata host). */
function runtimeEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    TZ: 'UTC',
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: 'local-dev',
    TCB_ENV: 'local-dev',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'http://127.0.0.1:9/admin' }),
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6',
    SILENCE: 'true',
  };
}

function timedNode(args: string[]): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { env: runtimeEnv(), encoding: 'utf8' });
  const elapsed = since(start);
  if (child.status !== 0) throw new Error(`node ${args.slice(0, 1).join(' ')} exited ${child.status}: ${child.stderr}`);
  return elapsed;
}

export async function coldLoadRows(): Promise<BenchRow[]> {
  const dir = await functionsDir();
  const names = fs.readdirSync(dir).filter((name) => fs.existsSync(path.join(dir, name, 'index.js'))).sort();
  const bare: number[] = [];
  const loads = new Map<string, number[]>(names.map((name) => [name, []]));
  // Interleaved, so drift on a shared machine hits every function and the bare start alike.
  for (let run = 0; run < RUNS; run += 1) {
    bare.push(timedNode(['-e', '']));
    for (const name of names) loads.get(name)!.push(timedNode(['-e', LOAD_AND_INIT, path.join(dir, name, 'index.js')]));
  }
  const bareMedian = median(bare);
  return names.map((name) => {
    const total = median(loads.get(name)!);
    const own = total - bareMedian;
    return {
      item: `7. cold load: ${name}`,
      measured: `${bytes(fs.statSync(path.join(dir, name, 'index.js')).size)}; ${ms(own)} (process ${ms(total)} − bare node ${ms(bareMedian)})`,
      budget: `≤ ${BUDGET_MS} ms`,
      ok: own <= BUDGET_MS,
    };
  });
}
