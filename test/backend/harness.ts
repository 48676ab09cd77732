/**
 * The whole local back end for integration suites: the cloud-function bundles built from
 * backend/functions (once per source state, shared by every suite of a run), the emulator
 * (database + WeChat + storage + function host) on a free port over a temporary data folder,
 * the demo district seeded. Calls travel as the mini-program's do: HTTP to the function host,
 * the real SDK inside the function, the emulator behind it.
 *
 *   let backend: Backend;
 *   beforeAll(async () => { backend = await startBackend({ functions: ['case'] }); });
 *   afterAll(() => backend.close());
 *   const answer = await backend.call('case', 'get', { caseId }, 'odemo-resident');
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shanghaiDate } from '../../backend/domain/calendar';
import { startEmulator, type RunningEmulator } from '../../emulator';
import { buildFunctions } from '../../scripts/build-functions';
import { localCloudbase } from '../../scripts/lib/local-sdk';
import { seedDatabase } from '../../scripts/seed/seed-database';
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../typings/api';
import type { ApiResult } from '../../typings/errors';
import type { Fault } from '../../emulator/wx';

const repoRoot = path.resolve(__dirname, '../..');

export type Db = ReturnType<ReturnType<typeof localCloudbase>['database']>;

export interface StartOptions {
  /** Functions to build and host; default every folder of backend/functions. */
  functions?: string[];
  /** Seed the demo district (default true). */
  seed?: boolean;
  /** Variables for every function instance. */
  functionEnv?: Record<string, string>;
}

/** A fault as the emulator's `/_emulator/wx/faults` route takes it (`times` defaults to 1). */
export type WxFault = Omit<Fault, 'times'> & { times?: number };

export interface SentMessage {
  touser: string;
  template_id: string;
  page: string | null;
  data: Record<string, { value: string }>;
  at: string;
}

export interface Backend {
  url: string;
  serviceUrl: string;
  dataDir: string;
  emulator: RunningEmulator;
  /** The real SDK on the emulator, for looking at (or arranging) what the functions stored. */
  app: ReturnType<typeof localCloudbase>;
  db: Db;
  /** One action, typed by the API contract; `openid` goes in X-WX-OPENID (none: anonymous). */
  call<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: ActionInput<F, A>, openid?: string): Promise<ApiResult<ActionOutput<F, A>>>;
  /** The same, untyped, for inputs the contract would not allow. */
  callRaw(fn: string, event: unknown, openid?: string): Promise<{ status: number; body: any }>;
  /**
   * A function's own timer trigger firing at `at` (default now): the emulator's seam, which
   * also sets the instance's clock to `at`, as if the timer really fired then. `clockAt`
   * sets the clock apart from the event's Time, which CloudBase never does.
   */
  fireTimer(fn: string, trigger: string, at?: Date, clockAt?: Date): Promise<{ status: number; body: any }>;
  /**
   * The round trips to CloudBase that `work` causes, as the emulator counts the SDK requests
   * reaching `/admin` (by action). Only meaningful while nothing else calls the back end.
   */
  roundTrips(work: () => Promise<unknown>): Promise<{ total: number; byAction: Record<string, number> }>;
  /** A call expected to succeed: its data, or the test fails with the error. */
  data<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, input: ActionInput<F, A>, openid?: string): Promise<ActionOutput<F, A>>;
  wx: {
    /** WeChat's side of wx.requestSubscribeMessage: the user accepted `count` messages of a template. */
    grant(openid: string, templateId: string, count?: number): Promise<void>;
    sent(query?: { openid?: string; templateId?: string }): Promise<SentMessage[]>;
    fault(fault: WxFault): Promise<void>;
    clearFaults(): Promise<void>;
  };
  close(): Promise<void>;
}

