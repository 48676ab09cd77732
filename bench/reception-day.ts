/**
 * Item 3 — a reception day: 32 clients at once submitting cases for 30 s through the function
 * host (POST /functions/case, case.submit), each submission from a resident not seen before
 * (the per-resident limit is 3 a minute) with its own text (identical text is refused), spread
 * over the district's stations. Then the ledger: every accepted submission has its case and
 * first event, and the store holds no case nobody was told about (none lost, none duplicated).
 * And what bounds it: the round trips a submission makes (the emulator's request counter over
 * the whole load), the CPU a case costs in the function instances and in this process (the
 * emulator, the function host and the 32 clients share its one thread), and how busy each was.
 */
import os from 'node:os';
import { shanghaiDate } from '../backend/domain/calendar';
import { seedDatabase } from '../scripts/seed/seed-database';
import { startBenchBackend, type BenchBackend } from './backend';
import { cpuSince, cpuSnapshot, type CpuSpent } from './cpu';
import { progress } from './log';
import { countRoundTrips, type Counted } from './round-trips';
import { ms, percentile } from './stats';
import type { BenchRow } from './types';

const CLIENTS = 32;
const DURATION_MS = 30_000;
const OPENID_PREFIX = 'obench-load-';
const BUDGET_PER_S = 300;

interface Accepted {
  caseId: string;
  receiptNo: string;
}

/** `instances`: the host's warm instances per function (CloudBase scales further than the local default 4). */
export async function receptionDayRows(instances?: number): Promise<BenchRow[]> {
  const backend = await startBenchBackend({ maxInstancesPerFunction: instances });
  try {
    await seedDatabase(backend.db, { today: shanghaiDate(new Date()) });
    const { data } = await backend.db.collection('stations').field({ _id: true }).limit(1000).get();
    const stations = (data as { _id: string }[]).map((s) => s._id);
    const accepted: Accepted[] = [];
    const refused = new Map<string, number>();
    const latencies: number[] = [];
    let end = 0;
    const client = async (c: number) => {
      for (let n = 0; performance.now() < end; n += 1) {
        const t0 = performance.now();
        const answer = await backend.call('case', submission(c, n, stations[(c * 7 + n) % stations.length]), `${OPENID_PREFIX}${c}-${n}`).catch((error: Error) => ({
          ok: false,
          error: { code: `THREW ${error.message.slice(0, 80)}` },
        }));
        latencies.push(performance.now() - t0);
        if (answer.ok) accepted.push(answer.data as Accepted);
        else refused.set(answer.error.code, (refused.get(answer.error.code) ?? 0) + 1);
      }
    };
    let cpu: CpuSpent | undefined;
    const trips = await countRoundTrips(backend, async () => {
      const before = cpuSnapshot();
      end = performance.now() + DURATION_MS;
      await Promise.all(Array.from({ length: CLIENTS }, (_x, c) => client(c)));
      cpu = cpuSince(before);
    });
    const elapsedS = cpu!.wallMs / 1000;
    const perSecond = accepted.length / elapsedS;
    progress(`3. ${accepted.length} accepted in ${elapsedS.toFixed(1)} s; checking the store`);
    const ledger = await checkLedger(backend, accepted);
    const refusals = [...refused].map(([code, n]) => `${n} ${code}`).join(', ');
    return [
      {
        item: `3. reception day: ${CLIENTS} clients × ${DURATION_MS / 1000} s, case.submit${instances ? ` (${instances} instances)` : ''}`,
        measured: `${perSecond.toFixed(0)} cases/s (${accepted.length} cases), p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}${refusals ? `; refused: ${refusals}` : ''}`,
        budget: `≥ ${BUDGET_PER_S} cases/s on 2 cores`,
        ok: perSecond >= BUDGET_PER_S,
      },
      {
        item: '3. reception day: what bounds it',
        measured: bounds(cpu!, trips, accepted.length + [...refused.values()].reduce((a, b) => a + b, 0)),
        budget: '',
      },
      {
        item: '3. reception day: none lost or duplicated',
        measured: ledger.problems.length
          ? ledger.problems.join('; ')
          : `${ledger.cases} cases and ${ledger.events} first events for ${accepted.length} receipts, all distinct`,
        budget: 'every receipt has its one case',
        ok: ledger.problems.length === 0,
      },
    ];
  } finally {
    await backend.close();
  }
}

/**
 * Per call: round trips and CPU; then which resource ran out. This process runs on one thread,
 * so near 1 core busy it is the bound whatever the other core does; near every core busy the
 * machine is; neither means the calls wait on each other (conflicts, retries, locks).
 */
