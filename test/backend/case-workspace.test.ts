/**
 * The handlers' side of the case function, through the function host: the queue (inbox) of
 * officers, deputies and the district office — scope, order, counts, filters, paging — and the
 * routing actions (transfer, recordAnswer, supervise, followUp, merge, requestTransfer,
 * markSuggestion, letter), each with a refusal, the handlers' task notices and the resident's.
 */
import { randomUUID } from 'node:crypto';
import { shanghaiDate, addDays } from '../../backend/domain/calendar';
import type { CaseDetail } from '../../typings/case';
import type { InboxInput, InboxItem } from '../../typings/workspace';
import { ADMIN, caseDocument, DEPUTY, DEPUTY_ID, eventDocuments, notificationDocuments, OFFICER, ref, RESIDENT, STATION, submitted } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';
import { uploadedPhoto } from './photos';

let backend: Backend;
const STATUS = 'LOCAL-PLACEHOLDER-caseStatusChanged';
const REPLY = 'LOCAL-PLACEHOLDER-caseReplied';
const TASK = 'LOCAL-PLACEHOLDER-handlerTask';
const OFFICER_ELSEWHERE = 'otest-ws-officer-lh';
/** The only officer of a station of its own, where the queue's order is arranged case by case. */
const QUEUE_OFFICER = 'otest-ws-officer-queue';
const QUEUE_STATION = 'st-test-queue';
const FAR_STATION = 'st-test-luohu';
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  backend = await startBackend({ functions: ['case', 'subscription'] });
  const createdAt = new Date();
  const station = (id: string, code: string, name: string, district: string, officerIds: string[]) => ({
    _id: id,
    code,
    name,
    kind: 'community',
    district,
    street: '测试街道',
    address: '测试路 1 号',
    location: new backend.db.Geo.Point(114.05, 22.55),
    phone: '0755-88880000',
    hours: [],
    officerIds,
    rules: [],
    createdAt,
  });
  await backend.db
    .collection('stations')
    .add([station(QUEUE_STATION, 'FT-TEST-Q', '测试排序联络站', '福田区', ['sf-ws-queue']), station(FAR_STATION, 'LH-TEST-01', '罗湖测试联络站', '罗湖区', ['sf-ws-lh'])]);
  await backend.db.collection('staff').add([
    { _id: 'sf-ws-queue', name: '排序员', role: 'officer', phone: '0755-1', stationIds: [QUEUE_STATION], district: '福田区', createdAt },
    { _id: 'sf-ws-lh', name: '罗湖员', role: 'officer', phone: '0755-2', stationIds: [FAR_STATION], district: '罗湖区', createdAt },
  ]);
  await backend.db.collection('users').add([
    { _id: 'us-ws-queue', openid: QUEUE_OFFICER, role: 'officer', staffId: 'sf-ws-queue', createdAt },
    { _id: 'us-ws-lh', openid: OFFICER_ELSEWHERE, role: 'officer', staffId: 'sf-ws-lh', createdAt },
  ]);
}, 180_000);

afterAll(() => backend?.close());

const detail = (caseId: string, openid: string) => backend.data('case', 'get', { caseId }, openid);
const inbox = (openid: string, input: InboxInput = {}) => backend.data('case', 'inbox', input, openid);
const ids = (items: InboxItem[]) => items.map((item) => item.id);
const tomorrow = () => addDays(shanghaiDate(new Date()), 1);

/** The person accepted one message of a template: recorded by us (subscription.record) and by WeChat. */
async function allow(openid: string, templateId: string): Promise<void> {
  await backend.data('subscription', 'record', { results: { [templateId]: 'accept' } }, openid);
  await backend.wx.grant(openid, templateId);
}

/** A case at the demo station, accepted by the officer (and assigned to the demo deputy when asked). */
async function acceptedCase(options: { assign?: boolean; resident?: string } = {}): Promise<CaseDetail> {
  const { caseId } = await submitted(backend, options.resident ?? newOpenid());
  let current = await backend.data('case', 'accept', ref(await detail(caseId, OFFICER)), OFFICER);
  if (options.assign) current = await backend.data('case', 'assign', { ...ref(current), deputyId: DEPUTY_ID }, OFFICER);
  return current;
}

