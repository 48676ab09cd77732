/**
 * 办理公开 through the real stack: residents submit (allowing the public view or not, anonymous
 * or not), the officer accepts and replies, residents rate — all through the case function —
 * and `station.board` / `station.publicCase` must show exactly the cases the rule lets anyone
 * see, anonymised, with the numbers of titles and replies masked, paged by 20, with the
 * monthly figures beside them; a signed-in reader of one case also learns whether it is their
 * own and whether they joined it (`viewer`), never whose it is. Only instants the API cannot
 * move (a case closed months ago) are arranged in the database.
 */
import { shanghaiDate } from '../../backend/domain/calendar';
import type { BoardInput, BoardOutput, PublicCase } from '../../typings/board';
import type { CaseDetail, SubmitCaseInput } from '../../typings/case';
import { OFFICER, ref, submitted } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';

let backend: Backend;

/** Two community stations of 华富街道 (odemo-officer staffs both), in 福田区; nothing else files there. */
const HERE = 'st-ft-hf-02';
const THERE = 'st-ft-hf-03';
const DISTRICT = '福田区';

const DAY_MS = 24 * 60 * 60 * 1000;
const REPLY = '已联系物业，路灯本周修复，物业电话13912345678。';
const REPLY_MASKED = '已联系物业，路灯本周修复，物业电话139****5678。';

interface Filed {
  caseId: string;
  resident: string;
}

async function file(stationId: string, overrides: Partial<SubmitCaseInput> = {}): Promise<Filed> {
  const resident = newOpenid('board');
  const { caseId } = await submitted(backend, resident, { stationId, ...overrides });
  return { caseId, resident };
}
const officerSees = (c: Filed) => backend.data('case', 'get', { caseId: c.caseId }, OFFICER);
const ownerSees = (c: Filed) => backend.data('case', 'get', { caseId: c.caseId }, c.resident);
const accept = async (c: Filed): Promise<CaseDetail> => backend.data('case', 'accept', ref(await officerSees(c)), OFFICER);
const reply = async (c: Filed, content = REPLY) => backend.data('case', 'reply', { ...ref(await officerSees(c)), content }, OFFICER);
/** Accepted, replied and rated 满意: closed on the rating. */
async function closed(stationId: string, overrides: Partial<SubmitCaseInput> = {}): Promise<Filed> {
  const c = await file(stationId, overrides);
  await accept(c);
  await reply(c);
  await backend.data('case', 'rate', { ...ref(await ownerSees(c)), rating: 'satisfied' }, c.resident);
  return c;
}

const board = (input: BoardInput, openid?: string): Promise<BoardOutput> => backend.data('station', 'board', input, openid);
const ids = (out: BoardOutput) => out.cases.map((c) => c.id);
/** The scheduler's tick folds the cases into the running totals the figures read. */
async function fold() {
  const { status, body } = await backend.fireTimer('scheduler', 'tick');
  expect({ status, figures: body?.data?.jobs?.figures?.complete }).toEqual({ status: 200, figures: true });
}

let today: string;
let hereName: string;
const here: Record<string, Filed> = {};
const there: Filed[] = [];

beforeAll(async () => {
  backend = await startBackend({ functions: ['station', 'case', 'scheduler'] });
  today = shanghaiDate(new Date());
  hereName = (await backend.data('station', 'get', { id: HERE })).name;

  here.public = await closed(HERE, { title: '路灯不亮请回电13812345678', contact: { name: '王女士', phone: '13700001111' } });
  here.private = await closed(HERE, { public: false });
  here.anonymous = await closed(HERE, { anonymous: true, public: true });
  here.waiting = await file(HERE);
  here.withdrawn = await file(HERE);
  await backend.data('case', 'withdraw', ref(await ownerSees(here.withdrawn)), here.withdrawn.resident);
  here.rejected = await file(HERE);
  await backend.data('case', 'reject', { ...ref(await officerSees(here.rejected)), reason: '属于诉讼事项', referral: '请向区人民法院咨询' }, OFFICER);
  here.open = await file(HERE);
  await accept(here.open);

  // 21 public cases closed at the other station, one after the other: two pages of the station's board.
  for (let i = 0; i < 21; i += 1) there.push(await closed(THERE));
}, 240_000);

afterAll(() => backend?.close());

