import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { CloudBaseError, EmulatorService, HttpAnswer, RouteRequest } from '../types';
import { FunctionPool } from './function-pool';
import type { InvokeOutcome } from './instance';
import { deliveredEvent } from './delivered-event';
import type { WxContext } from './protocol';
import { TCB_CONTEXT_KEYS, WX_CONTEXT_KEYS } from './protocol';
import { compiledRunnerPath } from './runner-build';
import { timerContext, timerEvent, timerTriggers } from './timer-triggers';

/**
 * What the host takes as a function's event over HTTP. 6 MB is CloudBase's own limit on a
 * function call's request (SCF `Invoke` events, CloudBase's EXCEED_MAX_PAYLOAD_SIZE), so
 * nothing the cloud would deliver is refused here. CloudBase documents no nesting limit for
 * events; its database stores nothing deeper than 100 levels, and an event nested far
 * deeper (valid JSON, 400 KB) overflows the stack of whoever re-serialises it for the instance.
 */
export const FUNCTION_EVENT_LIMITS = { maxBytes: 6 * 1024 * 1024, maxDepth: 100 } as const;

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
  /** One call with the context CloudBase would give it; `clockAt` is the emulator's clock seam (see shifted-clock). */
  invoke(name: string, event: unknown, wxContext: WxContext, clockAt?: number): Promise<InvokeOutcome | undefined>;
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
      TCB_CONTEXT_KEYS: ['TCB_ENV', ...TCB_CONTEXT_KEYS].join(','),
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

  async function invoke(name: string, event: unknown, wxContext: WxContext, clockAt?: number): Promise<InvokeOutcome | undefined> {
    return pool(name)?.invoke(event, wxContext, randomUUID(), clockAt);
  }

  /**
   * With X-WX-OPENID the call is the mini-program's (`wx.cloud.callFunction`): SOURCE
   * `wx_client`, and `userInfo` injected into the event as CloudBase does. Without it the
   * call comes from outside WeChat (its HTTP API): SOURCE `wx_http`, no user.
   */
  async function invokeOverHttp(_query: URLSearchParams, body: unknown, request: RouteRequest): Promise<unknown> {
    const name = request.rest;
    const openid = headerValue(request.headers['x-wx-openid']);
    const appid = headerValue(request.headers['x-wx-appid']) ?? options.appId;
    const wxContext: WxContext = openid
      ? { WX_OPENID: openid, WX_APPID: appid, WX_CLIENTIP: '127.0.0.1', TCB_SOURCE: 'wx_client' }
      : { WX_APPID: appid, TCB_SOURCE: 'wx_http' };
    return httpAnswer(name, await invoke(name, deliveredEvent(body ?? {}, wxContext), wxContext));
  }

  /**
   * The emulator's seam for tests and operators (CloudBase has no such route): fire one of a
   * function's own timer triggers now, or as if it were `time` — the instance's clock then
   * reads `time` too, as it would when the timer really fires then. Body: `{ trigger, time? }`.
   */
  async function fireTimer(_query: URLSearchParams, body: unknown, request: RouteRequest): Promise<unknown> {
    const name = request.rest;
    const { trigger, time, clockAt } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const declared = timerTriggers(options.functionsDir, functionNames()).find((t) => t.functionName === name && t.name === trigger);
    if (!declared) return new HttpAnswer(404, { code: 'TRIGGER_NOT_FOUND', message: `function "${name}" declares no timer trigger "${String(trigger)}"` });
    const at = time === undefined ? new Date() : new Date(String(time));
    if (Number.isNaN(at.getTime())) return new HttpAnswer(400, { code: 'INVALID_TIME', message: 'time must be an ISO 8601 instant' });
    // `clockAt` lets a test fire a timer whose Time is far from the instance's clock (which CloudBase never does).
    const clock = clockAt === undefined ? at.getTime() : new Date(String(clockAt)).getTime();
    return httpAnswer(name, await invoke(name, timerEvent(declared.name, at), timerContext(), clock));
  }

  function httpAnswer(name: string, outcome: InvokeOutcome | undefined): unknown {
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
      // A function calling another through the SDK (`app.callFunction`): no end-user context;
      // SOURCE follows the chain (the SDK sends its caller's as X-TCB-Source: "wx_client,scf").
      'functions.invokeFunction': async (req, meta) => {
        const name = String(req.function_name ?? '');
        const event = typeof req.request_data === 'string' && req.request_data ? JSON.parse(req.request_data) : {};
        const outcome = await invoke(name, event, { TCB_SOURCE: calleeSource(headerValue(meta?.headers['x-tcb-source'])) });
        if (!outcome) throw new CloudBaseError('FUNCTIONS_NOT_EXIST', `function "${name}" does not exist`);
        if (!outcome.ok) throw new CloudBaseError(outcome.code, outcome.message);
        return { data: { response_data: JSON.stringify(outcome.value) } };
      },
    },
    routes: [
      { method: 'POST', path: '/functions/*', handle: invokeOverHttp, maxBodyBytes: FUNCTION_EVENT_LIMITS.maxBytes, maxJsonDepth: FUNCTION_EVENT_LIMITS.maxDepth },
      { method: 'POST', path: '/_emulator/timers/*', handle: fireTimer, maxBodyBytes: FUNCTION_EVENT_LIMITS.maxBytes, maxJsonDepth: FUNCTION_EVENT_LIMITS.maxDepth },
      { method: 'GET', path: '/functions', handle: async () => ({ functions: functionNames() }) },
    ],
    close() {
      for (const p of pools.values()) p.stopAll();
      pools.clear();
    },
  };
}

/** The caller's SOURCE chain plus `scf`, e.g. "wx_client,scf"; a caller that sent none gives "scf". */
function calleeSource(sent: string | undefined): string {
  const chain = (sent ?? '').split(',').filter(Boolean);
  return chain[chain.length - 1] === 'scf' ? chain.join(',') : [...chain, 'scf'].join(',');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return single ? single : undefined;
}
