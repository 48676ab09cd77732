/**
 * Item 7 — cold load of each cloud-function bundle: its size, and the time from starting a
 * fresh `node` process to `main` exported and the SDK initialised (`tcb.init` as cloudbase()
 * does it, reached by one call that answers before any network: a role action without a
 * caller answers UNAUTHENTICATED, the scheduler called by a user FORBIDDEN). Median of 7 runs,
 * interleaved with a bare `node -e ""` started the same way in the same run.
 *
 * The budget is a ratio to that bare start: the whole cold process at most 7× a bare node.
 * Both are the same kind of work — one process reading, compiling and running JavaScript on
 * one thread — so a slower or busier machine stretches both alike (on a loaded machine bare
 * node alone once took 1.2 s, and every bundle "missed" an absolute 300 ms). 7× keeps the old
 * budget where it was measured: bare node 45 ms there, 7 × 45 = 315 ms for the process, i.e.
 * about 270 ms of the bundle's own on top of node's start. The CPU time of each (user +
 * system, from the process itself) is shown beside it: it barely moves with the machine's load.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { functionsDir } from './backend';
import { bytes, median, ms, ratio, since } from './stats';
import type { BenchRow } from './types';

const RUNS = 7;
/** The cold process at most this many times a bare node's start, measured in the same run. */
const BUDGET_RATIO = 7;

/** The child's own CPU time (user + system, ms) as its last line on stdout. */
const CPU_AT_EXIT = `const r = process.resourceUsage(); process.stdout.write('\\n' + (r.userCPUTime + r.systemCPUTime) / 1000);`;

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
  ${CPU_AT_EXIT}
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

interface Timed {
  wallMs: number;
  cpuMs: number;
}

function timedNode(args: string[]): Timed {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { env: runtimeEnv(), encoding: 'utf8' });
  const wallMs = since(start);
  if (child.status !== 0) throw new Error(`node ${args.slice(0, 1).join(' ')} exited ${child.status}: ${child.stderr}`);
  return { wallMs, cpuMs: Number(child.stdout.trim().split('\n').pop()) };
}

export async function coldLoadRows(): Promise<BenchRow[]> {
  const dir = await functionsDir();
  const names = fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'index.js')))
    .sort();
  const bare: Timed[] = [];
  const loads = new Map<string, Timed[]>(names.map((name) => [name, []]));
  // Interleaved, so drift on a shared machine hits every function and the bare start alike.
  for (let run = 0; run < RUNS; run += 1) {
    bare.push(timedNode(['-e', CPU_AT_EXIT]));
    for (const name of names) loads.get(name)!.push(timedNode(['-e', LOAD_AND_INIT, path.join(dir, name, 'index.js')]));
  }
  const bareWall = median(bare.map((t) => t.wallMs));
  const bareCpu = median(bare.map((t) => t.cpuMs));
  return names.map((name) => {
    const wall = median(loads.get(name)!.map((t) => t.wallMs));
    const cpu = median(loads.get(name)!.map((t) => t.cpuMs));
    return {
      item: `7. cold load: ${name}`,
      measured:
        `${bytes(fs.statSync(path.join(dir, name, 'index.js')).size)}; process ${ms(wall)} = ${ratio(wall / bareWall)} bare node ${ms(bareWall)} ` +
        `(own ${ms(wall - bareWall)}; CPU ${ms(cpu)} = ${ratio(cpu / bareCpu)} bare node's ${ms(bareCpu)})`,
      budget: `≤ ${BUDGET_RATIO}× bare node`,
      ok: wall <= BUDGET_RATIO * bareWall,
    };
  });
}
