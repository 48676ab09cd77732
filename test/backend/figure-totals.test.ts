/**
 * The figures' running totals (`figure_totals`) against a full recount. A random history of
 * cases — submitted, withdrawn, rejected, accepted, assigned, replied, rated, closed, reopened,
 * all through the case function — is folded by scheduler ticks fired at random moments; then
 * every stored total must equal a recount of the stored cases written here: the domain's
 * `tally` for the counts (the definition people read), and this file's own reading of the
 * first-answer scale as docs/api.md states it (the rejection's time taken from the timeline's
 * `rejected` event, not from anything the fold reads). Then scripts/rebuild-figures.ts proves
 * them equal, finds a tampered, a missing and a stray document, and repairs them.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fromCaseDocument } from '../../backend/data/cases';
import { tally } from '../../backend/domain/figures';
import type { Database } from '../../backend/platform/cloudbase';
import { foldChangedCases } from '../../backend/use-cases/figures/fold-totals';
import type { CaseDetail, RatingValue } from '../../typings/case';
import { ADMIN, DEPUTY, DEPUTY_ID, OFFICER, ref, submitted } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';

let backend: Backend;

/** 华富街道's stations that odemo-officer staffs; dp-001 is stationed at the first two. */
const STATIONS = ['st-ft-hf', 'st-ft-hf-01', 'st-ft-hf-02'];
const WITH_DEPUTY = new Set(['st-ft-hf', 'st-ft-hf-01']);
const CASES = 36;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The scale as docs/api.md states it, in hours: each step holds its lower bound; the last is open. */
const BOUNDS = [0, 0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48, 72, 96, 120, 168, 240, 336, 480, 720, Infinity];
const stepOf = (ms: number) => BOUNDS.findIndex((bound, i) => ms >= bound * HOUR && ms < BOUNDS[i + 1] * HOUR);
/** The Shanghai calendar day of an instant (UTC+8, no daylight saving). */
const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10);

let seed = 20_261_206;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

async function fold() {
  const { status, body } = await backend.fireTimer('scheduler', 'tick');
  expect({ status, figures: body?.data?.jobs?.figures?.complete }).toEqual({ status: 200, figures: true });
}

/** A scheduler tick now and then, in the middle of the history: folding must not depend on when it runs. */
const maybeFold = async () => (random() < 0.15 ? fold() : undefined);

const officerSees = (caseId: string): Promise<CaseDetail> => backend.data('case', 'get', { caseId }, OFFICER);

/** One case's random life. */
async function live(index: number): Promise<void> {
  const stationId = STATIONS[index % STATIONS.length];
  const resident = newOpenid();
  const { caseId } = await submitted(backend, resident, { stationId });
  // Submitted up to ~10 weeks ago (the API cannot travel in time): spread over three months.
  const back = Math.floor(random() * 70 * DAY + random() * DAY);
  await backend.db
    .collection('cases')
    .doc(caseId)
    .update({ submittedAt: new Date(Date.now() - back), updatedAt: new Date() });
  await maybeFold();
  const first = random();
  if (first < 0.1) {
    await backend.data('case', 'withdraw', { caseId, version: 1 }, resident);
    return;
  }
  if (first < 0.2) {
    await backend.data('case', 'reject', { ...ref(await officerSees(caseId)), reason: '属于诉讼事项', referral: '请向区人民法院咨询' }, OFFICER);
    return;
  }
  if (first < 0.3) return; // still waiting
  const detail = await backend.data('case', 'accept', ref(await officerSees(caseId)), OFFICER);
  await maybeFold();
  const assigned = WITH_DEPUTY.has(stationId) && random() < 0.6;
  if (assigned) await backend.data('case', 'assign', { ...ref(detail), deputyId: DEPUTY_ID }, OFFICER);
  if (random() < 0.15) return; // in hand
  for (let round = 0; round < 2; round += 1) {
    await backend.data('case', 'reply', { ...ref(await officerSees(caseId)), content: '已联系物业，本周内修复。' }, assigned && random() < 0.5 ? DEPUTY : OFFICER);
    await maybeFold();
    if (random() < 0.2) return; // nobody rated yet
    const rating: RatingValue = pick(['satisfied', 'basically_satisfied', 'unsatisfied', 'unsatisfied']);
    const mine = await backend.data('case', 'get', { caseId }, resident);
    await backend.data('case', 'rate', { ...ref(mine), rating }, resident);
    if (rating !== 'unsatisfied') return;
    if (random() < 0.4) {
      await backend.data('case', 'close', ref(await officerSees(caseId)), OFFICER);
      return;
    }
    if (round === 1 || random() < 0.3) return;
    const again = await backend.data('case', 'get', { caseId }, resident);
    await backend.data('case', 'reopen', { ...ref(again), reason: '修好两天又坏了' }, resident);
    await maybeFold();
  }
}

