/**
 * The README's promise, end to end: `npm start` brings up the emulator and the function
 * host on a data folder, seeds it once, answers curl-style calls, and keeps its data
 * across a restart.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localCloudbase } from '../scripts/lib/local-sdk';

const repoRoot = path.resolve(__dirname, '..');

interface Started {
  child: ChildProcess;
  output: string;
  hostUrl: string;
  serviceUrl: string;
}

async function startBackend(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (!/serviceUrl\s+(\S+)/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const hostUrl = /function host\s+(\S+)\/functions/.exec(output)![1];
  const serviceUrl = /serviceUrl\s+(\S+)/.exec(output)![1];
  return { child, output, hostUrl, serviceUrl };
}

async function stop(started: Started): Promise<void> {
  const exited = new Promise((resolve) => started.child.once('exit', resolve));
  started.child.kill('SIGTERM');
  await exited;
}

async function callFunction(hostUrl: string, name: string, event: unknown, openid?: string) {
  const res = await fetch(`${hostUrl}/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(openid ? { 'X-WX-OPENID': openid } : {}) },
    body: JSON.stringify(event),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('npm start: the whole local back end', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backend-'));
  let first: Started;

  beforeAll(async () => {
    first = await startBackend(dataDir);
  }, 90_000);

  afterAll(async () => {
    if (first?.child.exitCode === null) await stop(first);
  });

  it('prints the function host URL and the emulator serviceUrl, and seeds the empty folder', () => {
    expect(first.hostUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.serviceUrl).toBe(`${first.hostUrl}/admin`);
    expect(first.output).toMatch(/seeded: .*stations \d+/);
  });

  it('answers a function call for the caller named in X-WX-OPENID', async () => {
    const officer = await callFunction(first.hostUrl, 'user', { action: 'whoami' }, 'odemo-officer');
    expect(officer).toEqual({ status: 200, body: { ok: true, data: { openid: 'odemo-officer', role: 'officer' } } });
    const stranger = await callFunction(first.hostUrl, 'user', { action: 'whoami' }, 'o-someone-new');
    expect(stranger.body.data.role).toBe('resident');
    const anonymous = await callFunction(first.hostUrl, 'user', { action: 'whoami' });
    expect(anonymous.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('finds the nearest seeded stations through the geo index, nearest first', async () => {
    // 华富街道办事处, Futian
    const { body } = await callFunction(first.hostUrl, 'station', { action: 'nearby', latitude: 22.5515, longitude: 114.0775 });
    expect(body.ok).toBe(true);
    const distances = body.data.stations.map((s: { distance: number }) => s.distance);
    expect(distances.length).toBeGreaterThan(3);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances[0]).toBeLessThan(1500);
  });

  it('answers bad input with a stable code and a Chinese message', async () => {
    const { body } = await callFunction(first.hostUrl, 'station', { action: 'nearby', latitude: '22.5', longitude: 114 });
    expect(body).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '纬度必须是数字', field: 'latitude' } });
  });

  it('is reachable from any script with tcb.init({ env, serviceUrl, secretId, secretKey })', async () => {
    const app = localCloudbase(first.serviceUrl);
    const { total } = await app.database().collection('stations').count();
    expect(total).toBeGreaterThanOrEqual(30);
  });

  it('keeps its data across a restart, and seeding again changes nothing', async () => {
    const app = localCloudbase(first.serviceUrl);
    await app.database().collection('users').add({ openid: 'o-kept-across-restart', role: 'resident', createdAt: new Date() });
    const before = await app.database().collection('deputies').count();
    await stop(first);

    const second = await startBackend(dataDir);
    try {
      expect(second.output).not.toMatch(/seeded:/);
      const again = localCloudbase(second.serviceUrl);
      expect(await again.database().collection('deputies').count()).toMatchObject({ total: before.total });
      const { data } = await again.database().collection('users').where({ openid: 'o-kept-across-restart' }).get();
      expect(data).toHaveLength(1);
    } finally {
      await stop(second);
    }
  }, 90_000);
});
