import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { CloudBaseError, EmulatorService, HttpAnswer, RouteRequest } from '../types';
import { FunctionPool } from './function-pool';
import type { InvokeOutcome } from './instance';
import type { WxContext } from './protocol';
import { WX_CONTEXT_KEYS } from './protocol';
import { compiledRunnerPath } from './runner-build';

export interface FunctionHostOptions {
  /** Folder of deploy units, each `<name>/index.js` (+ config.json): `cloudfunctions/`. */
  functionsDir: string;
  /** CloudBase environment id the functions believe they run in. */
  envId: string;
  /** The mini-program's appid given to functions as WX_APPID. */
  appId: string;
  /** The emulator's `/admin` URL; known only once the server listens. */
  serviceUrl: () => string;
  /** Warm instances per function (SCF scales out; here bounded by 2 cores). */
  maxInstances?: number;
  /** Extra variables for every instance (e.g. template ids). */
  extraEnv?: Record<string, string>;
}

export interface FunctionHost extends EmulatorService {
  invoke(name: string, event: unknown, wxContext: WxContext): Promise<InvokeOutcome | undefined>;
  functionNames(): string[];
  /**
   * The open APIs a function's config.json allows, found from the WX_API_TOKEN the SDK
   * sends with each open-API call — how CloudBase knows which function is calling.
   */
  permissionsFor(wxApiToken: string): readonly string[] | undefined;
}

/**
 * Runs the deploy bundles as CloudBase would — each invocation in a warm instance with
 * the caller's WeChat context — and exposes them over HTTP (`POST /functions/<name>`,
 * caller in `X-WX-OPENID`) and to other functions (`functions.invokeFunction`).
 */
export function createFunctionHost(options: FunctionHostOptions): FunctionHost {
  const pools = new Map<string, FunctionPool>();
  const tokenPrefix = `local-api-token-${randomUUID()}:`;

  function functionNames(): string[] {
    if (!fs.existsSync(options.functionsDir)) return [];
    return fs
      .readdirSync(options.functionsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(options.functionsDir, entry.name, 'index.js')))
      .map((entry) => entry.name)
      .sort();
  }

  function baseEnv(): NodeJS.ProcessEnv {
    const { PATH, HOME, LANG } = process.env;
    return {
      PATH,
      HOME,
      LANG,
      // CloudBase functions run in UTC: business code must convert to Asia/Shanghai itself.
      TZ: 'UTC',
      TENCENTCLOUD_RUNENV: 'SCF',
      SCF_NAMESPACE: options.envId,
      TCB_ENV: options.envId,
      TENCENTCLOUD_REGION: 'ap-shanghai',
      TENCENTCLOUD_SECRETID: 'local',
      TENCENTCLOUD_SECRETKEY: 'local',
      // The SDK's own injected-endpoint channel (node-sdk tcbcontext getServerInjectUrl):
      // the functions call `tcb.init({ env })` exactly as in the cloud and reach us.
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: options.serviceUrl() }),
      // WX_API_TOKEN is listed so the SDK forwards it with open-API calls (wxCloudApiToken).
      WX_CONTEXT_KEYS: [...WX_CONTEXT_KEYS, 'WX_API_TOKEN'].join(','),
      SILENCE: 'true',
      ...options.extraEnv,
    };
  }

  function pool(name: string): FunctionPool | undefined {
    if (!/^[A-Za-z0-9_-]{1,60}$/.test(name)) return undefined;
    const deployDir = path.join(options.functionsDir, name);
    if (!fs.existsSync(path.join(deployDir, 'index.js'))) return undefined;
    let existing = pools.get(name);
    if (!existing) {
      existing = new FunctionPool({
        name,
        deployDir,
        runnerPath: compiledRunnerPath(),
        baseEnv: { ...baseEnv(), WX_API_TOKEN: tokenPrefix + name },
        maxInstances: options.maxInstances ?? 4,
      });
      pools.set(name, existing);
    }
    return existing;
  }

  async function invoke(name: string, event: unknown, wxContext: WxContext): Promise<InvokeOutcome | undefined> {
    return pool(name)?.invoke(event, wxContext, randomUUID());
  }

  async function invokeOverHttp(_query: URLSearchParams, body: unknown, request: RouteRequest): Promise<unknown> {
    const name = request.rest;
    const openid = headerValue(request.headers['x-wx-openid']);
    const wxContext: WxContext = {
      WX_OPENID: openid,
      WX_APPID: headerValue(request.headers['x-wx-appid']) ?? options.appId,
      WX_CLIENTIP: '127.0.0.1',
      TCB_SOURCE: 'wx_client',
    };
    const outcome = await invoke(name, body ?? {}, wxContext);
    if (!outcome) return new HttpAnswer(404, { code: 'FUNCTION_NOT_FOUND', message: `no function "${name}"; built: ${functionNames().join(', ')}` });
    if (outcome.ok) return outcome.value;
    return new HttpAnswer(outcome.code === 'FUNCTIONS_TIME_LIMIT_EXCEEDED' ? 504 : 500, { code: outcome.code, message: outcome.message });
  }

  function permissionsFor(wxApiToken: string): readonly string[] | undefined {
    if (!wxApiToken.startsWith(tokenPrefix)) return undefined;
    const file = path.join(options.functionsDir, wxApiToken.slice(tokenPrefix.length), 'config.json');
    if (!fs.existsSync(file)) return [];
    const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { permissions?: { openapi?: string[] } };
    return config.permissions?.openapi ?? [];
  }

  return {
    invoke,
    functionNames,
    permissionsFor,
    actions: {
      // A function calling another through the SDK (`app.callFunction`): no end-user context.
      'functions.invokeFunction': async (req) => {
        const name = String(req.function_name ?? '');
        const event = typeof req.request_data === 'string' && req.request_data ? JSON.parse(req.request_data) : {};
        const outcome = await invoke(name, event, { TCB_SOURCE: 'scf' });
        if (!outcome) throw new CloudBaseError('FUNCTIONS_NOT_EXIST', `function "${name}" does not exist`);
        if (!outcome.ok) throw new CloudBaseError(outcome.code, outcome.message);
        return { data: { response_data: JSON.stringify(outcome.value) } };
      },
    },
    routes: [
      { method: 'POST', path: '/functions/*', handle: invokeOverHttp },
      { method: 'GET', path: '/functions', handle: async () => ({ functions: functionNames() }) },
    ],
    close() {
      for (const p of pools.values()) p.stopAll();
      pools.clear();
    },
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return single ? single : undefined;
}