let receipts = 0;
/** A case document written straight to the database, for arranging the queue exactly. */
function rawCase(over: { status: string; submittedAt: Date; dueAt?: Date; stationId?: string }) {
  receipts += 1;
  const id = `ws${randomUUID().replace(/-/g, '')}`;
  return {
    _id: id,
    receiptNo: `QT20260101-${String(receipts).padStart(5, '0')}`,
    stationId: over.stationId ?? QUEUE_STATION,
    stationName: '测试排序联络站',
    category: 'help',
    title: `排序测试 ${receipts}`,
    content: '用于检查待办留言的排序与分页。',
    photoFileIds: [],
    anonymous: false,
    ownerOpenid: 'otest-ws-owner',
    requestId: id,
    status: over.status,
    reopenCount: 0,
    submittedAt: over.submittedAt,
    updatedAt: over.submittedAt,
    version: 1,
    lastSeq: 1,
    contentHash: id,
    unreadCount: 0,
    readSeq: 1,
    ...(over.dueAt ? { dueAt: over.dueAt } : {}),
  };
}

describe('the queue of a station, in order', () => {
  const now = Date.now();
  const at = (days: number) => new Date(now + days * DAY);
  const arranged = {
    dueLater: rawCase({ status: 'submitted', submittedAt: at(-1), dueAt: at(2) }),
    overdue: rawCase({ status: 'accepted', submittedAt: at(-20), dueAt: at(-1) }),
    mostOverdue: rawCase({ status: 'in_progress', submittedAt: at(-10), dueAt: at(-3) }),
    dueSoon: rawCase({ status: 'transferred', submittedAt: at(-30), dueAt: at(1) }),
    repliedOld: rawCase({ status: 'replied', submittedAt: at(-40) }),
    repliedNew: rawCase({ status: 'replied', submittedAt: at(-5) }),
    closed: rawCase({ status: 'closed', submittedAt: at(-50) }),
    rejected: rawCase({ status: 'rejected', submittedAt: at(-45) }),
  };

  beforeAll(async () => {
    await backend.db.collection('cases').add(Object.values(arranged));
  });

  it('overdue first (most overdue first), then the earliest due, then the oldest with nothing due', async () => {
    const answer = await inbox(QUEUE_OFFICER, { filter: 'open' });
    const a = arranged;
    expect(ids(answer.cases)).toEqual([a.mostOverdue, a.overdue, a.dueSoon, a.dueLater, a.repliedOld, a.repliedNew].map((c) => c._id));
    expect(answer.cases.map((c) => c.overdue)).toEqual([true, true, false, false, false, false]);
    expect(answer.hasMore).toBe(false);
    expect(answer.cases[0]).toEqual({
      id: a.mostOverdue._id,
      receiptNo: a.mostOverdue.receiptNo,
      title: a.mostOverdue.title,
      category: 'help',
      status: 'in_progress',
      stationId: QUEUE_STATION,
      stationName: '测试排序联络站',
      submittedAt: a.mostOverdue.submittedAt.toISOString(),
      dueAt: a.mostOverdue.dueAt!.toISOString(),
      overdue: true,
      anonymous: false,
      // Stored without a count (as before 我也遇到): none joined.
      joinCount: 0,
    });
  });

  it('counts for the badges, whatever the filter', async () => {
    const counts = { open: 6, triage: 1, overdue: 2 };
    expect((await inbox(QUEUE_OFFICER, { filter: 'closed' })).counts).toEqual(counts);
    expect((await inbox(QUEUE_OFFICER)).counts).toEqual(counts);
  });

  it.each([
    ['triage', ['dueLater']],
    ['overdue', ['mostOverdue', 'overdue']],
    ['closed', ['closed', 'rejected']],
    ['all', ['mostOverdue', 'overdue', 'dueSoon', 'dueLater', 'closed', 'rejected', 'repliedOld', 'repliedNew']],
  ] as const)('filter %s', async (filter, names) => {
    const answer = await inbox(QUEUE_OFFICER, { filter });
    expect(ids(answer.cases)).toEqual(names.map((name) => arranged[name]._id));
  });

  it('pages of 20 that neither skip nor repeat, across the overdue/due/nothing-due boundary', async () => {
    const more = [
      ...Array.from({ length: 14 }, (_, i) => rawCase({ status: 'accepted', submittedAt: at(-60), dueAt: at(5 + i) })),
      ...Array.from({ length: 12 }, (_, i) => rawCase({ status: 'replied', submittedAt: at(-100 + i) })),
    ];
    await backend.db.collection('cases').add(more);
    const pages = [await inbox(QUEUE_OFFICER, { page: 0 }), await inbox(QUEUE_OFFICER, { page: 1 })];
    expect(pages.map((p) => [p.cases.length, p.hasMore])).toEqual([
      [20, true],
      [12, false],
    ]);
    const all = [...ids(pages[0].cases), ...ids(pages[1].cases)];
    expect(new Set(all).size).toBe(32);
    const a = arranged;
    const dueOrder = [a.mostOverdue, a.overdue, a.dueSoon, a.dueLater, ...more.slice(0, 14)].map((c) => c._id);
    const restOrder = [...more.slice(14), a.repliedOld, a.repliedNew].map((c) => c._id);
    expect(all).toEqual([...dueOrder, ...restOrder]);
    expect((await inbox(QUEUE_OFFICER, { page: 2 })).cases).toEqual([]);
    // Leave the counts of the other tests as they were.
    await Promise.all(more.map((c) => backend.db.collection('cases').doc(c._id).remove()));
  });

  it('the same deadline goes oldest submitted first; a full tie goes by id, whatever order the cases were stored in', async () => {
    const due = at(4);
    const submittedAt = at(-3);
    const tie = (id: string, over: Parameters<typeof rawCase>[0]) => ({ ...rawCase(over), _id: id, requestId: id });
    // Accept deadlines are the end of a day, so a day's cases share one: first come, first served.
    const sameDeadline = [tie('ws-tie-due-a', { status: 'accepted', submittedAt, dueAt: due }), tie('ws-tie-due-b', { status: 'accepted', submittedAt: at(-4), dueAt: due })];
    // The same deadline and the same submission time: only the id tells them apart.
    const dueTies = ['ws-tie-due-e', 'ws-tie-due-c', 'ws-tie-due-d'].map((id) => tie(id, { status: 'accepted', submittedAt: at(-5), dueAt: due }));
    const restTies = ['ws-tie-rest-b', 'ws-tie-rest-c', 'ws-tie-rest-a'].map((id) => tie(id, { status: 'replied', submittedAt }));
    const added = [...sameDeadline, ...dueTies, ...restTies];
    for (const c of added) await backend.db.collection('cases').add(c);
    try {
      const shown = ids((await inbox(QUEUE_OFFICER, { filter: 'open' })).cases);
      const inOrder = (prefix: string) => shown.filter((id) => id.startsWith(prefix));
      expect(inOrder('ws-tie-due-')).toEqual(['ws-tie-due-c', 'ws-tie-due-d', 'ws-tie-due-e', 'ws-tie-due-b', 'ws-tie-due-a']);
      expect(inOrder('ws-tie-rest-')).toEqual(['ws-tie-rest-a', 'ws-tie-rest-b', 'ws-tie-rest-c']);
    } finally {
      await Promise.all(added.map((c) => backend.db.collection('cases').doc(c._id).remove()));
    }
  });

  // How fast the open queue answers beside 10,000 closed cases is `npm run bench` item 10 (a
  // ratio to a station with none, measured in one run); here, what it answers. More closed
  // cases than one read returns (1,000), so nothing depends on a single page of them.
  it('a station with thousands of closed cases answers the same open queue and badges, and pages its closed cases', async () => {
    const closed = Array.from({ length: 2_500 }, (_, i) => rawCase({ status: 'closed', submittedAt: at(-400 + i / 100), stationId: QUEUE_STATION }));
    for (let i = 0; i < closed.length; i += 1000) await backend.db.collection('cases').add(closed.slice(i, i + 1000));
    const answer = await inbox(QUEUE_OFFICER, { filter: 'open' });
    const a = arranged;
    expect(ids(answer.cases)).toEqual([a.mostOverdue, a.overdue, a.dueSoon, a.dueLater, a.repliedOld, a.repliedNew].map((c) => c._id));
    expect(answer.counts).toEqual({ open: 6, triage: 1, overdue: 2 });
    expect(answer.hasMore).toBe(false);
    // Finished cases oldest submitted first: the bulk ones (from 400 days ago) before the arranged two.
    const closedPage = await inbox(QUEUE_OFFICER, { filter: 'closed', page: 3 });
    expect(ids(closedPage.cases)).toEqual(closed.slice(60, 80).map((c) => c._id));
    expect(closedPage.hasMore).toBe(true);
  }, 120_000);
});

