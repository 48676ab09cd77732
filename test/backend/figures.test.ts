/**
 * The district office's figures (admin.figures) through the real stack: cases handled through
 * the case function (accept, assign, the deputy's reply, the resident's rating, a rejection)
 * plus cases written straight into the database for volume and dates — the API cannot travel
 * in time. Every number is checked against a count by hand, and every row against the
 * domain's `tally` over the stored cases.
 *
 * The figures come from running totals the scheduler folds from the cases (at most one tick
 * behind): every read here fires the scheduler's tick first, as its timer would have.
 */
import { fromCaseDocument } from '../../backend/data/cases';
import { addDays, shanghaiDate } from '../../backend/domain/calendar';
import { periodInstants, tally } from '../../backend/domain/figures';
import type { FiguresOutput, FiguresRow } from '../../typings/workspace';
import { ADMIN, DEPUTY, DEPUTY_ID, OFFICER, RESIDENT, ref, submitted } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';

let backend: Backend;

const STATION = 'st-ft-hf'; // API-handled cases
const NEIGHBOUR = 'st-ft-hf-01'; // 10 rated cases, assigned to dp-001
const NINE = 'st-ft-hf-02'; // 9 rated, all satisfied
const EDGES = 'st-ft-hf-03'; // period boundaries
const HOUR = 3_600_000;
const MINUTE = 60_000;

let today: string;
let period: { from: string; to: string };
/** Midnight starting a Shanghai day. */
const midnight = (date: string) => periodInstants({ from: date, to: date }).start;

let inserted = 0;
/** A case written directly: only what the figures read, plus what makes it a case. */
async function insertCase(stationId: string, fields: Record<string, unknown>) {
  inserted += 1;
  const submittedAt = (fields.submittedAt as Date | undefined) ?? new Date(Date.now() - 48 * HOUR);
  // Written now, as every write of a case stamps it: that is what the fold looks for.
  const updatedAt = new Date();
  await backend.db.collection('cases').add({
    _id: `fig-${inserted}`,
    receiptNo: `FIG${String(inserted).padStart(6, '0')}`,
    stationId,
    stationName: stationId,
    category: 'help',
    title: `示例留言 ${inserted}`,
    content: '用于统计的示例留言',
    photoFileIds: [],
    anonymous: false,
    ownerOpenid: `o-fig-${inserted}`,
    requestId: `req-fig-${inserted}`,
    reopenCount: 0,
    version: 1,
    lastSeq: 1,
    updatedAt,
    contentHash: `h-${inserted}`,
    unreadCount: 0,
    readSeq: 0,
    status: 'submitted',
    ...fields,
    submittedAt,
  });
}

const closedRated = (rating: 'satisfied' | 'unsatisfied', over: Record<string, unknown> = {}) => {
  const submittedAt = new Date(Date.now() - 72 * HOUR);
  return {
    status: 'closed',
    submittedAt,
    acceptedAt: new Date(submittedAt.getTime() + HOUR),
    rating: { value: rating, at: new Date() },
    closure: { at: new Date(), how: rating === 'satisfied' ? 'rating' : 'officer', withoutRating: false },
    ...over,
  };
};

/** The scheduler's tick: it folds every case changed since the last one into the totals. */
async function fold() {
  const { status, body } = await backend.fireTimer('scheduler', 'tick');
  expect({ status, figures: body?.data?.jobs?.figures?.complete }).toEqual({ status: 200, figures: true });
}
const figures = async (by: 'station' | 'deputy', p = period, openid = ADMIN) => {
  await fold();
  return backend.data('admin', 'figures', { by, ...p }, openid);
};
const row = (out: FiguresOutput, id: string): FiguresRow => {
  const found = out.rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};
const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator ? numerator / denominator : null });
const stored = async (caseId: string) => (await backend.db.collection('cases').doc(caseId).get()).data[0];

