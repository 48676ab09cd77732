import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { createFunctionHost, FunctionHost } from '../../emulator/functions/host';
import { AdminServer, startAdminServer } from '../../emulator/server';

const fixtures = path.join(__dirname, '../fixtures/functions');

/** Bundles a fixture exactly as deploy units are bundled: one CommonJS file with the SDK inside. */
function deploy(functionsDir: string, name: string, source = name): void {
  const out = path.join(functionsDir, name);
  fs.mkdirSync(out, { recursive: true });
  buildSync({
    entryPoints: [path.join(fixtures, source, 'index.ts')],
    outfile: path.join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    logLevel: 'error',
  });
  fs.copyFileSync(path.join(fixtures, source, 'config.json'), path.join(out, 'config.json'));
}

async function post(url: string, body: unknown, openid?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('local function host', () => {
  let functionsDir: string;
  let host: FunctionHost;
  let server: AdminServer;

  beforeAll(async () => {
    functionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fn-host-'));
    for (const name of ['echo', 'caller', 'faulty']) deploy(functionsDir, name);
    let serviceUrl = '';
    host = createFunctionHost({ functionsDir, envId: 'local-dev', appId: 'wx-test-app', serviceUrl: () => serviceUrl, maxInstances: 3 });
    server = await startAdminServer([host]);
    serviceUrl = server.serviceUrl;
  });

  afterAll(async () => {
    await server.close();
  });

  it('gives the function the caller named in X-WX-OPENID, and the runtime CloudBase sets', async () => {
    const { status, body } = await post(`${server.url}/functions/echo`, { tag: 'a' }, 'o-resident-1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ openid: 'o-resident-1', appid: 'wx-test-app', tag: 'a', tz: 'UTC', env: 'local-dev' });
  });

  it('treats a call without X-WX-OPENID as anonymous', async () => {
    const { body } = await post(`${server.url}/functions/echo`, {});
    expect(body.openid).toBe('');
  });

  it('injects userInfo into the event of a mini-program call, as CloudBase does, over whatever the client sent', async () => {
    const { body } = await post(`${server.url}/functions/echo`, { tag: 'u', userInfo: { openId: 'o-forged', appId: 'wx-forged' } }, 'o-resident-1');
    expect(body.event).toEqual({ tag: 'u', userInfo: { appId: 'wx-test-app', openId: 'o-resident-1' } });
    expect(body).toMatchObject({ openid: 'o-resident-1', source: 'wx_client', triggerSrc: '' });
  });

  it('gives a call from outside WeChat SOURCE wx_http, no user, and the event as sent', async () => {
    const { body } = await post(`${server.url}/functions/echo`, { tag: 'h' });
    expect(body).toMatchObject({ openid: '', source: 'wx_http', event: { tag: 'h' } });
    expect(body.event.userInfo).toBeUndefined();
  });

  it("fires a declared timer trigger with CloudBase's event, SOURCE wx_trigger, and the clock at its time", async () => {
    const time = '2031-03-04T03:00:00.000Z';
    const { status, body } = await post(`${server.url}/_emulator/timers/echo`, { trigger: 'beat', time });
    expect(status).toBe(200);
    expect(body).toMatchObject({ openid: '', source: 'wx_trigger', triggerSrc: 'timer', event: { Type: 'Timer', TriggerName: 'beat', Time: time, Message: '' } });
    expect(Math.abs(Date.parse(body.now) - Date.parse(time))).toBeLessThan(5_000);
    // The next call on the same warm instance is back on real time.
    const after = await post(`${server.url}/functions/echo`, {}, 'o-a');
    expect(Math.abs(Date.parse(after.body.now) - Date.now())).toBeLessThan(5_000);
    expect((await post(`${server.url}/_emulator/timers/echo`, { trigger: 'other' })).status).toBe(404);
  });

  it('passes SOURCE down a chain of functions: wx_client,scf', async () => {
    const { body } = await post(`${server.url}/functions/caller`, { target: 'echo', data: { tag: 'chain' } }, 'o-resident-3');
    expect(body.callee).toMatchObject({ source: 'wx_client,scf', openid: '', event: { tag: 'chain' } });
  });

  it('keeps every concurrent caller in their own context, on a bounded number of warm instances', async () => {
    const calls = Array.from({ length: 12 }, (_, i) => post(`${server.url}/functions/echo`, { sleepMs: 40, tag: `t${i}` }, `o-user-${i}`));
    const answers = await Promise.all(calls);
    answers.forEach(({ body }, i) => expect(body).toMatchObject({ openid: `o-user-${i}`, tag: `t${i}` }));
    const pids = new Set(answers.map(({ body }) => body.pid));
    expect(pids.size).toBeGreaterThan(1);
    expect(pids.size).toBeLessThanOrEqual(3);
  });

  it('reuses warm instances: module state survives between calls', async () => {
    await post(`${server.url}/functions/echo`, {}, 'o-a');
    const second = await post(`${server.url}/functions/echo`, {}, 'o-a');
    expect(second.body.calls).toBeGreaterThan(1);
  });

  it('lets a function call another through the SDK; the callee has no end-user identity', async () => {
    const { status, body } = await post(`${server.url}/functions/caller`, { target: 'echo', data: { tag: 'nested' } }, 'o-resident-2');
    expect(status).toBe(200);
    expect(body.me).toBe('o-resident-2');
    expect(body.callee).toMatchObject({ tag: 'nested', openid: '' });
  });

  it("fails a function-to-function call to a missing function with CloudBase's error", async () => {
    const { status, body } = await post(`${server.url}/functions/caller`, { target: 'nope', data: {} });
    expect(status).toBe(500);
    expect(body.message).toMatch(/function "nope" does not exist/);
  });

  it('answers 404 for an unknown function and 500 for a function that throws', async () => {
    expect((await post(`${server.url}/functions/missing`, {})).status).toBe(404);
    const thrown = await post(`${server.url}/functions/faulty`, { mode: 'throw' });
    expect(thrown).toMatchObject({ status: 500, body: { code: 'FUNCTIONS_EXECUTE_FAIL' } });
    expect(thrown.body.message).toMatch(/deliberate failure/);
  });

  it('stops a function at its config.json timeout and recovers from a crashed instance', async () => {
    const hung = await post(`${server.url}/functions/faulty`, { mode: 'hang' });
    expect(hung).toMatchObject({ status: 504, body: { code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED' } });
    const crashed = await post(`${server.url}/functions/faulty`, { mode: 'exit' });
    expect(crashed.status).toBe(500);
    const after = await post(`${server.url}/functions/faulty`, { mode: 'throw' });
    expect(after.body.message).toMatch(/deliberate failure/);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const res = await fetch(`${server.url}/functions/echo`, { method: 'POST', body: '{not json' });
    expect(res.status).toBe(400);
  });

  describe('a call that cannot be delivered or answered never leaves an instance busy', () => {
    /** `{"action":"submit","a":[[[…]]]}`: valid JSON whose arrays nest `depth` levels inside the event. */
    const deepBody = (depth: number) => `{"action":"submit","a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const deepValue = (depth: number) => {
      let value: unknown[] = [];
      for (let i = 1; i < depth; i += 1) value = [value];
      return value;
    };
    const postRaw = async (url: string, body: string): Promise<{ status: number; body: any }> => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-attacker' }, body });
      return { status: res.status, body: await res.json() };
    };
    /** Every warm instance and a few more: each must answer at once, none "busy". */
    const normalCallsSucceed = async (count = 8) => {
      const answers = await Promise.all(Array.from({ length: count }, (_, i) => post(`${server.url}/functions/echo`, { tag: `after-${i}` }, 'o-after')));
      expect(answers.map((a) => a.status)).toEqual(Array(count).fill(200));
      answers.forEach((a, i) => expect(a.body.tag).toBe(`after-${i}`));
    };

    it('refuses a 400 KB body nested 200,000 deep over HTTP with 400 JSON_TOO_DEEP, and every call right after succeeds', async () => {
      const started = Date.now();
      const attack = await postRaw(`${server.url}/functions/echo`, deepBody(200_000));
      expect(attack).toEqual({ status: 400, body: { code: 'JSON_TOO_DEEP', message: expect.stringMatching(/deeper than 100/) } });
      await normalCallsSucceed();
      // Again and again, as an attacker would every few seconds: still nobody is refused.
      for (let round = 0; round < 3; round += 1) {
        expect((await postRaw(`${server.url}/functions/echo`, deepBody(200_000))).status).toBe(400);
        await normalCallsSucceed(4);
      }
      expect(Date.now() - started).toBeLessThan(5_000); // never waited for a timeout
    });

    it('takes a body nested 100 deep (the event object included) and refuses 101', async () => {
      // The event is level 1 and "a" adds `depth` levels.
      const ok = await postRaw(`${server.url}/functions/echo`, deepBody(99));
      expect(ok.status).toBe(200);
      expect(JSON.stringify(ok.body.event.a)).toBe('['.repeat(99) + ']'.repeat(99));
      expect((await postRaw(`${server.url}/functions/echo`, deepBody(100))).body.code).toBe('JSON_TOO_DEEP');
      // Brackets inside strings are text, not nesting.
      const text = await post(`${server.url}/functions/echo`, { tag: '['.repeat(5000) + '{"x":"\\"' });
      expect(text.status).toBe(200);
    });

    it('refuses a body over 6 MB with 413 PAYLOAD_TOO_LARGE, and takes one just under it', async () => {
      const big = await postRaw(`${server.url}/functions/echo`, JSON.stringify({ tag: 'x'.repeat(6 * 1024 * 1024) }));
      expect(big).toEqual({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/6 MB/) } });
      const under = await postRaw(`${server.url}/functions/echo`, JSON.stringify({ tag: 'y'.repeat(6 * 1024 * 1024 - 100) }));
      expect(under.status).toBe(200);
      await normalCallsSucceed();
    });

    it('settles a direct invoke whose event cannot be serialised, at once, and keeps serving', async () => {
      const started = Date.now();
      const outcomes = await Promise.all([1, 2, 3].map(() => host.invoke('echo', { a: deepValue(200_000) }, { TCB_SOURCE: 'wx_http' })));
      for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: expect.stringMatching(/could not be delivered/) });
      expect(Date.now() - started).toBeLessThan(2_000);
      await normalCallsSucceed();
    });

    it('answers a function whose result cannot be serialised in the instance with 500, and the instance serves the next call', async () => {
      const before = await post(`${server.url}/functions/faulty`, { mode: 'pid' });
      const deep = await post(`${server.url}/functions/faulty`, { mode: 'deep-result' });
      expect(deep).toMatchObject({ status: 500, body: { code: 'FUNCTIONS_EXECUTE_FAIL', message: expect.stringMatching(/call stack/) } });
      const after = await post(`${server.url}/functions/faulty`, { mode: 'pid' });
      expect(after.status).toBe(200);
      expect(after.body.pid).toBe(before.body.pid);
    });

    it('answers a function that throws something the runner cannot describe, without waiting for the timeout', async () => {
      const answer = await post(`${server.url}/functions/faulty`, { mode: 'unspeakable' });
      // Not FUNCTIONS_TIME_LIMIT_EXCEEDED, what a call that waited out faulty's 1 s timeout answers
      // (no stopwatch: a busy machine can take 900 ms to answer at once).
      expect(answer).toMatchObject({ status: 500, body: { code: 'FUNCTIONS_EXECUTE_FAIL' } });
      expect((await post(`${server.url}/functions/faulty`, { mode: 'pid' })).status).toBe(200);
    });

    it('settles a call to an instance killed between calls, and the next call gets a fresh one', async () => {
      const { body } = await post(`${server.url}/functions/faulty`, { mode: 'pid' });
      process.kill(body.pid, 'SIGKILL');
      const answers = await Promise.all(Array.from({ length: 4 }, () => post(`${server.url}/functions/faulty`, { mode: 'pid' })));
      // The killed instance may be picked before its exit is seen: that call fails, the rest do not wait.
      expect(answers.filter((a) => a.status !== 200).length).toBeLessThanOrEqual(1);
      for (const answer of answers) if (answer.status === 200) expect(answer.body.pid).not.toBe(body.pid);
      expect((await post(`${server.url}/functions/faulty`, { mode: 'pid' })).status).toBe(200);
    });
  });

  it('serves a rebuilt bundle without a restart', async () => {
    deploy(functionsDir, 'echo', 'caller'); // echo now runs caller's code
    const { body } = await post(`${server.url}/functions/echo`, { target: 'faulty', data: { mode: 'throw' } });
    expect(body.pid).toBeUndefined();
    expect(body.message).toMatch(/deliberate failure/);
  });
});
