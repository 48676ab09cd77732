import fs from 'node:fs';
import path from 'node:path';
import { createDatabaseService } from './database';
import { createFunctionHost, FunctionHost } from './functions/host';
import { startTimers, timerTriggers, type TimerTrigger } from './functions/timer-triggers';
import { startAdminServer } from './server';
import { createStorageService } from './storage';
import { createWxService, OPERATOR_TEMPLATES } from './wx';

export const DEFAULT_PORT = 3721;
export const LOCAL_ENV_ID = 'local-dev';
/** DevTools' test appid; the functions see it as WX_APPID locally. */
export const LOCAL_APP_ID = 'touristappid';

const repoRoot = path.resolve(__dirname, '..');

export interface EmulatorOptions {
  dataDir: string;
  port?: number;
  /** Interface to listen on; default 127.0.0.1 (use 0.0.0.0 to preview on a phone in the LAN). */
  host?: string;
  /** Base URL that phones use to reach this server (temp file URLs); default its own URL. */
  publicUrl?: string;
  /** Deploy units to host; default `cloudfunctions/`. */
  functionsDir?: string;
  maxInstancesPerFunction?: number;
  /** Variables for every function instance (e.g. subscription template ids). */
  functionEnv?: Record<string, string>;
  /** Fire the functions' timer triggers (config.json `triggers`) on their schedule; `npm start` does. */
  timers?: boolean;
  /**
   * Lets a caller on another machine use `/admin` and `/_emulator/*` when it sends this in
   * `X-Emulator-Token`; without it those routes answer this machine only (http/callers.ts).
   */
  operatorToken?: string;
}

export interface RunningEmulator {
  /** Base URL: `/functions/<name>` for the mini-program and curl. */
  url: string;
  /** For `tcb.init({ env, serviceUrl, secretId, secretKey })`. */
  serviceUrl: string;
  envId: string;
  port: number;
  functions: FunctionHost;
  /** The timer triggers being fired (none unless `timers` was set). */
  timerTriggers: readonly TimerTrigger[];
  close(): Promise<void>;
}

/** The whole local back end on one port: CloudBase's `/admin` API and the function host. */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  let serviceUrl = '';
  const functionsDir = options.functionsDir ?? path.join(repoRoot, 'cloudfunctions');
  const functions = createFunctionHost({
    functionsDir,
    envId: LOCAL_ENV_ID,
    appId: LOCAL_APP_ID,
    serviceUrl: () => serviceUrl,
    maxInstances: options.maxInstancesPerFunction,
    extraEnv: options.functionEnv,
  });
  const services = [
    createDatabaseService({ dataDir: options.dataDir }),
    createWxService({
      dataDir: options.dataDir,
      // WeChat's side of the templates, owned by the emulator: an id or key the functions'
      // config gets wrong fails here as it would in WeChat.
      templates: OPERATOR_TEMPLATES,
      permissionsFor: (token) => functions.permissionsFor(token),
    }),
    createStorageService({
      dataDir: options.dataDir,
      envId: LOCAL_ENV_ID,
      publicUrl: () => options.publicUrl ?? serviceUrl.replace(/\/admin$/, ''),
    }),
    functions,
  ];
  const server = await startAdminServer(services, { port: options.port ?? DEFAULT_PORT, host: options.host, operatorToken: options.operatorToken });
  serviceUrl = server.serviceUrl;
  const triggers = options.timers ? timerTriggers(functionsDir, functions.functionNames()) : [];
  const timers = startTimers(functions, triggers);
  const close = async () => {
    timers.stop();
    await server.close();
  };
  return { url: server.url, serviceUrl, envId: LOCAL_ENV_ID, port: server.port, functions, timerTriggers: triggers, close };
}
