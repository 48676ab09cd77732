/**
 * A case from message to closed loop, through the function host: who may see and do what,
 * the transactions (stale versions, two officers at once), the timeline and the unread badge.
 */
import { eventsOf } from '../../backend/data/case-events';
import { commitCaseChange, findCase, toStoredEvent } from '../../backend/data/cases';
import { replyDueAt } from '../../backend/domain/case/deadlines';
import type { CaseDetail } from '../../typings/case';
import { ADMIN, caseDocument, DEPUTY, DEPUTY_ID, eventDocuments, notificationDocuments, OFFICER, ref, RESIDENT, RESIDENT_2, STATION, submitted } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';

let backend: Backend;
const OFFICER_2 = 'otest-officer-2';
const OFFICER_ELSEWHERE = 'otest-officer-lh';
const OFFICER_WITHOUT_RECORD = 'otest-officer-ghost';

beforeAll(async () => {
  backend = await startBackend({ functions: ['case', 'subscription'] });
  // A second officer of the same station, and one of another street's station.
  const createdAt = new Date();
  await backend.db.collection('staff').add([
    { _id: 'sf-test-2', name: '周晓燕', role: 'officer', phone: '0755-00000000', stationIds: [STATION], district: '福田区', createdAt },
    { _id: 'sf-test-lh', name: '陈立', role: 'officer', phone: '0755-00000001', stationIds: ['st-ft-lh'], district: '福田区', createdAt },
  ]);
  await backend.db.collection('users').add([
    { _id: 'us-test-officer-2', openid: OFFICER_2, role: 'officer', staffId: 'sf-test-2', createdAt },
    { _id: 'us-test-officer-lh', openid: OFFICER_ELSEWHERE, role: 'officer', staffId: 'sf-test-lh', createdAt },
    { _id: 'us-test-officer-ghost', openid: OFFICER_WITHOUT_RECORD, role: 'officer', staffId: 'sf-does-not-exist', createdAt },
  ]);
}, 120_000);

afterAll(() => backend?.close());

const get = (caseId: string, openid: string) => backend.call('case', 'get', { caseId }, openid);
const detail = (caseId: string, openid: string) => backend.data('case', 'get', { caseId }, openid);

/** What must not change when a call is refused. */
async function snapshot(caseId: string) {
  const stored = await caseDocument(backend, caseId);
  return {
    version: stored.version,
    status: stored.status,
    events: (await eventDocuments(backend, caseId)).length,
    notifications: (await notificationDocuments(backend, caseId)).length,
  };
}

