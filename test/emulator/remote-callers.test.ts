/**
 * `HOST=0.0.0.0` puts the port on the LAN. Called through this machine's own LAN address (so
 * the server sees a non-loopback caller), `/admin` and `/_emulator/*` are refused without the
 * operator's token, and everything a phone needs in local mode still answers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { startEmulator, type RunningEmulator } from '../../emulator';

const fixtures = path.join(__dirname, '../fixtures/functions');
const TOKEN = 'operator-token-for-tests';

/** A non-internal IPv4 address of this machine, if it has one. */
const lanAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

function deploy(functionsDir: string, name: string): void {
  const out = path.join(functionsDir, name);
  fs.mkdirSync(out, { recursive: true });
  buildSync({
    entryPoints: [path.join(fixtures, name, 'index.ts')],
    outfile: path.join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    logLevel: 'error',
  });
  fs.copyFileSync(path.join(fixtures, name, 'config.json'), path.join(out, 'config.json'));
}

(lanAddress ? describe : describe.skip)(`the emulator on 0.0.0.0, called from ${lanAddress ?? 'the LAN (no LAN address here)'}`, () => {
  let emulator: RunningEmulator;
  let lan: string;
  let local: string;

  beforeAll(async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'remote-callers-'));
    const functionsDir = path.join(root, 'functions');
    for (const name of ['echo', 'caller']) deploy(functionsDir, name);
    emulator = await startEmulator({ dataDir: path.join(root, 'data'), functionsDir, port: 0, host: '0.0.0.0', operatorToken: TOKEN });
    lan = `http://${lanAddress}:${emulator.port}`;
    local = `http://127.0.0.1:${emulator.port}`;
  }, 30_000);
  afterAll(() => emulator?.close());

  async function call(base: string, method: string, route: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
    const res = await fetch(`${base}${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...options.headers },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  // Three entries in every row: with fewer, jest would hand the test a `done` callback as `body`.
  const operatorRoutes: [string, string, unknown][] = [
    ['POST', '/admin', { action: 'database.listCollections' }],
    ['GET', '/_emulator/database/digest', undefined],
    ['POST', '/_emulator/timers/echo', { trigger: 'beat' }],
    ['GET', '/_emulator/wx/sent', undefined],
    ['DELETE', '/_emulator/wx/sent', undefined],
    ['GET', '/_emulator/wx/subscriptions?openid=o-someone', undefined],
    ['GET', '/_emulator/wx/faults', undefined],
    ['GET', '/_emulator/storage/files', undefined],
  ];

  it.each(operatorRoutes)('refuses %s %s from the LAN without the token, or with a wrong one', async (method, route, body) => {
    const refused = { status: 403, body: { code: 'PERMISSION_DENIED', message: expect.stringContaining('X-Emulator-Token'.toLowerCase()) } };
    expect(await call(lan, method, route, { body })).toEqual(refused);
    expect(await call(lan, method, route, { body, headers: { 'x-emulator-token': 'guess' } })).toEqual(refused);
  });

  it.each(operatorRoutes)('serves %s %s from the LAN with the token, and from this machine without it', async (method, route, body) => {
    expect((await call(lan, method, route, { body, headers: { 'x-emulator-token': TOKEN } })).status).toBe(200);
    expect((await call(local, method, route, { body })).status).toBe(200);
  });

  it("keeps what a phone calls in local mode open: functions, uploads, signed file URLs, WeChat's consent", async () => {
    const fn = await call(lan, 'POST', '/functions/echo', { body: { tag: 'phone' }, headers: { 'x-wx-openid': 'o-phone' } });
    expect(fn).toMatchObject({ status: 200, body: { tag: 'phone', openid: 'o-phone' } });
    expect(await call(lan, 'GET', '/functions')).toEqual({ status: 200, body: { functions: ['caller', 'echo'] } });
    const consent = await call(lan, 'POST', '/_emulator/wx/subscriptions', { body: { openid: 'o-phone', templateId: 'LOCAL-PLACEHOLDER-caseStatusChanged' } });
    expect(consent.status).toBe(200);
    // The storage routes answer with their own checks (no caller, no signature), not the operator's refusal.
    const upload = await call(lan, 'POST', '/storage/upload');
    expect(upload.body.code).not.toBe('PERMISSION_DENIED');
    expect(upload.status).toBe(401);
    const file = await fetch(`${lan}/storage/files/cases/2026/11/0123456789abcdef0123456789abcdef.png?sign=x&t=1`);
    expect(file.status).toBe(403);
    expect(await file.text()).toMatch(/AccessDenied/);
  });

  it('lets a function reach /admin through the SDK while its caller is on the LAN', async () => {
    // caller → app.callFunction → POST /admin from the instance, on loopback.
    const { status, body } = await call(lan, 'POST', '/functions/caller', { body: { target: 'echo', data: { tag: 'via-admin' } }, headers: { 'x-wx-openid': 'o-phone' } });
    expect(status).toBe(200);
    expect(body.callee).toMatchObject({ tag: 'via-admin', source: 'wx_client,scf' });
  });
});
