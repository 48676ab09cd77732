/**
 * The deputy's duty record (user.duty) through the real stack. This year's activity is made
 * through the case function (the deputy replies, follows up, marks a case 提为代表建议; residents
 * rate); 代表建议 and a past year are written into the database — events, check-ins, bookings,
 * suggestions on chosen dates and in chosen states — because the API cannot travel in time. Every
 * count is checked against a hand count.
 */
import { shanghaiDate } from '../../backend/domain/calendar';
import type { DutyRecord } from '../../typings/workspace';
import { ADMIN, DEPUTY, DEPUTY_ID, OFFICER, RESIDENT, ref, submitted } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';
import { storedSuggestion, storeSuggestions } from './stored-suggestions';

let backend: Backend;
const STATION = 'st-ft-hf';
const bj = (local: string) => new Date(`${local}+08:00`);
const counts = (record: DutyRecord) => Object.fromEntries(record.items.map((item) => [item.key, item.count]));
const duty = (year?: number, openid = DEPUTY) => backend.data('user', 'duty', year === undefined ? {} : { year }, openid);

let residents: string[] = [];
let caseIds: string[] = [];

async function pastYear() {
  const cases = [
    { id: 'duty-p1', owner: 'o-p1', satisfied: true },
    { id: 'duty-p2', owner: 'o-p2' },
    { id: 'duty-p3', owner: 'o-p3' },
    { id: 'duty-p4', owner: 'o-p4' },
    { id: 'duty-p5', owner: 'o-p5' },
    { id: 'duty-p6', owner: 'o-p6' },
  ];
  let seq = 10;
  const event = (caseId: string, kind: string, at: string, actorId = DEPUTY_ID, actorRole = 'deputy') => {
    seq += 1;
    return { caseId, seq, kind, actorRole, actorId, at: bj(at), fromStatus: 'replied', toStatus: 'replied' };
  };
  // The timeline lives inside each case document: the events are written into their cases.
  const events = [
    event('duty-p1', 'replied', '2024-03-01T10:00:00'),
    event('duty-p2', 'replied', '2024-03-01T11:00:00'),
    event('duty-p2', 'followed_up', '2024-04-02T09:00:00'),
    event('duty-p3', 'followed_up', '2024-04-02T15:00:00'), // the same outing: one visit
    event('duty-p1', 'followed_up', '2024-05-06T10:00:00'),
    event('duty-p2', 'suggestion_marked', '2024-06-01T10:00:00'),
    event('duty-p3', 'transfer_requested', '2024-06-02T10:00:00'),
    event('duty-p4', 'replied', '2024-12-31T23:59:00'), // the last minute of 2024: in
    event('duty-p5', 'replied', '2025-01-01T00:00:00'), // the first minute of 2025: out
    event('duty-p6', 'replied', '2024-07-01T10:00:00', 'dp-002'), // another deputy
    event('duty-p6', 'followed_up', '2024-07-02T10:00:00', 'sf-ft-hf', 'officer'), // an officer
  ];
  await backend.db.collection('cases').add(
    cases.map((c, i) => ({
      _id: c.id,
      receiptNo: `DUTY${i}`,
      stationId: STATION,
      title: `往年留言 ${c.id}`,
      ownerOpenid: c.owner,
      submittedAt: bj('2024-02-01T09:00:00'),
      ...(c.satisfied
        ? { status: 'closed', rating: { value: 'satisfied', at: bj('2024-03-05T09:00:00') }, closure: { at: bj('2024-03-05T09:00:00'), how: 'rating', withoutRating: false } }
        : { status: 'replied' }),
      timeline: events.filter((e) => e.caseId === c.id).map(({ caseId: _caseId, ...e }) => e),
    })),
  );
  const checkin = (receptionId: string, date: string, deputyId = DEPUTY_ID) => ({
    _id: `${receptionId}:${deputyId}`,
    receptionId,
    stationId: STATION,
    deputyId,
    date,
    at: bj(`${date}T08:55:00`),
    distance: 12,
  });
  await backend.db
    .collection('checkins')
    .add([checkin('rc-2024-a', '2024-03-10'), checkin('rc-2024-b', '2024-07-10'), checkin('rc-2023', '2023-12-10'), checkin('rc-2024-c', '2024-08-10', 'dp-002')]);
  const booking = (id: string, openid: string, receptionId: string, status: string, deputyId = DEPUTY_ID) => ({
    _id: id,
    openid,
    requestId: id,
    receptionId,
    stationId: STATION,
    stationName: '华富街道人大代表联络站',
    date: '2024-03-10',
    slotIndex: 0,
    start: '09:00',
    end: '09:30',
    startsAt: bj('2024-03-10T09:00:00'),
    deputy: { id: deputyId, name: '代表' },
    topic: '小区停车',
    status,
    createdAt: bj('2024-03-01T09:00:00'),
    updatedAt: bj('2024-03-01T09:00:00'),
  });
  await backend.db.collection('bookings').add([
    booking('bk-1', 'o-b1', 'rc-2024-a', 'booked'),
    booking('bk-2', 'o-p1', 'rc-2024-a', 'attended'), // already contacted through a case
    booking('bk-3', 'o-b2', 'rc-2024-a', 'cancelled'),
    booking('bk-4', 'o-b3', 'rc-2024-a', 'missed'),
    booking('bk-5', 'o-b4', 'rc-2024-x', 'booked'), // a reception the deputy did not check in to
    booking('bk-6', 'o-b5', 'rc-2024-b', 'booked', 'dp-002'), // with another deputy
  ]);
}