// ───── the recount ─────

interface Recount {
  counts: ReturnType<typeof tally>;
  /** step → [count, sum of ms] */
  answers: Map<number, [number, number]>;
}

type Stored = Record<string, unknown> & { _id: string; kind: string; grain: string; stationId: string; period: string; rows: Record<string, any>[] };

/** Every key the stored totals should have → subject ('' for the station, else the deputy id) → recount. */
async function recount(): Promise<Map<string, Map<string, Recount>>> {
  const { data } = await backend.db
    .collection('cases')
    .where({ stationId: backend.db.command.in(STATIONS) })
    .limit(1000)
    .get();
  const groups = new Map<string, Map<string, Record<string, any>[]>>();
  for (const doc of data as Record<string, any>[]) {
    const day = shanghaiDay(new Date(doc.submittedAt));
    for (const period of [day, day.slice(0, 7), day.slice(0, 4)]) {
      const key = `${doc.stationId}|${period}`;
      const subjects = groups.get(key) ?? new Map<string, Record<string, any>[]>();
      for (const subject of ['', ...(doc.assignedDeputyId ? [doc.assignedDeputyId] : [])]) subjects.set(subject, [...(subjects.get(subject) ?? []), doc]);
      groups.set(key, subjects);
    }
  }
  const out = new Map<string, Map<string, Recount>>();
  for (const [key, subjects] of groups) {
    out.set(key, new Map([...subjects].map(([subject, docs]) => [subject, recountOf(docs)])));
  }
  return out;
}

function recountOf(docs: Record<string, any>[]): Recount {
  const answers = new Map<number, [number, number]>();
  for (const doc of docs) {
    const submittedAt = new Date(doc.submittedAt).getTime();
    const rejection = (doc.timeline as { kind: string; at: Date }[] | undefined)?.find((event) => event.kind === 'rejected');
    const answeredAt = doc.acceptedAt ? new Date(doc.acceptedAt).getTime() : rejection ? new Date(rejection.at).getTime() : undefined;
    if (answeredAt === undefined) continue;
    const [count, sum] = answers.get(stepOf(answeredAt - submittedAt)) ?? [0, 0];
    answers.set(stepOf(answeredAt - submittedAt), [count + 1, sum + (answeredAt - submittedAt)]);
  }
  return { counts: tally(docs.map((doc) => fromCaseDocument(doc).state)), answers };
}

/** The stored totals in the recount's shape. */
async function storedTotals(): Promise<Map<string, Map<string, Recount>>> {
  const { data } = await backend.db
    .collection('figure_totals')
    .where({ kind: backend.db.command.in(['station', 'deputies']) })
    .limit(1000)
    .get();
  const out = new Map<string, Map<string, Recount>>();
  for (const doc of data as Stored[]) {
    const key = `${doc.stationId}|${doc.period}`;
    const subjects = out.get(key) ?? new Map<string, Recount>();
    for (const row of doc.rows) {
      const answers = new Map<number, [number, number]>();
      for (let i = 0; i < row.answers.length; i += 3) answers.set(row.answers[i], [row.answers[i + 1], row.answers[i + 2]]);
      const { received, closed, rated, satisfied, respondedInTime } = row;
      subjects.set(doc.kind === 'station' ? '' : row.id, { counts: { received, closed, rated, satisfied, respondedInTime }, answers });
    }
    out.set(key, subjects);
  }
  return out;
}

const sorted = (totals: Map<string, Map<string, Recount>>) =>
  [...totals]
    .map(([key, subjects]) => [key, [...subjects].map(([subject, r]) => [subject, r.counts, [...r.answers].sort((a, b) => a[0] - b[0])]).sort()])
    .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));

/** The script as an operator runs it, in its own process (the emulator answers from this one: never block it). */
function rebuildScript(...args: string[]): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../../scripts/rebuild-figures.ts'), ...args], {
      env: { ...process.env, SERVICE_URL: backend.serviceUrl, ENV_ID: 'local-dev' },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('close', (status) => resolve({ status, out }));
  });
}