beforeAll(async () => {
  backend = await startBackend({ functions: ['admin', 'case', 'scheduler'] });
  today = shanghaiDate(new Date());
  period = { from: addDays(today, -30), to: today };
  const get = (caseId: string, openid = OFFICER) => backend.data('case', 'get', { caseId }, openid);
  const handled = async (resident: string) => {
    const { caseId } = await submitted(backend, resident, { stationId: STATION });
    const accepted = await backend.data('case', 'accept', ref(await get(caseId)), OFFICER);
    const assigned = await backend.data('case', 'assign', { ...ref(accepted), deputyId: DEPUTY_ID }, OFFICER);
    await backend.data('case', 'reply', { ...ref(assigned), content: '已协调物业处理。' }, DEPUTY);
    return caseId;
  };
  /**
   * Moves a case's submission back so the time to its first answer is exactly `hours`: as if
   * submitted earlier, nothing else changed (no fold has run yet; the first one reads every case).
   */
  const answeredAfter = async (caseId: string, answeredAt: Date, hours: number) =>
    backend.db
      .collection('cases')
      .doc(caseId)
      .update({ submittedAt: new Date(answeredAt.getTime() - hours * HOUR) });

  // STATION, through the API.
  // A: accepted 2 h after submission, the deputy replies, the resident is satisfied.
  const residentA = newOpenid();
  const a = await handled(residentA);
  await backend.data('case', 'rate', { ...ref(await get(a, residentA)), rating: 'satisfied' }, residentA);
  await answeredAfter(a, (await stored(a)).acceptedAt, 2);
  // B: accepted 100 h after submission (late: the deadline is at most 96 h away), rated 不满意.
  const residentB = newOpenid();
  const b = await handled(residentB);
  await backend.data('case', 'rate', { ...ref(await get(b, residentB)), rating: 'unsatisfied' }, residentB);
  await answeredAfter(b, (await stored(b)).acceptedAt, 100);
  // C: rejected 6 h after submission, by the time of its 'rejected' event (the case keeps none of its own).
  const c = (await submitted(backend, newOpenid(), { stationId: STATION })).caseId;
  await backend.data('case', 'reject', { ...ref(await get(c)), reason: '属于诉讼事项', referral: '请向区人民法院咨询' }, OFFICER);
  const rejectedEvent = ((await stored(c)).timeline as { kind: string; at: Date }[]).find((e) => e.kind === 'rejected')!;
  await answeredAfter(c, new Date(rejectedEvent.at), 6);
  // D: withdrawn — never received. E: waiting.
  const residentD = newOpenid();
  const d = (await submitted(backend, residentD, { stationId: STATION })).caseId;
  await backend.data('case', 'withdraw', { caseId: d, version: 1 }, residentD);
  await submitted(backend, RESIDENT, { stationId: STATION });

  // NEIGHBOUR: 10 rated and closed, accepted 1 h after submission, 8 satisfied; assigned to dp-001.
  for (let i = 0; i < 10; i++) await insertCase(NEIGHBOUR, closedRated(i < 8 ? 'satisfied' : 'unsatisfied', { assignedDeputyId: DEPUTY_ID }));
  // NINE: 9 rated, all satisfied, not assigned.
  for (let i = 0; i < 9; i++) await insertCase(NINE, closedRated('satisfied'));
  // EDGES: the first and last minutes of the period, and the minutes just outside it.
  const start = midnight(period.from);
  const end = midnight(addDays(period.to, 1));
  await insertCase(EDGES, { submittedAt: start }); // 00:00 on the first day: in
  await insertCase(EDGES, { submittedAt: new Date(start.getTime() - MINUTE) }); // 23:59 the day before: out
  await insertCase(EDGES, { submittedAt: new Date(end.getTime() - MINUTE) }); // 23:59 on the last day: in
  await insertCase(EDGES, { submittedAt: end }); // 00:00 the day after: out
}, 180_000);

afterAll(() => backend?.close());

describe('figures per station', () => {
  it('count exactly what happened at each station', async () => {
    const out = await figures('station');
    expect(out).toMatchObject({ by: 'station', period, rankingMinimumRated: 10 });
    // A, B, C, E received (D withdrawn); closed: A; rated: A, B; satisfied: A; in time: A only.
    expect(row(out, STATION)).toEqual({
      id: STATION,
      name: expect.stringContaining('华富'),
      received: 4,
      responseRate: rate(1, 4),
      closureRate: rate(1, 4),
      satisfactionRate: rate(1, 2),
      // First answers: A 2 h, C 6 h (rejected), B 100 h.
      medianFirstResponseHours: 6,
      firstResponseSample: 3,
      // Nobody recorded on a reception day (接待日登记).
      visitors: 0,
    });
    expect(row(out, NEIGHBOUR)).toMatchObject({
      received: 10,
      responseRate: rate(10, 10),
      closureRate: rate(10, 10),
      satisfactionRate: rate(8, 10),
      medianFirstResponseHours: 1,
      firstResponseSample: 10,
      rank: 1,
    });
    // 9 rated at 100%: not enough for a place, whatever the rate.
    expect(row(out, NINE)).toMatchObject({ received: 9, satisfactionRate: rate(9, 9) });
    expect(row(out, NINE).rank).toBeUndefined();
    // 23:59 on the last day and 00:00 on the first count; a minute outside either end does not.
    expect(row(out, EDGES)).toMatchObject({ received: 2, firstResponseSample: 0, medianFirstResponseHours: null });
  });

  it('show every station of the district, with no rate (null) where there is no sample', async () => {
    const out = await figures('station');
    const { data: stations } = await backend.db.collection('stations').where({ district: '福田区' }).limit(1000).get();
    expect(out.rows.map((r) => r.id).sort()).toEqual(stations.map((s: { _id: string }) => s._id).sort());
    const quiet = out.rows.find((r) => ![STATION, NEIGHBOUR, NINE, EDGES].includes(r.id))!;
    expect(quiet).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      received: 0,
      responseRate: rate(0, 0),
      closureRate: rate(0, 0),
      satisfactionRate: rate(0, 0),
      medianFirstResponseHours: null,
      firstResponseSample: 0,
      visitors: 0,
    });
    // Ranked rows first, by place.
    expect(out.rows[0].id).toBe(NEIGHBOUR);
  });

  it('total the whole district', async () => {
    const { totals } = await figures('station');
    // STATION 4 + NEIGHBOUR 10 + NINE 9 + EDGES 2 = 25 received.
    expect(totals).toEqual({
      received: 25,
      responseRate: rate(1 + 10 + 9, 25),
      closureRate: rate(1 + 10 + 9, 25),
      satisfactionRate: rate(1 + 8 + 9, 2 + 10 + 9),
      // 19 one-hour answers, then 2 h, 6 h, 100 h: the middle of 22 is 1 h.
      medianFirstResponseHours: 1,
      firstResponseSample: 22,
      visitors: 0,
    });
  });

  it('agree with the domain rules applied case by case', async () => {
    const out = await figures('station');
    const { start, end } = periodInstants(period);
    for (const stationId of [STATION, NEIGHBOUR, NINE, EDGES]) {
      const { data } = await backend.db
        .collection('cases')
        .where({ stationId, submittedAt: { $gte: start, $lt: end } } as never)
        .limit(1000)
        .get();
      const counts = tally(data.map((doc: Record<string, unknown>) => fromCaseDocument(doc).state));
      const r = row(out, stationId);
      expect([r.received, r.closureRate.numerator, r.satisfactionRate.denominator, r.satisfactionRate.numerator, r.responseRate.numerator]).toEqual([
        counts.received,
        counts.closed,
        counts.rated,
        counts.satisfied,
        counts.respondedInTime,
      ]);
    }
  });
});