/**
 * 代表建议 of the demo deputy, this year and in 2024, written into the database in their states:
 * what counts is authored or co-signed (confirmed), submitted in the year, neither withdrawn nor
 * converted — the case marked 提为代表建议 above no longer counts.
 */
async function suggestions() {
  const now = new Date();
  const cosigned = (status: 'confirmed' | 'pending' | 'declined') => ({ deputyId: 'dp-002', deputyName: '王芳', cosigners: [{ deputyId: DEPUTY_ID, name: '代表', status }] });
  await storeSuggestions(
    backend,
    // This year: one authored, one co-signed and confirmed — counted; the rest not.
    storedSuggestion({ title: '今年领衔的建议', status: 'submitted', submittedAt: now }),
    storedSuggestion({ title: '今年联名的建议', status: 'assigned', submittedAt: now, ...cosigned('confirmed') }),
    storedSuggestion({ title: '尚未确认联名', status: 'submitted', submittedAt: now, ...cosigned('pending') }),
    storedSuggestion({ title: '已撤回', status: 'withdrawn', submittedAt: now }),
    storedSuggestion({ title: '已转为留言办理', status: 'converted', submittedAt: now }),
    storedSuggestion({ title: '草稿', status: 'draft', submittedAt: undefined, createdAt: now, updatedAt: now }),
    storedSuggestion({ title: '别的代表的建议', status: 'submitted', submittedAt: now, deputyId: 'dp-002' }),
    // 2024: authored on 06-01 (closed), co-signed on 09-15 (returned for edits: it was submitted) — counted.
    storedSuggestion({ title: '往年领衔的建议', status: 'closed', submittedAt: bj('2024-06-01T10:00:00') }),
    storedSuggestion({ title: '往年联名的建议', status: 'returned', submittedAt: bj('2024-09-15T10:00:00'), ...cosigned('confirmed') }),
    storedSuggestion({ title: '往年拒绝联名', status: 'submitted', submittedAt: bj('2024-05-15T10:00:00'), ...cosigned('declined') }),
    storedSuggestion({ title: '往年撤回', status: 'withdrawn', submittedAt: bj('2024-07-15T10:00:00') }),
    // The first minute of 2025: counted in 2025, not 2024.
    storedSuggestion({ title: '跨年的建议', status: 'accepted', submittedAt: bj('2025-01-01T00:00:00') }),
  );
}

