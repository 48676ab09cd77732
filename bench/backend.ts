/**
 * The real pieces the items share: the function bundles built from the current sources (into
 * a temp folder, once per run — cloudfunctions/ is left to `npm run build`), the emulator on a
 * free port over a fresh data folder, the real SDK with CloudBase's runtime variables.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator';
import { buildFunctions } from '../scripts/build-functions';
import { localCloudbase } from '../scripts/lib/local-sdk';

export type App = ReturnType<typeof localCloudbase>;
export type Db = ReturnType<App['database']>;

let built: Promise<string> | undefined;

/** Deploy folders for every function, built from the sources as they are now. */
export function functionsDir(): Promise<string> {
  built ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-functions-'));
    await buildFunctions({ outRoot: dir, quiet: true });
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  })();
  return built;
}

export interface BenchBackend {
  emulator: RunningEmulator;
  app: App;
  db: Db;
  dataDir: string;
  /** POST /functions/<fn> as the mini-program does; the caller in X-WX-OPENID. */
  call(fn: string, event: Record<string, unknown>, openid?: string): Promise<any>;
  close(): Promise<void>;
}

export async function startBenchBackend(options: Partial<EmulatorOptions> = {}): Promise<BenchBackend> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-data-'));
  const emulator = await startEmulator({ port: 0, functionsDir: await functionsDir(), ...options, dataDir });
  const app = localCloudbase(emulator.serviceUrl, emulator.envId);
  return {
    emulator,
    app,
    db: app.database(),
    dataDir,
    async call(fn, event, openid) {
      const res = await fetch(`${emulator.url}/functions/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(openid ? { 'X-WX-OPENID': openid } : {}) },
        body: JSON.stringify(event),
      });
      const body = await res.json();
      if (res.status !== 200) throw new Error(`${fn}.${String(event.action)}: HTTP ${res.status} ${JSON.stringify(body)}`);
      return body;
    },
    async close() {
      await emulator.close();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