describe('figures per deputy', () => {
  it('count each case for the deputy it is assigned to', async () => {
    const out = await figures('deputy');
    // A and B (STATION) and NEIGHBOUR's 10: 12 received, 11 closed, 12 rated, 9 satisfied, 11 in time.
    expect(row(out, DEPUTY_ID)).toMatchObject({
      received: 12,
      responseRate: rate(11, 12),
      closureRate: rate(11, 12),
      satisfactionRate: rate(9, 12),
      // 10 × 1 h, 2 h, 100 h: the middle of 12 is 1 h. The rejection belongs to no deputy.
      medianFirstResponseHours: 1,
      firstResponseSample: 12,
      rank: 1,
    });
    const others = out.rows.filter((r) => r.id !== DEPUTY_ID);
    expect(others.length).toBeGreaterThan(10);
    expect(others.every((r) => r.received === 0 && r.rank === undefined && r.satisfactionRate.value === null)).toBe(true);
    // The totals are the district's, unassigned cases included.
    expect(out.totals).toEqual((await figures('station')).totals);
  });
});

describe('the ranking', () => {
  it('takes a row in at 10 rated cases and gives the better rate the better place', async () => {
    expect(row(await figures('station'), NINE).rank).toBeUndefined();
    await insertCase(NINE, closedRated('satisfied'));
    const out = await figures('station');
    // NINE: 10 of 10 satisfied ranks before NEIGHBOUR's 8 of 10.
    expect([row(out, NINE).rank, row(out, NEIGHBOUR).rank]).toEqual([1, 2]);
    expect(out.rows.slice(0, 2).map((r) => r.id)).toEqual([NINE, NEIGHBOUR]);
  });
});

describe('who may read them', () => {
  it('an admin of another district sees nothing of 福田区', async () => {
    const openid = newOpenid('admin-ns');
    await backend.db
      .collection('staff')
      .add({ _id: 'sf-ns-admin', name: '南山区人大常委会', role: 'admin', phone: '0755-26660000', stationIds: [], district: '南山区', createdAt: new Date() });
    await backend.db.collection('users').add({ openid, role: 'admin', staffId: 'sf-ns-admin', createdAt: new Date() });
    for (const by of ['station', 'deputy'] as const) {
      const out = await figures(by, period, openid);
      expect(out.rows).toEqual([]);
      expect(out.totals).toMatchObject({ received: 0, satisfactionRate: rate(0, 0), medianFirstResponseHours: null });
    }
  });

  it.each([RESIDENT, OFFICER, DEPUTY])('%s is refused (FORBIDDEN)', async (openid) => {
    expect(await backend.call('admin', 'figures', { by: 'station', ...period }, openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('without WeChat identity: UNAUTHENTICATED', async () => {
    expect(await backend.call('admin', 'figures', { by: 'station', ...period })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it.each([
    [{ by: 'station', from: '2025-03-01', to: '2025-02-28' }, 'to'],
    [{ by: 'station', from: '2024-01-01', to: '2025-01-01' }, 'to'],
    [{ by: 'station', from: '2025-02-29', to: '2025-03-01' }, 'from'],
    [{ by: 'street', from: '2025-01-01', to: '2025-01-31' }, 'by'],
  ])('refuses %p: INVALID_INPUT on %s', async (input, field) => {
    expect(await backend.callRaw('admin', { action: 'figures', ...input }, ADMIN)).toMatchObject({
      body: { ok: false, error: { code: 'INVALID_INPUT', field } },
    });
  });
});
