/**
 * Item 3 — a reception day: 32 clients at once submitting cases for 30 s through the function
 * host (POST /functions/case, case.submit), each submission from a resident not seen before
 * (the per-resident limit is 3 a minute) with its own text (identical text is refused), spread
 * over the district's stations. Then the ledger: every accepted submission has its case and
 * first event, and the store holds no case nobody was told about (none lost, none duplicated).
 */
import { shanghaiDate } from '../backend/domain/calendar';
import { seedDatabase } from '../scripts/seed/seed-database';
import { startBenchBackend, type BenchBackend } from './backend';
import { progress } from './log';
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
    const end = performance.now() + DURATION_MS;
    const started = performance.now();
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
    await Promise.all(Array.from({ length: CLIENTS }, (_x, c) => client(c)));
    const elapsedS = (performance.now() - started) / 1000;
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
        item: '3. reception day: none lost or duplicated',
        measured: ledger.problems.length ? ledger.problems.join('; ') : `${ledger.cases} cases and ${ledger.events} first events for ${accepted.length} receipts, all distinct`,
        budget: 'every receipt has its one case',
        ok: ledger.problems.length === 0,
      },
    ];
  } finally {
    await backend.close();
  }
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
  for (let i = 0; i < ids.length; i += 1000) {
    const page = ids.slice(i, i + 1000);
    const cases = await db.collection('cases').where({ _id: _.in(page) }).field({ _id: true }).limit(1000).get();
    found += cases.data.length;
    const firsts = await db.collection('case_events').where({ caseId: _.in(page), seq: 1 }).count();
    events += firsts.total;
  }
  if (found !== ids.length) problems.push(`${ids.length - found} accepted cases missing from the store`);
  if (events !== ids.length) problems.push(`${events} first events for ${ids.length} cases`);
  // Every case of the bench's residents, answered or not: more than answered means a duplicate.
  const stored = await db.collection('cases').where({ ownerOpenid: db.RegExp({ regexp: `^${OPENID_PREFIX}` }) }).count();
  if (stored.total !== ids.length) problems.push(`${stored.total} cases stored for ${ids.length} accepted submissions`);
  return { cases: stored.total, events, problems };
}