function bounds(cpu: CpuSpent, trips: Counted, calls: number): string {
  const cores = os.cpus().length;
  const per = (value: number) => ms(value / Math.max(1, calls));
  const top = Object.entries(trips.byAction)
    .sort(([, a], [, b]) => b - a)
    .map(([action, n]) => `${action.replace(/^database\./, '')} ${(n / Math.max(1, calls)).toFixed(1)}`)
    .join(', ');
  const selfBusy = cpu.selfMs / cpu.wallMs;
  const allBusy = cpu.totalMs / cpu.wallMs;
  const machineBusy = cpu.machineMs === undefined ? undefined : cpu.machineMs / cpu.wallMs;
  const others = machineBusy === undefined ? '' : `, the machine ${machineBusy.toFixed(2)} (others ${Math.max(0, machineBusy - allBusy).toFixed(2)})`;
  const verdict =
    selfBusy >= 0.9
      ? 'the emulator + host process is saturated (one thread)'
      : (machineBusy ?? allBusy) >= 0.9 * cores
        ? `the ${cores} cores are saturated${machineBusy !== undefined && machineBusy - allBusy > 0.2 ? ', partly by other work on the machine' : ''}`
        : 'no CPU saturated: the calls wait (on conflicts, retries or each other)';
  const perCall = Math.max(1, calls);
  const ceiling =
    cpu.childrenMs === undefined
      ? ''
      : `; at this CPU a call, ${cores} cores top out near ${((cores * 1000) / (cpu.totalMs / perCall)).toFixed(0)} calls/s ` +
        `(this process's one thread alone near ${(1000 / (cpu.selfMs / perCall)).toFixed(0)})`;
  return (
    `${(trips.total / Math.max(1, calls)).toFixed(1)} round trips a call (${top}); CPU a call ${per(cpu.totalMs)}: ` +
    `function instances ${cpu.childrenMs === undefined ? 'n/a' : per(cpu.childrenMs)}, emulator + host + clients ${per(cpu.selfMs)}; ` +
    `busy: this process ${selfBusy.toFixed(2)} core, with its instances ${allBusy.toFixed(2)} of ${cores} cores${others} — ${verdict}${ceiling}`
  );
}

function submission(client: number, n: number, stationId: string) {
  return {
    action: 'submit',
    requestId: `bench-${client}-${n}-${Date.now().toString(36)}`,
    stationId,
    category: 'help',
    title: `接待日反映：${client}号窗口第${n}件`,
    content: `小区${client}栋${n}单元门口的路灯坏了，晚上出行不便，希望有关部门尽快维修（接待日第${client}-${n}件）。`,
  };
}

async function checkLedger(backend: BenchBackend, accepted: Accepted[]): Promise<{ cases: number; events: number; problems: string[] }> {
  const db = backend.db;
  const _ = db.command;
  const problems: string[] = [];
  const ids = accepted.map((a) => a.caseId);
  if (new Set(ids).size !== ids.length) problems.push(`${ids.length - new Set(ids).size} case ids answered twice`);
  const receipts = new Set(accepted.map((a) => a.receiptNo));
  if (receipts.size !== accepted.length) problems.push(`${accepted.length - receipts.size} receipt numbers given twice`);
  let found = 0;
  let events = 0;
  // A case carries its timeline (data/cases.ts): its first event is seq 1, `submitted`.
  for (let i = 0; i < ids.length; i += 1000) {
    const page = ids.slice(i, i + 1000);
    const cases = await db
      .collection('cases')
      .where({ _id: _.in(page) })
      .field({ _id: true, timeline: true })
      .limit(1000)
      .get();
    found += cases.data.length;
    for (const doc of cases.data as { timeline?: { seq: number; kind: string }[] }[]) {
      if (doc.timeline?.some((event) => event.seq === 1 && event.kind === 'submitted')) events += 1;
    }
  }
  if (found !== ids.length) problems.push(`${ids.length - found} accepted cases missing from the store`);
  if (events !== ids.length) problems.push(`${events} first events for ${ids.length} cases`);
  // Every case of the bench's residents, answered or not: more than answered means a duplicate.
  const stored = await db
    .collection('cases')
    .where({ ownerOpenid: db.RegExp({ regexp: `^${OPENID_PREFIX}` }) })
    .count();
  if (stored.total !== ids.length) problems.push(`${stored.total} cases stored for ${ids.length} accepted submissions`);
  return { cases: stored.total, events, problems };
}
