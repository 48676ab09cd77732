/**
 * Item 2 — what a typical read costs end to end: `case.mine` for a resident with 20 cases,
 * POST /functions/case with X-WX-OPENID through the function host (warm instance), the real
 * SDK inside the function and the emulator behind it — against a bare Node HTTP echo on
 * loopback called by the same client the same number of times, alternating call by call.
 * Then what bounds it, in a separate pass of each alone: the round trips one call makes (the
 * emulator's request counter) and the CPU one call spends in the function instance and in
 * this process (emulator, host and client), beside the echo's.
 */
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { shanghaiDate } from '../backend/domain/calendar';
import { seedDatabase } from '../scripts/seed/seed-database';
import { startBenchBackend } from './backend';
import { cpuSince, cpuSnapshot } from './cpu';
import { countRoundTrips } from './round-trips';
import { ms, percentile, ratio, since } from './stats';
import type { BenchRow } from './types';

const CALLS = 300;
/** Calls of each kind alone, for the CPU and round trips of one call. */
const ALONE = 100;
const WARM_UP = 20;
const CASES = 20;
const RESIDENT = 'obench-reader';

export async function callOverheadRows(): Promise<BenchRow[]> {
  const backend = await startBenchBackend();
  const echo = await startEcho();
  try {
    await seedDatabase(backend.db, { today: shanghaiDate(new Date()) });
    await giveCases(backend, RESIDENT, CASES);
    const read = async () => {
      const answer = await backend.call('case', { action: 'mine' }, RESIDENT);
      if (!answer.ok || answer.data.cases.length !== CASES) throw new Error(`case.mine answered ${JSON.stringify(answer).slice(0, 200)}`);
    };
    const body = JSON.stringify({ action: 'mine' });
    const ping = async () => {
      const res = await fetch(`${echo.url}/functions/case`, { method: 'POST', headers: { 'content-type': 'application/json', 'X-WX-OPENID': RESIDENT }, body });
      if ((await res.text()) !== body) throw new Error('the echo did not echo');
    };
    for (let i = 0; i < WARM_UP; i += 1) await Promise.all([read(), ping()]);
    const reads: number[] = [];
    const pings: number[] = [];
    const timed = cpuSnapshot();
    for (let i = 0; i < CALLS; i += 1) {
      let start = performance.now();
      await read();
      reads.push(since(start));
      start = performance.now();
      await ping();
      pings.push(since(start));
    }
    const machine = cpuSince(timed);
    const [r50, r99, e50, e99] = [percentile(reads, 50), percentile(reads, 99), percentile(pings, 50), percentile(pings, 99)];

    const trips = await countRoundTrips(backend, async () => {
      for (let i = 0; i < ALONE; i += 1) await read();
    });
    let cpu = cpuSnapshot();
    for (let i = 0; i < ALONE; i += 1) await read();
    const readCpu = cpuSince(cpu);
    cpu = cpuSnapshot();
    for (let i = 0; i < ALONE; i += 1) await ping();
    const pingCpu = cpuSince(cpu);
    const perCall = (spent: number | undefined) => (spent === undefined ? 'n/a' : ms(spent / ALONE));
    const tripsPerCall = trips.total / ALONE;
    return [
      {
        item: '2. call overhead: case.mine (20 cases) vs loopback echo',
        measured: `case.mine p50 ${ms(r50)}, p99 ${ms(r99)}; echo p50 ${ms(e50)}, p99 ${ms(e99)}; p50 ratio ${ratio(r50 / e50)} (p99 ${ratio(r99 / e99)}; ${CALLS} calls each)`,
        budget: '≤ 5× the echo (p50)',
        ok: r50 <= 5 * e50,
      },
      {
        item: '2. call overhead: what one case.mine spends',
        measured:
          `${tripsPerCall.toFixed(1)} round trips a call (${Object.entries(trips.byAction)
            .map(([a, n]) => `${a.replace(/^database\./, '')} ${(n / ALONE).toFixed(1)}`)
            .join(', ')}); ` +
          `CPU a call ${perCall(readCpu.totalMs)}: function instance ${perCall(readCpu.childrenMs)}, emulator + host + client ${perCall(readCpu.selfMs)} ` +
          `(echo ${perCall(pingCpu.totalMs)}); wall a call ${ms(readCpu.wallMs / ALONE)}, ` +
          `so ≈ ${ms((r50 - e50) / Math.max(1, tripsPerCall + 1))} per hop (function call and round trips) over the echo` +
          (machine.machineMs === undefined
            ? ''
            : `; the machine was ${(machine.machineMs / machine.wallMs).toFixed(2)} of ${os.cpus().length} cores busy during the timed calls`),
        budget: '',
      },
    ];
  } finally {
    await echo.close();
    await backend.close();
  }
}

/**
 * Twenty real cases for one resident: submitted through the function by fresh residents
 * (the rate limit allows 3 a minute each), then handed to the reader.
 */
async function giveCases(backend: Awaited<ReturnType<typeof startBenchBackend>>, openid: string, count: number): Promise<void> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const answer = await backend.call(
      'case',
      {
        action: 'submit',
        requestId: `bench-read-${i}-${Date.now()}`,
        stationId: 'st-ft-hf',
        category: 'help',
        title: `楼道灯不亮 第${i}处`,
        content: `华富村${i}号楼的楼道灯坏了一个多星期，晚上老人上下楼不安全，希望尽快修好（第${i}件）。`,
      },
      `obench-writer-${i}`,
    );
    if (!answer.ok) throw new Error(`case.submit failed: ${JSON.stringify(answer.error)}`);
    ids.push(answer.data.caseId);
  }
  await backend.db
    .collection('cases')
    .where({ _id: backend.db.command.in(ids) })
    .update({ ownerOpenid: openid });
}

async function startEcho(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