describe('whose queue', () => {
  it("a deputy sees the cases assigned and addressed to them, and nobody else's", async () => {
    const assigned = await acceptedCase({ assign: true });
    const { caseId: addressed } = await submitted(backend, newOpenid(), { deputyId: DEPUTY_ID });
    const { caseId: others } = await submitted(backend, newOpenid());
    const answer = await inbox(DEPUTY, { filter: 'all' });
    const byId = new Map(answer.cases.map((item) => [item.id, item]));
    expect(byId.get(assigned.id)).toMatchObject({ relation: 'assigned', assignedDeputy: { id: DEPUTY_ID, name: expect.any(String) } });
    expect(byId.get(addressed)).toMatchObject({ relation: 'addressed' });
    expect(byId.has(others)).toBe(false);
    for (const item of answer.cases) {
      const stored = await caseDocument(backend, item.id);
      expect([stored.assignedDeputyId, stored.targetDeputyId]).toContain(DEPUTY_ID);
    }
  });

  it("the district office sees its district's stations, not another district's", async () => {
    const { caseId: here } = await submitted(backend, newOpenid());
    const { caseId: far } = await submitted(backend, newOpenid(), { stationId: FAR_STATION });
    const all = ids((await inbox(ADMIN, { filter: 'triage' })).cases);
    expect(all).toContain(here);
    expect(all).not.toContain(far);
    expect(ids((await inbox(OFFICER_ELSEWHERE, { filter: 'triage' })).cases)).toContain(far);
  });

  it("stationId narrows to one of the caller's stations; another station is FORBIDDEN", async () => {
    const { caseId } = await submitted(backend, newOpenid());
    const narrowed = await inbox(OFFICER, { filter: 'all', stationId: STATION });
    expect(ids(narrowed.cases)).toContain(caseId);
    expect(new Set(narrowed.cases.map((c) => c.stationId))).toEqual(new Set([STATION]));
    for (const [openid, stationId] of [
      [OFFICER, QUEUE_STATION],
      [ADMIN, FAR_STATION],
      [DEPUTY, QUEUE_STATION],
    ]) {
      expect(await backend.call('case', 'inbox', { stationId }, openid)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('residents have no queue; bad input names the field', async () => {
    expect(await backend.call('case', 'inbox', {}, RESIDENT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.callRaw('case', { action: 'inbox', filter: 'everything' }, OFFICER)).toMatchObject({
      body: { ok: false, error: { code: 'INVALID_INPUT', field: 'filter' } },
    });
  });
});

describe('routing a case', () => {
  it('transfer: 已转办 to the receiving body, due by the end of the chosen day; the resident is told', async () => {
    const resident = newOpenid();
    const accepted = await acceptedCase({ resident });
    await allow(resident, STATUS);
    const deadline = addDays(shanghaiDate(new Date()), 10);
    const after = await backend.data('case', 'transfer', { ...ref(accepted), route: 'street_office', receivingBody: '华富街道办', deadline, note: '属街道职权' }, OFFICER);
    expect(after).toMatchObject({ status: 'transferred', transfer: { route: 'street_office', receivingBody: '华富街道办' } });
    expect(shanghaiDate(new Date(after.dueAt!))).toBe(deadline);
    expect(new Date(after.dueAt!).getTime() % 1000).toBe(999);
    const sent = await backend.wx.sent({ openid: resident, templateId: STATUS });
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ phrase3: { value: '已转办' }, thing5: { value: '已转华富街道办办理' } });
  });

  it("transfer refusals: a deputy (FORBIDDEN), a deadline not after today (INVALID_INPUT), another station's officer (NOT_FOUND)", async () => {
    const accepted = await acceptedCase({ assign: true });
    const input = { ...ref(accepted), route: 'street_office' as const, receivingBody: '华富街道办', deadline: tomorrow() };
    expect(await backend.call('case', 'transfer', input, DEPUTY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.call('case', 'transfer', { ...input, deadline: shanghaiDate(new Date()) }, OFFICER)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'deadline', message: '办理期限须晚于今天' },
    });
    expect(await backend.call('case', 'transfer', input, OFFICER_ELSEWHERE)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await caseDocument(backend, accepted.id)).version).toBe(accepted.version);
  });

  it("recordAnswer: the receiving body's answer on the timeline and to the resident, from that body by default", async () => {
    const resident = newOpenid();
    const accepted = await acceptedCase({ resident });
    const transferred = await backend.data('case', 'transfer', { ...ref(accepted), route: 'street_office', receivingBody: '华富街道办', deadline: tomorrow() }, OFFICER);
    expect(await backend.call('case', 'recordAnswer', { ...ref(transferred), content: '已修复' }, DEPUTY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await allow(resident, REPLY);
    const after = await backend.data('case', 'recordAnswer', { ...ref(transferred), content: '路灯已于本周修复' }, OFFICER);
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'answer_recorded', note: '路灯已于本周修复', data: { from: '华富街道办' } });
    const [sent] = await backend.wx.sent({ openid: resident, templateId: REPLY });
    expect(sent.data).toMatchObject({ thing2: { value: '华富街道办' }, thing3: { value: '路灯已于本周修复' } });
  });

  it('supervise: by the district office; the assigned deputy and the officers get a task only with a grant', async () => {
    const accepted = await acceptedCase({ assign: true });
    expect(await backend.call('case', 'supervise', { ...ref(accepted), note: '请加快' }, RESIDENT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.callRaw('case', { action: 'supervise', ...ref(accepted), note: ' ' }, ADMIN)).toMatchObject({
      body: { ok: false, error: { code: 'INVALID_INPUT', field: 'note' } },
    });
    await allow(DEPUTY, TASK);
    const before = (await backend.wx.sent({ templateId: TASK })).length;
    const after = await backend.data('case', 'supervise', { ...ref(accepted), note: '请本周内答复群众' }, ADMIN);
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'supervised', actorRole: 'admin', note: '请本周内答复群众' });
    const sent = (await backend.wx.sent({ templateId: TASK })).slice(before);
    // The officer granted nothing: only the deputy's arrives; the officer's waits as skipped.
    expect(sent.map((m) => m.touser)).toEqual([DEPUTY]);
    expect(sent[0]).toMatchObject({ page: `packages/work/case/index?id=${accepted.id}`, data: { thing1: { value: '督办' }, thing5: { value: '请本周内答复群众' } } });
    const tasks = (await notificationDocuments(backend, accepted.id)).filter((n) => n.kind === 'handlerTask' && n.eventSeq === after.timeline.at(-1)!.seq);
    expect(tasks.map((n) => [n.openid, n.state]).sort()).toEqual([
      [DEPUTY, 'sent'],
      [OFFICER, 'skipped_no_grant'],
    ]);
  });

  it('assign: the deputy gets 新的交办留言 with a grant, never without', async () => {
    const first = await acceptedCase();
    const before = (await backend.wx.sent({ openid: DEPUTY, templateId: TASK })).length;
    await backend.data('case', 'assign', { ...ref(first), deputyId: DEPUTY_ID }, OFFICER);
    expect(await backend.wx.sent({ openid: DEPUTY, templateId: TASK })).toHaveLength(before);
    expect((await notificationDocuments(backend, first.id)).filter((n) => n.kind === 'handlerTask').map((n) => [n.openid, n.state])).toEqual([[DEPUTY, 'skipped_no_grant']]);

    const second = await acceptedCase();
    await allow(DEPUTY, TASK);
    await backend.data('case', 'assign', { ...ref(second), deputyId: DEPUTY_ID }, OFFICER);
    const sent = (await backend.wx.sent({ openid: DEPUTY, templateId: TASK })).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].data).toMatchObject({ thing1: { value: '新的交办留言' }, character_string3: { value: second.receiptNo } });
  });

  it("followUp: the assigned deputy records a 回访 with a photo; another station's officer gets NOT_FOUND", async () => {
    const accepted = await acceptedCase({ assign: true });
    const fileID = await uploadedPhoto(backend, DEPUTY);
    expect(await backend.call('case', 'followUp', { ...ref(accepted), note: '已回访' }, OFFICER_ELSEWHERE)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const after = await backend.data('case', 'followUp', { ...ref(accepted), note: '电话回访，群众表示满意', photoFileIds: [fileID] }, DEPUTY);
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'followed_up', actorRole: 'deputy', photos: [{ fileId: fileID, url: expect.stringMatching(/^http/) }] });
  });

  it('merge: a later duplicate into the earlier case by its receipt number; closed for the resident', async () => {
    const earlier = await acceptedCase();
    const resident = newOpenid();
    const { caseId } = await submitted(backend, resident);
    const later = await detail(caseId, OFFICER);
    expect(await backend.call('case', 'merge', { ...ref(earlier), intoReceiptNo: later.receiptNo }, OFFICER)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'intoReceiptNo', message: '只能合并到更早提交的留言' },
    });
    expect(await backend.call('case', 'merge', { ...ref(later), intoReceiptNo: 'FT20200101-0001' }, OFFICER)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'intoReceiptNo' },
    });
    await allow(resident, STATUS);
    const merged = await backend.data('case', 'merge', { ...ref(later), intoReceiptNo: earlier.receiptNo.toLowerCase() }, OFFICER);
    expect(merged).toMatchObject({ status: 'closed', closure: { withoutRating: true, mergedInto: { id: earlier.id, receiptNo: earlier.receiptNo } } });
    const [sent] = await backend.wx.sent({ openid: resident, templateId: STATUS });
    expect(sent.data).toMatchObject({ phrase3: { value: '已办结' }, thing5: { value: `与${earlier.receiptNo}合并办理` } });
  });

  it('requestTransfer: the deputy written to asks; the officers get 代表申请转办; an officer may not ask', async () => {
    const { caseId } = await submitted(backend, newOpenid(), { deputyId: DEPUTY_ID });
    const accepted = await backend.data('case', 'accept', ref(await detail(caseId, OFFICER)), OFFICER);
    expect(await backend.call('case', 'requestTransfer', { ...ref(accepted), note: '涉及全区' }, OFFICER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await allow(OFFICER, TASK);
    const after = await backend.data(
      'case',
      'requestTransfer',
      { ...ref(accepted), note: '涉及全区道路规划，建议以代表函转区人大常委会', route: 'district_committee' },
      DEPUTY,
    );
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'transfer_requested', data: { route: 'district_committee' } });
    const tasks = (await notificationDocuments(backend, caseId)).filter((n) => n.kind === 'handlerTask');
    expect(tasks.map((n) => [n.openid, n.state])).toEqual([[OFFICER, 'sent']]);
    expect(tasks[0].data.thing1.value).toBe('代表申请转办');
  });

  it('markSuggestion: once, by the assigned deputy', async () => {
    const accepted = await acceptedCase({ assign: true });
    const marked = await backend.data('case', 'markSuggestion', { ...ref(accepted), note: '拟在人代会上提出建议' }, DEPUTY);
    expect(marked.timeline.at(-1)).toMatchObject({ kind: 'suggestion_marked', actorRole: 'deputy' });
    expect(await backend.call('case', 'markSuggestion', ref(marked), DEPUTY)).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
    expect(await backend.call('case', 'markSuggestion', ref(marked), OFFICER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the 代表函', () => {
  it('a case transferred to the district committee gets a numbered PDF behind a temporary URL', async () => {
    const accepted = await acceptedCase({ assign: true });
    const transferred = await backend.data(
      'case',
      'transfer',
      { ...ref(accepted), route: 'district_committee', receivingBody: '区住房和建设局', deadline: addDays(shanghaiDate(new Date()), 15) },
      OFFICER,
    );
    const year = shanghaiDate(new Date()).slice(0, 4);
    const letter = await backend.data('case', 'letter', { caseId: transferred.id }, OFFICER);
    expect(letter).toEqual({
      letterNo: `福田代函〔${year}〕${transferred.receiptNo}`,
      fileId: expect.stringContaining(`letters/${transferred.id}/${transferred.receiptNo}.pdf`),
      url: expect.stringMatching(/^http/),
    });
    const response = await fetch(letter.url);
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The district office may issue it too.
    expect((await backend.data('case', 'letter', { caseId: transferred.id }, ADMIN)).letterNo).toBe(letter.letterNo);
  });

  it("refused for other routes (ILLEGAL_TRANSITION), for deputies (FORBIDDEN), for another station's officer (NOT_FOUND)", async () => {
    const accepted = await acceptedCase({ assign: true });
    const transferred = await backend.data('case', 'transfer', { ...ref(accepted), route: 'street_office', receivingBody: '华富街道办', deadline: tomorrow() }, OFFICER);
    expect(await backend.call('case', 'letter', { caseId: transferred.id }, OFFICER)).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', message: expect.stringContaining('代表函') },
    });
    expect(await backend.call('case', 'letter', { caseId: transferred.id }, DEPUTY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.call('case', 'letter', { caseId: transferred.id }, OFFICER_ELSEWHERE)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe("the scheduler's commands share the write path", () => {
  it("an escalation queues the 督办 task and leaves the event, like a person's supervision", async () => {
    const accepted = await acceptedCase({ assign: true });
    await backend.db
      .collection('cases')
      .doc(accepted.id)
      .update({ dueAt: new Date(Date.now() - DAY) });
    const { runSystemCommand } = await import('../../backend/use-cases/cases/system-commands');
    const ctx = {
      db: backend.db as never,
      wx: { sendSubscribeMessage: async () => ({ ok: true, value: null }) } as never,
      now: new Date(),
      ids: () => randomUUID().replace(/-/g, ''),
    };
    const result = await runSystemCommand(ctx, accepted.id, { kind: 'escalate' });
    expect(result).toMatchObject({ ok: true, value: { version: accepted.version + 1 } });
    expect(result.ok && new Date(result.value.lastEscalatedAt!).getTime()).toBe(ctx.now.getTime());
    const last = (await eventDocuments(backend, accepted.id)).at(-1)!;
    expect(last).toMatchObject({ kind: 'supervised', actorRole: 'system', actorId: 'scheduler', data: { escalated: true } });
    const tasks = (await notificationDocuments(backend, accepted.id)).filter((n) => n.kind === 'handlerTask' && n.eventSeq === last.seq);
    expect(tasks.map((n) => n.openid).sort()).toEqual([DEPUTY, OFFICER]);
    expect(await runSystemCommand(ctx, accepted.id, { kind: 'escalate' })).toMatchObject({ ok: false, failure: { code: 'NOT_YET_DUE' } });
  });
});