describe('station.board', () => {
  it('lists the closed case its resident allowed, anonymised, with title and reply masked — and no other', async () => {
    const out = await board({ stationId: HERE });
    expect(out.scope).toEqual({ stationId: HERE, district: DISTRICT, name: hereName });
    expect(ids(out)).toEqual([here.public.caseId]);
    const shown = out.cases[0];
    const stored = await officerSees(here.public);
    const expected: PublicCase = {
      id: here.public.caseId,
      title: '路灯不亮请回电138****5678',
      category: 'help',
      status: 'closed',
      station: { id: HERE, name: hereName },
      submittedAt: stored.submittedAt,
      acceptedAt: shown.acceptedAt,
      repliedAt: shown.repliedAt,
      closedAt: shown.closedAt,
      reply: REPLY_MASKED,
      closure: 'rating',
      rating: 'satisfied',
      joinCount: 0,
    };
    expect(shown).toEqual(expected);
    // The dates are the case's own, in order.
    expect(shown.submittedAt <= shown.acceptedAt! && shown.acceptedAt! <= shown.repliedAt! && shown.repliedAt! <= shown.closedAt!).toBe(true);
    const text = JSON.stringify(out);
    for (const secret of ['王女士', '13700001111', '13812345678', '13912345678', here.public.resident, stored.receiptNo, stored.content]) expect(text).not.toContain(secret);
  });

  it('is the same for anyone: signed in or not', async () => {
    expect(await board({ stationId: HERE }, newOpenid('reader'))).toEqual(await board({ stationId: HERE }));
    expect(await board({ stationId: HERE }, here.private.resident)).toEqual(await board({ stationId: HERE }));
  });

  it('pages by 20, latest closed first, without overlap', async () => {
    const first = await board({ stationId: THERE });
    const second = await board({ stationId: THERE, page: 1 });
    expect({ count: first.cases.length, hasMore: first.hasMore }).toEqual({ count: 20, hasMore: true });
    expect({ count: second.cases.length, hasMore: second.hasMore, months: second.months }).toEqual({ count: 1, hasMore: false, months: [] });
    // Closed in the order they were filed: the board shows them newest first.
    expect([...ids(first), ...ids(second)]).toEqual(there.map((c) => c.caseId).reverse());
    expect(await board({ stationId: THERE, page: 2 })).toMatchObject({ cases: [], hasMore: false });
  });

  it('for the district: every station’s public cases, paged; a station’s board only its own', async () => {
    const first = await board({ district: DISTRICT });
    const second = await board({ district: DISTRICT, page: 1 });
    expect(first.scope).toEqual({ district: DISTRICT, name: DISTRICT });
    expect({ first: first.cases.length, more: first.hasMore, second: second.cases.length, done: !second.hasMore }).toEqual({ first: 20, more: true, second: 2, done: true });
    expect([...ids(first), ...ids(second)]).toEqual([...there.map((c) => c.caseId).reverse(), here.public.caseId]);
    expect(ids(await board({ stationId: THERE }))).not.toContain(here.public.caseId);
  });

  it('by month: a case counts in the month it was closed; the default is the last 12 months', async () => {
    const moved = there[0];
    const thisMonth = today.slice(0, 7);
    const lastMonthDay = new Date(Date.parse(`${thisMonth}-01T00:00:00Z`) - 5 * DAY_MS);
    const lastMonth = lastMonthDay.toISOString().slice(0, 7);
    const update = (closedAt: Date) => backend.db.collection('cases').doc(moved.caseId).update({ 'closure.at': closedAt });
    try {
      await update(lastMonthDay);
      expect(ids(await board({ stationId: THERE, month: lastMonth }))).toEqual([moved.caseId]);
      expect(ids(await board({ stationId: THERE, month: thisMonth }))).not.toContain(moved.caseId);
      expect(ids(await board({ stationId: THERE, page: 1 }))).toEqual([moved.caseId]);
      // Closed 13 months ago: outside the last 12 months.
      await update(new Date(Date.parse(`${thisMonth}-15T00:00:00Z`) - 395 * DAY_MS));
      const all = [...ids(await board({ stationId: THERE })), ...ids(await board({ stationId: THERE, page: 1 }))];
      expect(all).toHaveLength(20);
      expect(all).not.toContain(moved.caseId);
    } finally {
      await update(new Date());
    }
  });

  it('shows the last 12 months’ figures of all the station’s cases, rates only with a sample', async () => {
    await fold();
    const { months } = await board({ stationId: HERE });
    expect(months.map((m) => m.month)).toHaveLength(12);
    expect(months[11].month).toBe(today.slice(0, 7));
    // Counted by hand: 7 filed, the withdrawn one not received → 6; closed: public, private, anonymous;
    // rated and satisfied: the same 3; accepted in time: those 3 and the open one → 4.
    expect(months[11]).toEqual({
      month: today.slice(0, 7),
      received: 6,
      closed: 3,
      responseRate: { numerator: 4, denominator: 6, value: 4 / 6 },
      closureRate: { numerator: 3, denominator: 6, value: 0.5 },
      satisfactionRate: { numerator: 3, denominator: 3, value: 1 },
    });
    const none = { numerator: 0, denominator: 0, value: null };
    for (const earlier of months.slice(0, 11))
      expect(earlier).toEqual({ month: earlier.month, received: 0, closed: 0, responseRate: none, closureRate: none, satisfactionRate: none });
    // The district's: both stations' cases summed (21 more, all closed on 满意).
    const district = (await board({ district: DISTRICT })).months[11];
    expect(district).toEqual({
      month: today.slice(0, 7),
      received: 27,
      closed: 24,
      responseRate: { numerator: 25, denominator: 27, value: 25 / 27 },
      closureRate: { numerator: 24, denominator: 27, value: 24 / 27 },
      satisfactionRate: { numerator: 24, denominator: 24, value: 1 },
    });
  });

  it('a month with cases but no rating yet has no 满意率', async () => {
    const quiet = 'st-ft-hf-01';
    await accept(await file(quiet));
    await fold();
    expect((await board({ stationId: quiet })).months[11]).toEqual({
      month: today.slice(0, 7),
      received: 1,
      closed: 0,
      responseRate: { numerator: 1, denominator: 1, value: 1 },
      closureRate: { numerator: 0, denominator: 1, value: 0 },
      satisfactionRate: { numerator: 0, denominator: 0, value: null },
    });
  });

  it.each([
    ['neither a station nor a district', {}, 'INVALID_INPUT'],
    ['both', { stationId: HERE, district: DISTRICT }, 'INVALID_INPUT'],
    ['a month that does not exist', { stationId: HERE, month: '2026-13' }, 'INVALID_INPUT'],
    ['a page as text', { stationId: HERE, page: '1' }, 'INVALID_INPUT'],
    ['a station that does not exist', { stationId: 'st-nowhere' }, 'NOT_FOUND'],
    ['a district without stations', { district: '不存在区' }, 'NOT_FOUND'],
    ['a district as an operator', { district: { $ne: '' } }, 'INVALID_INPUT'],
  ])('refuses %s', async (_what, input, code) => {
    const { body } = await backend.callRaw('station', { action: 'board', ...input });
    expect(body).toMatchObject({ ok: false, error: { code } });
    expect(typeof body.error.message).toBe('string');
  });
});