beforeAll(async () => {
  backend = await startBackend({ functions: ['user', 'case'] });
  const get = (caseId: string, openid = OFFICER) => backend.data('case', 'get', { caseId }, openid);
  const assignedAndReplied = async (resident: string) => {
    const { caseId } = await submitted(backend, resident, { stationId: STATION });
    const accepted = await backend.data('case', 'accept', ref(await get(caseId)), OFFICER);
    const assigned = await backend.data('case', 'assign', { ...ref(accepted), deputyId: DEPUTY_ID }, OFFICER);
    await backend.data('case', 'reply', { ...ref(assigned), content: '已到现场查看，物业本周修复。' }, DEPUTY);
    return caseId;
  };
  residents = [newOpenid(), newOpenid(), newOpenid()];
  // 1: replied, rated 满意 (a practical thing), then followed up (回访).
  const one = await assignedAndReplied(residents[0]);
  await backend.data('case', 'rate', { ...ref(await get(one, residents[0])), rating: 'satisfied' }, residents[0]);
  await backend.data('case', 'followUp', { ...ref(await get(one, DEPUTY)), note: '回访：路灯已修好，群众满意。' }, DEPUTY);
  // 2: replied, then marked 提为代表建议 — no longer a suggestion of the record (those are counted from 代表建议).
  const two = await assignedAndReplied(residents[1]);
  await backend.data('case', 'markSuggestion', ref(await get(two, DEPUTY)), DEPUTY);
  // 3: the officer replies — nothing for the deputy's record.
  const { caseId: three } = await submitted(backend, residents[2], { stationId: STATION });
  const accepted = await backend.data('case', 'accept', ref(await get(three)), OFFICER);
  await backend.data('case', 'reply', { ...ref(accepted), content: '已转交街道办。' }, OFFICER);
  caseIds = [one, two, three];
  await pastYear();
  await suggestions();
}, 180_000);

afterAll(() => backend?.close());