let openids = 0;
/** A resident nobody has seen before (unknown openids are residents). */
export function newOpenid(label = 'resident'): string {
  openids += 1;
  return `otest-${label}-${process.pid}-${openids}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function startBackend(options: StartOptions = {}): Promise<Backend> {
  const functionsDir = await builtFunctions(options.functions);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-test-'));
  const emulator = await startEmulator({ dataDir, port: 0, functionsDir, functionEnv: options.functionEnv });
  const app = localCloudbase(emulator.serviceUrl, emulator.envId);
  const db = app.database();
  if (options.seed !== false) await seedDatabase(db, { today: shanghaiDate(new Date()) });

  const route = async (method: 'GET' | 'POST' | 'DELETE', routePath: string, body?: unknown) => {
    const res = await fetch(`${emulator.url}/_emulator/wx/${routePath}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await res.json()) as any;
    if (res.status !== 200) throw new Error(`${method} ${routePath}: ${res.status} ${JSON.stringify(answer)}`);
    return answer;
  };

  const callRaw: Backend['callRaw'] = async (fn, event, openid) => {
    const res = await fetch(`${emulator.url}/functions/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'X-WX-OPENID': openid } : {}) },
      body: JSON.stringify(event),
    });
    return { status: res.status, body: await res.json() };
  };

  const fireTimer: Backend['fireTimer'] = async (fn, trigger, at, clockAt) => {
    const res = await fetch(`${emulator.url}/_emulator/timers/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ trigger, time: at?.toISOString(), clockAt: clockAt?.toISOString() }),
    });
    return { status: res.status, body: await res.json() };
  };

  const roundTrips: Backend['roundTrips'] = async (work) => {
    type Counted = Awaited<ReturnType<Backend['roundTrips']>>;
    const requests = (method: 'GET' | 'DELETE') => fetch(`${emulator.url}/_emulator/requests`, { method }).then((res) => res.json() as Promise<Counted>);
    await requests('DELETE');
    await work();
    return requests('GET');
  };

  const call: Backend['call'] = async (fn, action, input, openid) => {
    const { status, body } = await callRaw(fn, { ...(input as object), action }, openid);
    if (status !== 200) throw new Error(`${fn}.${action} answered HTTP ${status}: ${JSON.stringify(body)}`);
    return body;
  };

  return {
    url: emulator.url,
    serviceUrl: emulator.serviceUrl,
    dataDir,
    emulator,
    app,
    db,
    call,
    callRaw,
    fireTimer,
    roundTrips,
    async data(fn, action, input, openid) {
      const answer = await call(fn, action, input, openid);
      if (!answer.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(answer.error)}`);
      return answer.data;
    },
    wx: {
      async grant(openid, templateId, count = 1) {
        await route('POST', 'subscriptions', { openid, templateId, count });
      },
      async sent(query = {}) {
        const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
        return (await route('GET', `sent?${params}`)).sent;
      },
      async fault(fault) {
        await route('POST', 'faults', fault);
      },
      async clearFaults() {
        await route('DELETE', 'faults');
      },
    },
    async close() {
      await emulator.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The deploy bundles for the current sources, built once per source state: every suite of a
 * run (and every jest worker) reuses the same folder, and a changed source builds a new one.
 */
async function builtFunctions(only: string[] | undefined): Promise<string> {
  const names = only ? [...only].sort() : undefined;
  const key = createHash('sha256')
    .update(JSON.stringify({ names, stamp: sourceStamp() }))
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(os.tmpdir(), `liaison-functions-${key}`);
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  pruneOldBuilds();
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-functions-build-'));
  await buildFunctions({ only: names, outRoot: staging, quiet: true });
  fs.writeFileSync(path.join(staging, '.complete'), '');
  try {
    fs.renameSync(staging, dir);
  } catch {
    // Another worker finished the same build first: use theirs.
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

/** Builds of earlier source states, a day old: nobody runs them any more. */
function pruneOldBuilds(): void {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith('liaison-functions-')) continue;
    const full = path.join(os.tmpdir(), name);
    try {
      if (fs.statSync(full).mtimeMs < dayAgo) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

/** Newest modification time and count of the files bundled into functions. */
function sourceStamp(): string {
  let newest = 0;
  let count = 0;
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        count += 1;
        newest = Math.max(newest, fs.statSync(full).mtimeMs);
      }
    }
  };
  for (const dir of ['backend', 'typings', 'config', 'database']) walk(path.join(repoRoot, dir));
  return `${newest}:${count}`;
}