describe('station.publicCase', () => {
  it('shows a public case exactly as the board does', async () => {
    const { cases } = await board({ stationId: HERE });
    expect(await backend.data('station', 'publicCase', { caseId: here.public.caseId })).toEqual(cases[0]);
  });

  it('shows an open public case with its status and dates, without a reply yet', async () => {
    const shown = await backend.data('station', 'publicCase', { caseId: here.open.caseId });
    expect(shown).toMatchObject({ id: here.open.caseId, status: 'accepted', joinCount: 0 });
    expect(Object.keys(shown).sort()).toEqual(['acceptedAt', 'category', 'id', 'joinCount', 'station', 'status', 'submittedAt', 'title']);
  });

  it('answers a private, anonymous, withdrawn, refused or never accepted case exactly as an id that does not exist', async () => {
    const missing = (await backend.callRaw('station', { action: 'publicCase', caseId: 'no-such-case-0000' })).body;
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const c of [here.private, here.anonymous, here.withdrawn, here.rejected, here.waiting]) {
      // The case's own resident too: this is the public view, not theirs.
      for (const openid of [undefined, c.resident]) expect((await backend.callRaw('station', { action: 'publicCase', caseId: c.caseId }, openid)).body).toEqual(missing);
    }
  });

  it('tells a signed-in caller whether the case is theirs and whether they joined it — never whose it is', async () => {
    const c = await file(HERE);
    await accept(c);
    const joiner = newOpenid('joiner');
    await backend.data('case', 'join', { caseId: c.caseId }, joiner);
    const seenBy = (openid?: string): Promise<PublicCase> => backend.data('station', 'publicCase', { caseId: c.caseId }, openid);
    const anonymous = await seenBy();
    const answers = { owner: await seenBy(c.resident), joiner: await seenBy(joiner), fresh: await seenBy(newOpenid('reader')) };
    expect(anonymous).toMatchObject({ id: c.caseId, status: 'accepted', joinCount: 1 });
    expect('viewer' in anonymous).toBe(false);
    // Everything else is the same public view, whoever asks.
    expect(answers).toEqual({
      owner: { ...anonymous, viewer: { own: true, joined: false } },
      joiner: { ...anonymous, viewer: { own: false, joined: true } },
      fresh: { ...anonymous, viewer: { own: false, joined: false } },
    });
    const text = JSON.stringify([anonymous, answers]);
    expect(text).not.toContain(c.resident);
    expect(text).not.toContain(joiner);
  });

  it('drops the reply when the resident asks for it to be handled again (重办), and shows the next one', async () => {
    const c = await file(HERE);
    await accept(c);
    await reply(c, '第一次答复：联系电话 0755-83212345。');
    expect(await backend.data('station', 'publicCase', { caseId: c.caseId })).toMatchObject({ status: 'replied', reply: '第一次答复：联系电话 0755-****2345。' });
    await backend.data('case', 'reopen', { ...ref(await ownerSees(c)), reason: '修好两天又坏了' }, c.resident);
    const reopened = await backend.data('station', 'publicCase', { caseId: c.caseId });
    expect(reopened.status).toBe('in_progress');
    expect(reopened.reply).toBeUndefined();
    expect(reopened.repliedAt).toBeUndefined();
    await reply(c, '第二次答复：已更换灯具。');
    expect(await backend.data('station', 'publicCase', { caseId: c.caseId })).toMatchObject({ status: 'replied', reply: '第二次答复：已更换灯具。' });
  });
});