describe('who sees a case', () => {
  it('a resident sees only their own cases: another resident gets NOT_FOUND and an empty list', async () => {
    const { caseId } = await submitted(backend, RESIDENT);
    expect(await get(caseId, RESIDENT_2)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
    expect(await get('no-such-case', RESIDENT_2)).toEqual(await get(caseId, RESIDENT_2));
    const theirs = await backend.data('case', 'mine', {}, RESIDENT_2);
    expect(theirs.cases.map((c) => c.id)).not.toContain(caseId);
    const mine = await backend.data('case', 'mine', {}, RESIDENT);
    expect(mine.cases.map((c) => c.id)).toContain(caseId);
  });

  it('我的留言 for a deputy, an officer or the district office is an empty list, not a refusal (only residents own cases)', async () => {
    await submitted(backend, RESIDENT, { deputyId: DEPUTY_ID });
    for (const openid of [DEPUTY, OFFICER, ADMIN]) {
      expect(await backend.call('case', 'mine', {}, openid)).toEqual({ ok: true, data: { cases: [], hasMore: false, unreadTotal: 0 } });
    }
    expect(await backend.call('case', 'mine', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('officers see the cases of their stations only; the district office sees all', async () => {
    const { caseId } = await submitted(backend, newOpenid());
    expect((await get(caseId, OFFICER)).ok).toBe(true);
    expect(await get(caseId, OFFICER_ELSEWHERE)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The district office may only supervise (督办).
    expect(await detail(caseId, ADMIN)).toMatchObject({ id: caseId, availableCommands: ['supervise'] });
  });

  it('an anonymous case shows a deputy neither the contact nor who wrote it', async () => {
    const resident = newOpenid();
    const { caseId } = await submitted(backend, resident, { anonymous: true, deputyId: DEPUTY_ID, contact: { name: '王女士', phone: '13812345678' } });
    const forDeputy = await detail(caseId, DEPUTY);
    expect(forDeputy.contact).toBeUndefined();
    expect(forDeputy.anonymous).toBe(true);
    expect(forDeputy.timeline[0]).toMatchObject({ kind: 'submitted', actorRole: 'resident', actorName: '' });
    expect(JSON.stringify(forDeputy)).not.toMatch(/13812345678|王女士|otest-/);

    const forOfficer = await detail(caseId, OFFICER);
    expect(forOfficer.contact).toEqual({ name: '王女士', phone: '13812345678' });
    expect(JSON.stringify(forOfficer)).not.toContain(resident);
    expect((await detail(caseId, resident)).contact).toEqual({ name: '王女士', phone: '13812345678' });

    // Still hidden once the deputy is assigned to it.
    const accepted = await backend.data('case', 'accept', ref(forOfficer), OFFICER);
    await backend.data('case', 'assign', { ...ref(accepted), deputyId: DEPUTY_ID }, OFFICER);
    const assigned = await detail(caseId, DEPUTY);
    expect(assigned.contact).toBeUndefined();
    expect(assigned.availableCommands).toEqual(['reply', 'follow_up', 'request_transfer', 'mark_suggestion']);
  });

  it('a deputy not addressed nor assigned does not see the case', async () => {
    const { caseId } = await submitted(backend, newOpenid());
    expect(await get(caseId, DEPUTY)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the closed loop', () => {
  it('submit → accept → assign → the deputy replies → the resident rates → closed, with a timeline and an unread badge', async () => {
    const resident = newOpenid();
    const { caseId, receiptNo } = await submitted(backend, resident);

    const accepted = await backend.data('case', 'accept', { caseId, version: 1, note: '已转物业核实' }, OFFICER);
    expect(accepted).toMatchObject({ status: 'accepted', version: 2, dueAt: expect.any(String) });
    const assigned = await backend.data('case', 'assign', { ...ref(accepted), deputyId: DEPUTY_ID }, OFFICER);
    expect(assigned).toMatchObject({ status: 'accepted', version: 3, assignedDeputy: { id: DEPUTY_ID, name: expect.any(String) } });

    // The resident has not looked yet: two changes by others are unread.
    let mine = await backend.data('case', 'mine', {}, resident);
    expect(mine.cases[0]).toMatchObject({ id: caseId, unread: 2 });
    expect(mine.unreadTotal).toBe(2);

    const forDeputy = await detail(caseId, DEPUTY);
    expect(forDeputy.availableCommands).toEqual(['reply', 'follow_up', 'request_transfer', 'mark_suggestion']);
    const replied = await backend.data('case', 'reply', { ...ref(forDeputy), content: '已联系物业，路灯已于本周三修复。' }, DEPUTY);
    expect(replied.status).toBe('replied');

    const seen = await detail(caseId, resident);
    expect(seen.availableCommands).toEqual(['supplement', 'rate', 'request_reopen']);
    expect(seen.timeline.map((e) => [e.kind, e.actorName])).toEqual([
      ['submitted', '我'],
      ['accepted', expect.stringMatching(/^联络员 \S+$/)],
      ['assigned', expect.stringMatching(/^联络员 \S+$/)],
      ['replied', expect.stringMatching(/^人大代表 \S+$/)],
    ]);
    expect(seen.timeline[1].note).toBe('已转物业核实');
    expect(seen.timeline[2].data).toMatchObject({ deputyId: DEPUTY_ID, deputyName: expect.any(String) });
    expect(seen.timeline[3]).toMatchObject({ fromStatus: 'accepted', toStatus: 'replied', note: '已联系物业，路灯已于本周三修复。' });
    expect(Number.isNaN(Date.parse(seen.timeline[3].at))).toBe(false);
    // Reading it reset the badge.
    mine = await backend.data('case', 'mine', {}, resident);
    expect(mine.cases[0].unread).toBe(0);
    expect(mine.unreadTotal).toBe(0);

    const closed = await backend.data('case', 'rate', { ...ref(seen), rating: 'satisfied', comment: '修得很快，谢谢' }, resident);
    expect(closed).toMatchObject({ status: 'closed', rating: { value: 'satisfied', comment: '修得很快，谢谢' }, closure: { withoutRating: false }, availableCommands: [] });
    // The resident's own rating is not news to them.
    expect((await backend.data('case', 'mine', {}, resident)).cases[0].unread).toBe(0);

    const events = await eventDocuments(backend, caseId);
    expect(events.map((e) => [e._id, e.kind])).toEqual([
      [`${caseId}:1`, 'submitted'],
      [`${caseId}:2`, 'accepted'],
      [`${caseId}:3`, 'assigned'],
      [`${caseId}:4`, 'replied'],
      [`${caseId}:5`, 'rated'],
    ]);
    expect((await caseDocument(backend, caseId)).receiptNo).toBe(receiptNo);
  });

  it('an officer may also reply, and an officer may reject with a reason and a referral', async () => {
    const { caseId } = await submitted(backend, newOpenid());
    const accepted = await backend.data('case', 'accept', { caseId, version: 1 }, OFFICER);
    expect((await backend.data('case', 'reply', { ...ref(accepted), content: '已安排维修。' }, OFFICER)).status).toBe('replied');

    const other = await submitted(backend, newOpenid());
    const rejected = await backend.data(
      'case',
      'reject',
      { caseId: other.caseId, version: 1, reason: '属于正在审理的诉讼事项', referral: '请向区人民法院诉讼服务中心咨询' },
      OFFICER,
    );
    expect(rejected).toMatchObject({ status: 'rejected', availableCommands: [] });
    expect(rejected.timeline[1]).toMatchObject({ kind: 'rejected', note: '属于正在审理的诉讼事项', data: { referral: '请向区人民法院诉讼服务中心咨询' } });
  });

  it('a resident withdraws before acceptance, supplements and reopens', async () => {
    const resident = newOpenid();
    const first = await submitted(backend, resident);
    const supplemented = await backend.data('case', 'supplement', { caseId: first.caseId, version: 1, note: '坏的是靠近东门的那一盏' }, resident);
    expect(supplemented).toMatchObject({ status: 'submitted', version: 2 });
    expect(await backend.data('case', 'withdraw', ref(supplemented), resident)).toMatchObject({ status: 'withdrawn', availableCommands: [] });

    const second = await submitted(backend, resident);
    const accepted = await backend.data('case', 'accept', { caseId: second.caseId, version: 1 }, OFFICER);
    const replied = await backend.data('case', 'reply', { ...ref(accepted), content: '已修复。' }, OFFICER);
    const unhappy = await backend.data('case', 'rate', { ...ref(replied), rating: 'unsatisfied' }, resident);
    expect(unhappy.status).toBe('replied');
    const reopened = await backend.data('case', 'reopen', { ...ref(unhappy), reason: '修好两天又坏了' }, resident);
    expect(reopened).toMatchObject({ status: 'in_progress', reopenCount: 1 });
    expect(reopened.rating).toBeUndefined();
    // A new reply deadline: the end of the 15th Shanghai day after the reopen.
    const reopenedAt = new Date(reopened.timeline[reopened.timeline.length - 1].at);
    expect(reopened.dueAt).toBe(replyDueAt(reopenedAt).toISOString());
  });

  it('a second rating and a 重办 after 满意 are ILLEGAL_TRANSITION, each saying why', async () => {
    const resident = newOpenid();
    const { caseId } = await submitted(backend, resident);
    const accepted = await backend.data('case', 'accept', { caseId, version: 1 }, OFFICER);
    const replied = await backend.data('case', 'reply', { ...ref(accepted), content: '已修复。' }, OFFICER);
    const unhappy = await backend.data('case', 'rate', { ...ref(replied), rating: 'unsatisfied' }, resident);
    expect(await backend.call('case', 'rate', { ...ref(unhappy), rating: 'satisfied' }, resident)).toEqual({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', message: '您已评价过这次答复，如不满意可以申请重办' },
    });

    const { caseId: other } = await submitted(backend, resident);
    const answered = await backend.data(
      'case',
      'reply',
      { ...ref(await backend.data('case', 'accept', { caseId: other, version: 1 }, OFFICER)), content: '已处理。' },
      OFFICER,
    );
    const satisfied = await backend.data('case', 'rate', { ...ref(answered), rating: 'satisfied' }, resident);
    expect(satisfied.status).toBe('closed');
    expect(await backend.call('case', 'rate', { ...ref(satisfied), rating: 'unsatisfied' }, resident)).toEqual({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', message: '留言已办结，不能评价' },
    });
    expect(await backend.call('case', 'reopen', { ...ref(satisfied), reason: '又坏了' }, resident)).toEqual({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', message: '您已评价满意，这件留言不能再申请重办' },
    });
  });
});

describe('待评价 on 我的留言 (case.mine)', () => {
  const awaiting = async (resident: string, caseId: string) => {
    const { cases } = await backend.data('case', 'mine', {}, resident);
    return cases.find((c) => c.id === caseId)?.awaitingRating;
  };

  it('is true for an answer not yet rated, false once rated — even 不满意, while the case is still 已答复 — and after a 重办', async () => {
    const resident = newOpenid();
    const { caseId } = await submitted(backend, resident);
    expect(await awaiting(resident, caseId)).toBe(false);
    const accepted = await backend.data('case', 'accept', { caseId, version: 1 }, OFFICER);
    expect(await awaiting(resident, caseId)).toBe(false);
    const replied = await backend.data('case', 'reply', { ...ref(accepted), content: '已修复。' }, OFFICER);
    expect(await awaiting(resident, caseId)).toBe(true);

    const unhappy = await backend.data('case', 'rate', { ...ref(replied), rating: 'unsatisfied' }, resident);
    expect(unhappy.status).toBe('replied');
    expect(await awaiting(resident, caseId)).toBe(false);
    const reopened = await backend.data('case', 'reopen', { ...ref(unhappy), reason: '修好两天又坏了' }, resident);
    expect(await awaiting(resident, caseId)).toBe(false);

    // The second answer waits for a rating again; 满意 closes the case, and nothing waits.
    const againReplied = await backend.data('case', 'reply', { ...ref(reopened), content: '已更换灯具。' }, OFFICER);
    expect(await awaiting(resident, caseId)).toBe(true);
    await backend.data('case', 'rate', { ...ref(againReplied), rating: 'satisfied' }, resident);
    expect(await awaiting(resident, caseId)).toBe(false);
  });

  it('is false for an answer the officer closed without a rating (after the quiet period)', async () => {
    const resident = newOpenid();
    const { caseId } = await submitted(backend, resident);
    const accepted = await backend.data('case', 'accept', { caseId, version: 1 }, OFFICER);
    const replied = await backend.data('case', 'reply', { ...ref(accepted), content: '已修复。' }, OFFICER);
    // Answered eight days ago: past the 7 quiet days, the officer may close it unrated.
    await backend.db
      .collection('cases')
      .doc(caseId)
      .update({ repliedAt: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000) });
    expect(await awaiting(resident, caseId)).toBe(true);
    expect(await backend.data('case', 'close', ref(replied), OFFICER)).toMatchObject({ status: 'closed' });
    expect(await awaiting(resident, caseId)).toBe(false);
  });
});

describe('refusals change nothing', () => {
  async function acceptedCase(): Promise<CaseDetail> {
    const { caseId } = await submitted(backend, newOpenid());
    return backend.data('case', 'accept', { caseId, version: 1 }, OFFICER);
  }

  it('a stale version answers CONFLICT and writes nothing', async () => {
    const accepted = await acceptedCase();
    const before = await snapshot(accepted.id);
    const stale = await backend.call('case', 'start', { caseId: accepted.id, version: 1 }, OFFICER);
    expect(stale).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/刷新/) } });
    expect(await snapshot(accepted.id)).toEqual(before);
  });

  it('two officers accepting at once: one succeeds, the other gets CONFLICT, one accepted event', async () => {
    const { caseId } = await submitted(backend, newOpenid());
    const answers = await Promise.all([backend.call('case', 'accept', { caseId, version: 1 }, OFFICER), backend.call('case', 'accept', { caseId, version: 1 }, OFFICER_2)]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(['CONFLICT']);
    const events = await eventDocuments(backend, caseId);
    expect(events.filter((e) => e.kind === 'accepted')).toHaveLength(1);
    expect(await caseDocument(backend, caseId)).toMatchObject({ status: 'accepted', version: 2, lastSeq: 2 });
  });

  it('concurrent commands on one case never lose one: each either lands or answers CONFLICT', async () => {
    const accepted = await acceptedCase();
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => backend.call('case', 'reply', { ...ref(accepted), content: `答复 ${i}` }, i % 2 ? OFFICER : OFFICER_2)),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect((await eventDocuments(backend, accepted.id)).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('an illegal transition answers ILLEGAL_TRANSITION in Chinese', async () => {
    const accepted = await acceptedCase();
    const resident = (await caseDocument(backend, accepted.id)).ownerOpenid;
    const before = await snapshot(accepted.id);
    expect(await backend.call('case', 'withdraw', ref(accepted), resident)).toEqual({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', message: '留言已受理，不能撤回' },
    });
    expect(await backend.call('case', 'close', ref(accepted), OFFICER)).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', message: expect.stringMatching(/[\u4e00-\u9fa5]/) },
    });
    expect(await snapshot(accepted.id)).toEqual(before);
  });

  it('denies by default: a deputy cannot accept, another resident cannot act, an officer elsewhere cannot see it', async () => {
    const { caseId } = await submitted(backend, newOpenid(), { deputyId: DEPUTY_ID });
    const before = await snapshot(caseId);
    expect(await backend.call('case', 'accept', { caseId, version: 1 }, DEPUTY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.call('case', 'reply', { caseId, version: 1, content: '我来答复' }, DEPUTY)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.call('case', 'withdraw', { caseId, version: 1 }, RESIDENT_2)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.call('case', 'accept', { caseId, version: 1 }, OFFICER_ELSEWHERE)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await backend.call('case', 'accept', { caseId, version: 1 }, ADMIN)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await backend.call('case', 'accept', { caseId, version: 1 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // An officer whose staff record is missing staffs no station.
    expect(await backend.call('case', 'accept', { caseId, version: 1 }, OFFICER_WITHOUT_RECORD)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it('assigning refuses a deputy of another station', async () => {
    const accepted = await acceptedCase();
    const { data } = await backend.db.collection('deputies').where({ stationIds: 'st-ft-lh' }).limit(1).get();
    const elsewhere = data.find((d: { stationIds: string[] }) => !d.stationIds.includes(STATION));
    expect(await backend.call('case', 'assign', { ...ref(accepted), deputyId: elsewhere._id }, OFFICER)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'deputyId', message: '只能指派本联络站的人大代表' },
    });
    expect(await backend.call('case', 'assign', { ...ref(accepted), deputyId: 'dp-999' }, OFFICER)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'deputyId' },
    });
  });

  it('never rewrites a timeline: writing an event at a taken position is refused and changes nothing', async () => {
    const { caseId } = await submitted(backend, newOpenid());
    const [first] = await eventsOf(backend.db, caseId);
    const stored = (await findCase(backend.db, caseId))!;
    const forged = toStoredEvent({ ...first, note: '改写的记录' });
    // Even at the case's current version: an event only ever lands at the next position.
    expect(await commitCaseChange(backend.db, { before: stored.state, next: stored.state, events: [forged] })).toBeUndefined();
    expect((await eventDocuments(backend, caseId)).map((e) => e.note)).toEqual([undefined]);
    expect(await caseDocument(backend, caseId)).toMatchObject({ version: 1, lastSeq: 1 });
  });

  it('refuses unknown actions and malformed references', async () => {
    expect((await backend.callRaw('case', { action: 'delete', caseId: 'x' }, OFFICER)).body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
    expect((await backend.callRaw('case', { action: 'accept', caseId: { $ne: null }, version: 1 }, OFFICER)).body).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'caseId' },
    });
    expect((await backend.callRaw('case', { action: 'accept', caseId: 'abc', version: '1' }, OFFICER)).body).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'version' },
    });
  });
});