describe('the duty record', () => {
  it('counts this year what the deputy did through the app', async () => {
    const record = await duty();
    expect(record.year).toBe(Number(shanghaiDate(new Date()).slice(0, 4)));
    expect(record.deputy).toEqual({ id: DEPUTY_ID, name: expect.any(String) });
    expect(counts(record)).toEqual({
      votersContacted: 2, // the owners of cases 1 and 2; case 3 was the officer's
      visits: 1,
      activeDays: 1,
      practicalThings: 1, // case 1
      suggestions: 2, // 今年领衔的建议, 今年联名的建议 (case 2's mark is not one)
      receptions: 0,
      groupActivities: 0,
      replies: 2,
      followUps: 1,
      reports: 0, // no 述职报告 published
      offlineActivities: 0,
      forums: 0, // no 代表论坛 / 约见 summarised
      visitors: 0, // no 接待日登记
    });
    expect(record.recent.map((entry) => [entry.kind, entry.caseId])).toEqual(
      expect.arrayContaining([
        ['replies', caseIds[0]],
        ['replies', caseIds[1]],
        ['followUps', caseIds[0]],
        ['practicalThings', caseIds[0]],
      ]),
    );
    expect(record.recent.filter((entry) => entry.kind === 'suggestions').map((entry) => [entry.text, entry.caseId])).toEqual(
      expect.arrayContaining([
        ['提出代表建议「今年领衔的建议」', undefined],
        ['联名提出代表建议「今年联名的建议」', undefined],
      ]),
    );
    expect(record.recent.filter((entry) => entry.kind === 'suggestions')).toHaveLength(2);
    expect(record.recent.some((entry) => entry.caseId === caseIds[2])).toBe(false);
    const answer = JSON.stringify(record);
    for (const resident of residents) expect(answer).not.toContain(resident);
  });

  it('shows each item with its quota, label and unit', async () => {
    const { items } = await duty();
    expect(items.map((item) => [item.key, item.quota])).toEqual([
      ['votersContacted', 30],
      ['visits', 3],
      ['activeDays', 10],
      ['practicalThings', 1],
      ['suggestions', 1],
      ['receptions', 6],
      ['groupActivities', 3],
      ['replies', undefined],
      ['followUps', undefined],
      ['reports', undefined],
      ['offlineActivities', undefined],
      ['forums', undefined],
      ['visitors', undefined],
    ]);
    expect(items.find((item) => item.key === 'visits')!.label).toContain('回访');
  });

  it('counts a past year by hand: events, check-ins and bookings of that year only', async () => {
    const record = await duty(2024);
    expect(record.year).toBe(2024);
    expect(counts(record)).toEqual({
      // o-p1, o-p2, o-p3, o-p4 (replied or followed up) and o-b1 (booked at a checked-in reception).
      votersContacted: 5,
      // 回访 on 04-02 (twice) and 05-06.
      visits: 2,
      // 03-01, 03-10 (check-in), 04-02, 05-06, 06-01 (a suggestion; the case's mark that day no longer counts),
      // 06-02, 07-10 (check-in), 09-15 (a co-signed suggestion), 12-31.
      activeDays: 9,
      practicalThings: 1,
      suggestions: 2, // 往年领衔的建议, 往年联名的建议
      receptions: 2,
      groupActivities: 0,
      replies: 3,
      followUps: 3,
      reports: 0,
      offlineActivities: 0,
      forums: 0, // no 代表论坛 / 约见 summarised
      visitors: 0, // no 接待日登记
    });
    // 7 events of dp-001 in 2024 (the mark is not one), 2 check-ins, 2 bookings at a checked-in reception, 1 practical thing, 2 suggestions.
    expect(record.recent).toHaveLength(14);
    expect(record.recent.filter((entry) => entry.kind === 'suggestions').map((entry) => [entry.at, entry.text])).toEqual([
      [bj('2024-09-15T10:00:00').toISOString(), '联名提出代表建议「往年联名的建议」'],
      [bj('2024-06-01T10:00:00').toISOString(), '提出代表建议「往年领衔的建议」'],
    ]);
    expect(record.recent.filter((entry) => entry.kind === 'practicalThings')).toEqual([
      { at: bj('2024-03-05T09:00:00').toISOString(), kind: 'practicalThings', text: '「往年留言 duty-p1」办结，群众满意', caseId: 'duty-p1' },
    ]);
    expect(record.recent[0]).toEqual({ at: bj('2024-12-31T23:59:00').toISOString(), kind: 'replies', text: '答复留言「往年留言 duty-p4」', caseId: 'duty-p4' });
    expect(JSON.stringify(record)).not.toMatch(/o-p\d|o-b\d/);
  });

  it('puts the first minute of a year in that year', async () => {
    expect(counts(await duty(2025))).toMatchObject({ replies: 1, votersContacted: 1, activeDays: 1, suggestions: 1 });
    expect(counts(await duty(2023))).toMatchObject({ receptions: 1, activeDays: 1, replies: 0 });
  });

  it('counts as 进站接待 only a check-in at a reception day, not at a forum, a meeting or a 述职会', async () => {
    // 2022: five days with a check-in each — a reception day, an older day stored without a kind (a reception),
    // a 代表论坛 and a 约见 whose 活动回顾 was never posted, and a 述职会.
    const day = (id: string, date: string, kind?: string) => ({
      _id: id,
      stationId: STATION,
      date,
      start: '09:00',
      end: '11:00',
      deputyIds: [DEPUTY_ID],
      officerId: 'sf-ft-hf',
      slots: [],
      publishedAt: bj(`${date}T08:00:00`),
      ...(kind ? { kind } : {}),
    });
    const days = [
      day('rc-2022-r', '2022-03-10', 'reception'),
      day('rc-2022-old', '2022-04-10'),
      day('rc-2022-f', '2022-05-10', 'forum'),
      day('rc-2022-m', '2022-06-10', 'meeting'),
      day('rc-2022-s', '2022-07-10', 'report_meeting'),
    ];
    await backend.db.collection('receptions').add(days);
    await backend.db.collection('checkins').add(
      days.map((d) => ({
        _id: `${d._id}:${DEPUTY_ID}`,
        receptionId: d._id,
        stationId: STATION,
        deputyId: DEPUTY_ID,
        date: d.date,
        at: bj(`${d.date}T09:05:00`),
        distance: 10,
        proof: 'presence-code+location',
      })),
    );
    const record = await duty(2022);
    expect(counts(record)).toMatchObject({ receptions: 2, activeDays: 5, forums: 0, groupActivities: 0, reports: 0 });
    const station = (await backend.db.collection('stations').doc(STATION).get()).data[0].name;
    expect(record.recent.map((entry) => [entry.kind, entry.text])).toEqual([
      ['activeDays', `在${station}述职会签到`],
      ['activeDays', `在${station}约见一府两院签到`],
      ['activeDays', `在${station}代表论坛签到`],
      ['receptions', `在${station}接待日签到`],
      ['receptions', `在${station}接待日签到`],
    ]);
  });

  it.each([RESIDENT, OFFICER, ADMIN])('%s is refused (FORBIDDEN)', async (openid) => {
    expect(await backend.call('user', 'duty', {}, openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each([[1999], [2101], [2024.5], ['2024']])('refuses year %p: INVALID_INPUT', async (year) => {
    expect(await backend.callRaw('user', { action: 'duty', year }, DEPUTY)).toMatchObject({ body: { ok: false, error: { code: 'INVALID_INPUT', field: 'year' } } });
  });
});