beforeAll(async () => {
  backend = await startBackend({ functions: ['case', 'admin', 'scheduler'] });
  for (let i = 0; i < CASES; i += 1) await live(i);
  await fold();
}, 300_000);

afterAll(() => backend?.close());

describe('the running totals after a random history', () => {
  it('equal a full recount of the cases: every station, deputy, day, month and year', async () => {
    const expected = await recount();
    expect(expected.size).toBeGreaterThan(10);
    expect(sorted(await storedTotals())).toEqual(sorted(expected));
  });

  it('give admin.figures the recount’s numbers, by station and by deputy', async () => {
    const today = shanghaiDay(new Date());
    const from = shanghaiDay(new Date(Date.now() - 80 * DAY));
    const expected = await recount();
    const days = [...expected].filter(([key]) => key.split('|')[1].length === 10);
    const sum = (subject: string, stationId?: string) =>
      days
        .filter(([key]) => !stationId || key.startsWith(`${stationId}|`))
        .flatMap(([, subjects]) => (subjects.get(subject) ? [subjects.get(subject)!.counts] : []))
        .reduce(
          (a, b) => ({
            received: a.received + b.received,
            closed: a.closed + b.closed,
            rated: a.rated + b.rated,
            satisfied: a.satisfied + b.satisfied,
            respondedInTime: a.respondedInTime + b.respondedInTime,
          }),
          tally([]),
        );
    const byStation = await backend.data('admin', 'figures', { by: 'station', from, to: today }, ADMIN);
    for (const stationId of STATIONS) {
      const row = byStation.rows.find((r) => r.id === stationId)!;
      const want = sum('', stationId);
      expect([row.received, row.closureRate.numerator, row.satisfactionRate.denominator, row.satisfactionRate.numerator, row.responseRate.numerator]).toEqual([
        want.received,
        want.closed,
        want.rated,
        want.satisfied,
        want.respondedInTime,
      ]);
    }
    const byDeputy = await backend.data('admin', 'figures', { by: 'deputy', from, to: today }, ADMIN);
    const deputy = byDeputy.rows.find((r) => r.id === DEPUTY_ID)!;
    expect(deputy.received).toBe(sum(DEPUTY_ID).received);
    expect(byDeputy.totals.received).toBe(sum('').received);
  });
});

describe('scripts/rebuild-figures.ts', () => {
  it('proves the stored totals equal the cases (--check: exit 0)', async () => {
    const { status, out } = await rebuildScript('--check');
    expect(out).toMatch(/stored totals: 0 difference\(s\)/);
    expect(status).toBe(0);
  }, 60_000);

  it('finds a tampered, a missing and a stray document (exit 1), repairs them, and proves it', async () => {
    const totals = backend.db.collection('figure_totals');
    const { data } = await totals.where({ kind: 'station', grain: 'day' }).limit(2).get();
    const [tampered, missing] = data as Stored[];
    await totals.doc(tampered._id).update({ 'rows.0.received': tampered.rows[0].received + 1 });
    await totals.doc(missing._id).remove();
    await totals.add({ _id: 'station:st-ft-hf:2001-01-01', kind: 'station', grain: 'day', stationId: 'st-ft-hf', period: '2001-01-01', rows: [] });

    const check = await rebuildScript('--check');
    expect(check.status).toBe(1);
    expect(check.out).toMatch(/3 difference\(s\) — 1 missing, 1 different, 1 extra/);
    expect(check.out).toContain(`${tampered._id} ${tampered.stationId} received ${tampered.rows[0].received + 1} → ${tampered.rows[0].received}`);
    expect(check.out).toContain(`${missing._id}: missing`);

    const rebuild = await rebuildScript();
    expect(rebuild.out).toMatch(/after the rebuild: 0 difference\(s\)/);
    expect(rebuild.status).toBe(0);
    expect(sorted(await storedTotals())).toEqual(sorted(await recount()));
  }, 120_000);

  it('folding every change from the beginning, twice, rebuilds every total: the fold is replayable and idempotent', async () => {
    await backend.db
      .collection('figure_totals')
      .where({ kind: backend.db.command.in(['station', 'deputies']) })
      .remove();
    expect(await storedTotals()).toEqual(new Map());
    const db = backend.db as unknown as Database;
    const first = await foldChangedCases(db, new Date(0));
    expect(first).toMatchObject({ cases: CASES, complete: true });
    expect(sorted(await storedTotals())).toEqual(sorted(await recount()));
    await foldChangedCases(db, new Date(0));
    expect(sorted(await storedTotals())).toEqual(sorted(await recount()));
  });
});
