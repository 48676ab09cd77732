import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { CloudBaseApp } from '../../backend/platform/cloudbase';
import { decodeOpenApiResponse, encodeOpenApiRequest, jsonPairs } from '../../backend/platform/wx-openapi-wire';
import { AdminServer, startAdminServer } from '../../emulator/server';
import { createWxService, type WxServiceOptions } from '../../emulator/wx';

/**
 * A WeChat emulator on a free port and a real @cloudbase/node-sdk app pointed at it, plus
 * the control routes a test needs. `restart()` starts a new emulator on the same data.
 */
export interface WxHarness {
  app: CloudBaseApp;
  server: AdminServer;
  dataDir: string;
  grant(openid: string, templateId: string, count?: number): Promise<void>;
  route(method: 'GET' | 'POST' | 'DELETE', route: string, body?: unknown): Promise<{ status: number; body: any }>;
  sent(query?: { openid?: string; templateId?: string }): Promise<any[]>;
  restart(): Promise<WxHarness>;
  close(): Promise<void>;
}

export const APP_JSON_FIXTURE = { pages: ['pages/stations/index', 'pages/station/index'], subpackages: [{ root: 'case', pages: ['detail/index'] }] };

export async function startWxHarness(options: Partial<WxServiceOptions> = {}, dataDir?: string): Promise<WxHarness> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wx-emulator-'));
  const appJson = options.appJson ?? path.join(dir, 'app.json');
  if (!options.appJson) fs.writeFileSync(appJson, JSON.stringify(APP_JSON_FIXTURE));
  const server = await startAdminServer([createWxService({ ...options, dataDir: dir, appJson })]);
  const app = tcb.init({ env: 'local-dev', serviceUrl: server.serviceUrl });

  const route: WxHarness['route'] = async (method, routePath, body) => {
    const res = await fetch(`${server.url}/_emulator/wx/${routePath}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };

  const harness: WxHarness = {
    app,
    server,
    dataDir: dir,
    route,
    async grant(openid, templateId, count = 1) {
      const { status, body } = await route('POST', 'subscriptions', { openid, templateId, count });
      if (status !== 200) throw new Error(`grant failed: ${JSON.stringify(body)}`);
    },
    async sent(query = {}) {
      const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][]);
      return (await route('GET', `sent?${params}`)).body.sent;
    },
    async restart() {
      await server.close();
      return startWxHarness({ ...options, appJson }, dir);
    },
    close: () => server.close(),
  };
  return harness;
}

/** One `wx.openApi` call as wx-server-sdk makes it; the answer decoded from protobuf. */
export async function callOpenApi(app: CloudBaseApp, apiName: string, params: Record<string, unknown>) {
  const raw: unknown = await app.callCompatibleWxOpenApi({ apiName, requestData: encodeOpenApiRequest(jsonPairs(params)) });
  if (!Buffer.isBuffer(raw)) throw new Error(`expected protobuf bytes, got ${JSON.stringify(raw)}`);
  const response = decodeOpenApiResponse(raw);
  const isJson = response.contentType.startsWith('application/json');
  return { ...response, json: isJson ? (JSON.parse(response.respData.toString('utf8')) as any) : undefined };
}

/** One `wx.api` call (callWxOpenApi): WeChat's JSON body as the SDK parses it. */
export async function callJsonApi(app: CloudBaseApp, apiName: string, params: Record<string, unknown>): Promise<any> {
  return (await app.callWxOpenApi({ apiName, requestData: params })).result;
}

/** What a scanner reads from a PNG. */
export function scanPng(png: Buffer): { text: string; width: number; height: number } | null {
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height);
  return code ? { text: code.data, width: image.width, height: image.height } : null;
}
