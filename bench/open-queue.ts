/**
 * Item 10 — an officer's open queue (`case.inbox`, filter `open`) beside a station's finished
 * cases. Two stations with the same six open cases, each with its own officer; one of them also
 * holds 10,000 closed cases (written through the SDK, as the functions store them). The two
 * queues are asked in turn, so drift on a shared machine hits both alike, and the budget is the
 * busy station's p50 against the quiet one's: the open queue reads the active cases by index,
 * so what a station finished long ago must not slow it (a scan of 10,000 documents would be
 * tens of times slower). test/backend/case-workspace.test.ts checks what the queue answers
 * beside closed cases; how fast it answers is measured here.
 */
import { startBenchBackend, type BenchBackend } from './backend';
import { progress } from './log';
import { ms, percentile, ratio, since } from './stats';
import type { BenchRow } from './types';

const CLOSED = 10_000;
const BATCH = 1000;
const CALLS = 60;
const WARM_UP = 5;
const MAX_RATIO = 1.5;
const DAY = 86_400_000;

const QUIET = { station: 'st-bench-quiet', staff: 'sf-bench-quiet', officer: 'obench-queue-quiet', receipts: 'QQ' };
const BUSY = { station: 'st-bench-busy', staff: 'sf-bench-busy', officer: 'obench-queue-busy', receipts: 'QB' };
type Place = typeof QUIET;

/** What every inbox answer here must be: the six open cases, and their badges. */
const OPEN = 6;
const COUNTS = { open: 6, triage: 1, overdue: 2 };

export async function openQueueRows(): Promise<BenchRow[]> {
  const backend = await startBenchBackend();
  try {
    for (const place of [QUIET, BUSY]) await addStation(backend, place);
    progress(`10. writing ${CLOSED} closed cases beside the busy station's open queue`);
    for (let first = 0; first < CLOSED; first += BATCH) {
      await backend.db.collection('cases').add(Array.from({ length: Math.min(BATCH, CLOSED - first) }, (_x, i) => caseDocument(BUSY, 'closed', first + i)));
    }
    const inbox = async (place: Place) => {
      const answer = (await backend.call('case', { action: 'inbox', filter: 'open' }, place.officer)) as { ok: boolean; data?: { cases: unknown[]; counts: unknown } };
      if (!answer.ok || answer.data?.cases.length !== OPEN || JSON.stringify(answer.data.counts) !== JSON.stringify(COUNTS)) {
        throw new Error(`the open queue of ${place.station} answered wrongly: ${JSON.stringify(answer).slice(0, 300)}`);
      }
    };
    for (let i = 0; i < WARM_UP; i += 1) for (const place of [QUIET, BUSY]) await inbox(place);
    const times = { quiet: [] as number[], busy: [] as number[] };
    for (let i = 0; i < CALLS; i += 1) {
      for (const [name, place] of [
        ['quiet', QUIET],
        ['busy', BUSY],
      ] as const) {
        const start = performance.now();
        await inbox(place);
        times[name].push(since(start));
      }
    }
    const quiet = percentile(times.quiet, 50);
    const busy = percentile(times.busy, 50);
    return [
      {
        item: `10. open queue beside ${CLOSED / 1000}k closed cases vs none`,
        measured:
          `case.inbox (open, ${OPEN} cases) p50 ${ms(busy)}, p99 ${ms(percentile(times.busy, 99))} beside ${CLOSED} closed; ` +
          `${ms(quiet)}, p99 ${ms(percentile(times.quiet, 99))} beside none; p50 ratio ${ratio(busy / quiet)} (${CALLS} calls each, alternating)`,
        budget: `≤ ${MAX_RATIO}× the quiet station (p50)`,
        ok: busy <= MAX_RATIO * quiet,
      },
    ];
  } finally {
    await backend.close();
  }
}

/** A station, its officer's staff record and the officer's account (with its copy of the record). */
async function addStation(backend: BenchBackend, place: Place): Promise<void> {
  const { db } = backend;
  const createdAt = new Date();
  await db.collection('stations').add({
    _id: place.station,
    code: place.station.toUpperCase(),
    name: `${place.station} 联络站`,
    kind: 'community',
    district: '福田区',
    street: '华富街道',
    address: '福田区华富街道测试路 1 号',
    location: new db.Geo.Point(114.05, 22.55),
    phone: '0755-88880000',
    hours: [],
    officerIds: [place.staff],
    rules: [],
    createdAt,
  });
  await db.collection('staff').add({ _id: place.staff, name: '排序员', role: 'officer', phone: '0755-1', stationIds: [place.station], district: '福田区', createdAt });
  await db.collection('users').add({ _id: `us-${place.staff}`, openid: place.officer, role: 'officer', staffId: place.staff, createdAt });
  // The open queue of test/backend/case-workspace.test.ts: overdue, due soon, due later, replied.
  const open: [string, number, number | undefined][] = [
    ['submitted', -1, 2],
    ['accepted', -20, -1],
    ['in_progress', -10, -3],
    ['transferred', -30, 1],
    ['replied', -40, undefined],
    ['replied', -5, undefined],
  ];
  // Numbered after the closed ones: receipt numbers are unique.
  await db.collection('cases').add(open.map(([status, submitted, due], i) => caseDocument(place, status, CLOSED + i, submitted, due)));
}

/** A case document as the case functions store it (the fields the queue reads and shows). */
function caseDocument(place: Place, status: string, n: number, submittedDays = -400 + n / 100, dueDays?: number) {
  const id = `${place.station}-${status}-${n}`;
  const submittedAt = new Date(Date.now() + submittedDays * DAY);
  return {
    _id: id,
    receiptNo: `${place.receipts}20260101-${String(n).padStart(5, '0')}`,
    stationId: place.station,
    stationName: `${place.station} 联络站`,
    category: 'help',
    title: `排序测试 ${n}`,
    content: '用于测量待办留言的读取。',
    photoFileIds: [],
    anonymous: false,
    ownerOpenid: 'obench-queue-owner',
    requestId: id,
    status,
    reopenCount: 0,
    submittedAt,
    updatedAt: submittedAt,
    version: 1,
    lastSeq: 1,
    contentHash: id,
    unreadCount: 0,
    readSeq: 1,
    ...(dueDays === undefined ? {} : { dueAt: new Date(Date.now() + dueDays * DAY) }),
  };
}
