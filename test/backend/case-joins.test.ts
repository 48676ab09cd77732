/**
 * 我也遇到 through the function host: a resident composing finds the open public cases of the
 * station that look alike (never anyone's content, contact or identity), joins one (idempotent,
 * rate-limited, undoable, never their own), hears its status changes on their own grants, and
 * the handlers see the 附议 number and what joiners added. A merge keeps every joiner; account
 * deletion takes the person's joins away; the export carries them.
 */
import templates from '../../config/subscribe-templates.json';
import type { CaseDetail } from '../../typings/case';
import { caseDocument, DEPUTY, DEPUTY_ID, OFFICER, ref, STATION, submission } from './case-fixtures';
import { newOpenid, startBackend, type Backend } from './harness';
import { uploadedPhoto } from './photos';

let backend: Backend;
const STATUS = templates.templates.caseStatusChanged.id;
const REPLY = templates.templates.caseReplied.id;
const PUBLIC_PAGE = 'packages/station/case/index';

beforeAll(async () => {
  backend = await startBackend({ functions: ['case', 'subscription', 'scheduler', 'user'] });
}, 180_000);

afterAll(() => backend?.close());

/** Written by a resident nobody else uses (the submission limits are per resident), then accepted by the officer. */
async function acceptedCase(fields: Parameters<typeof submission>[0] = {}, owner = newOpenid('owner')): Promise<CaseDetail & { owner: string }> {
  const { caseId } = await backend.data('case', 'submit', submission(fields), owner);
  const accepted = await backend.data('case', 'accept', { caseId, version: 1 }, OFFICER);
  return { ...accepted, owner };
}

/** The officer's queue line of a case, paging through the open cases. */
async function inboxLine(caseId: string) {
  for (let page = 0; page < 20; page += 1) {
    const inbox = await backend.data('case', 'inbox', { filter: 'open', page }, OFFICER);
    const line = inbox.cases.find((c) => c.id === caseId);
    if (line || !inbox.hasMore) return line;
  }
  return undefined;
}

const joinsOfCase = async (caseId: string) => (await backend.db.collection('case_joins').where({ caseId }).get()).data;

describe('case.similar while composing', () => {
  it('finds the accepted public case that looks alike, and never a private, unaccepted or anonymous one', async () => {
    const phone = '13912345678';
    const shown = await acceptedCase({ title: '12栋楼道灯坏了', content: `12栋三单元楼道灯坏了一个月，联系电话 ${phone}，请尽快修。`, contact: { name: '陈先生', phone } });
    const privateOne = await acceptedCase({ title: '12栋楼道灯坏了没人管', public: false });
    const anonymousOne = await acceptedCase({ title: '楼道灯坏了很久', anonymous: true, public: true });
    const waiting = await backend.data('case', 'submit', submission({ title: '楼道灯坏了两周' }), newOpenid('owner'));
    const unlike = await acceptedCase({ title: '垃圾分类宣传' });

    const composer = newOpenid('composer');
    const answer = await backend.data('case', 'similar', { stationId: STATION, title: '楼道灯不亮' }, composer);
    const ids = answer.cases.map((c) => c.id);
    expect(ids).toContain(shown.id);
    for (const hidden of [privateOne.id, anonymousOne.id, waiting.caseId, unlike.id]) expect(ids).not.toContain(hidden);

    const line = answer.cases.find((c) => c.id === shown.id)!;
    expect(line).toEqual({ id: shown.id, title: '12栋楼道灯坏了', category: 'help', status: 'accepted', joinCount: 0, submittedAt: shown.submittedAt, joined: false });
    // Nothing of the content, contact or owner travels with the answer.
    const text = JSON.stringify(answer);
    for (const secret of [phone, '陈先生', '三单元', shown.owner, shown.receiptNo]) expect(text).not.toContain(secret);
  });

  it('does not offer the caller their own case, and says which ones they joined', async () => {
    const mine = await acceptedCase({ title: '电梯经常停运' });
    const theirs = await acceptedCase({ title: '电梯停运没人修' });
    const own = await backend.data('case', 'similar', { stationId: STATION, title: '电梯停运' }, mine.owner);
    expect(own.cases.map((c) => c.id)).not.toContain(mine.id);

    await backend.data('case', 'join', { caseId: theirs.id }, mine.owner);
    const again = await backend.data('case', 'similar', { stationId: STATION, title: '电梯停运' }, mine.owner);
    expect(again.cases.find((c) => c.id === theirs.id)).toMatchObject({ joined: true, joinCount: 1 });
  });

  it('finds a case of the same category nearby without shared words', async () => {
    const near = await acceptedCase({ title: '路口井盖松动', category: 'complaint', location: { latitude: 22.5515, longitude: 114.0775 } });
    const answer = await backend.data('case', 'similar', { stationId: STATION, category: 'complaint', latitude: 22.553, longitude: 114.0775 }, newOpenid('composer'));
    expect(answer.cases.find((c) => c.id === near.id)).toMatchObject({ distance: 167 });
  });

  it('is for residents only, and rate-limited', async () => {
    expect(await backend.call('case', 'similar', { stationId: STATION, title: '楼道灯' }, OFFICER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const composer = newOpenid('searcher');
    const answers = [];
    for (let i = 0; i < 31; i += 1) answers.push(await backend.call('case', 'similar', { stationId: STATION, title: `楼道灯坏了${i}` }, composer));
    expect(answers.slice(0, 30).every((a) => a.ok)).toBe(true);
    expect(answers[30]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});

describe('case.join and case.unjoin', () => {
  it('joins once however often it is asked, replaces the note, and undoes', async () => {
    const target = await acceptedCase({ title: '小区门口路面塌陷' });
    const joiner = newOpenid('joiner');
    expect(await backend.data('case', 'join', { caseId: target.id, note: '我家门口也塌了' }, joiner)).toEqual({ caseId: target.id, joined: true, joinCount: 1 });
    expect(await backend.data('case', 'join', { caseId: target.id, note: '补充：下雨后更严重' }, joiner)).toEqual({ caseId: target.id, joined: true, joinCount: 1 });
    const joins = await joinsOfCase(target.id);
    expect(joins).toHaveLength(1);
    expect(joins[0]).toMatchObject({ note: '补充：下雨后更严重', openid: joiner });
    expect((await caseDocument(backend, target.id)).joinCount).toBe(1);

    expect(await backend.data('case', 'unjoin', { caseId: target.id }, joiner)).toEqual({ caseId: target.id, joined: false, joinCount: 0 });
    expect(await backend.data('case', 'unjoin', { caseId: target.id }, joiner)).toEqual({ caseId: target.id, joined: false, joinCount: 0 });
    expect(await joinsOfCase(target.id)).toHaveLength(0);
    expect((await caseDocument(backend, target.id)).joinCount).toBe(0);
  });

  it("refuses one's own case, and a case that is not open and public the same way as one that does not exist", async () => {
    const own = await acceptedCase();
    expect(await backend.call('case', 'join', { caseId: own.id }, own.owner)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('自己的留言') },
    });

    const privateOne = await acceptedCase({ public: false });
    const waiting = await backend.data('case', 'submit', submission(), newOpenid('owner'));
    const joiner = newOpenid('joiner');
    const missing = await backend.call('case', 'join', { caseId: 'no-such-case' }, joiner);
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const caseId of [privateOne.id, waiting.caseId]) expect(await backend.call('case', 'join', { caseId }, joiner)).toEqual(missing);
    expect(await backend.call('case', 'join', { caseId: own.id, note: 'x'.repeat(501) }, joiner)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'note' },
    });
  });

  it('allows 20 new joins a day, and still lets a join edit its note', async () => {
    const joiner = newOpenid('eager');
    const cases = [];
    for (let i = 0; i < 21; i += 1) cases.push(await acceptedCase({ title: `第 ${i} 处路灯不亮` }));
    for (const c of cases.slice(0, 20)) await backend.data('case', 'join', { caseId: c.id }, joiner);
    const before = await backend.db.collection('case_joins').where({ openid: joiner }).count();
    expect(await backend.call('case', 'join', { caseId: cases[20].id }, joiner)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect((await backend.db.collection('case_joins').where({ openid: joiner }).count()).total).toBe(before.total);
    expect(await backend.call('case', 'join', { caseId: cases[0].id, note: '改一下说明' }, joiner)).toMatchObject({ ok: true });
  });

  it('lists what the caller joined, newest first, as the public sees it', async () => {
    const first = await acceptedCase({ title: '公园健身器材损坏' });
    const second = await acceptedCase({ title: '公园路灯损坏' });
    const joiner = newOpenid('joiner');
    await backend.data('case', 'join', { caseId: first.id }, joiner);
    await backend.data('case', 'join', { caseId: second.id }, joiner);
    const { cases } = await backend.data('case', 'joined', {}, joiner);
    expect(cases.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(cases[0]).toMatchObject({ title: '公园路灯损坏', status: 'accepted', joinCount: 1, station: { id: STATION } });
    expect(cases[0].joinedAt).toEqual(expect.any(String));
    expect(JSON.stringify(cases)).not.toContain(first.owner);
  });
});

describe('joiners hear the status changes, on their own grants', () => {
  it('a joiner with a grant gets the reply notice opening the public page; one without gets nothing; the owner as before', async () => {
    const target = await acceptedCase({ title: '三号楼电梯困人' });
    const withGrant = newOpenid('joiner-granted');
    const withoutGrant = newOpenid('joiner-no-grant');
    for (const openid of [withGrant, target.owner]) {
      await backend.data('subscription', 'record', { results: { [REPLY]: 'accept' } }, openid);
      await backend.wx.grant(openid, REPLY);
    }
    await backend.data('case', 'join', { caseId: target.id }, withGrant);
    await backend.data('case', 'join', { caseId: target.id }, withoutGrant);

    await backend.data('case', 'reply', { ...ref(target), content: '已联系电梯公司，今天下午检修。' }, OFFICER);
    // The owner's notice goes out with the change, as before.
    const toOwner = await backend.wx.sent({ openid: target.owner });
    expect(toOwner.map((m) => [m.template_id, m.page])).toEqual([[REPLY, `packages/case/detail/index?id=${target.id}`]]);
    // The joiners' are written with the change and delivered by the scheduler's dispatcher.
    const stored = await caseDocument(backend, target.id);
    expect(stored.outbox.filter((n: { openid: string }) => n.openid === withGrant || n.openid === withoutGrant).map((n: { state: string }) => n.state)).toEqual([
      'pending',
      'pending',
    ]);
    const { status } = await backend.fireTimer('scheduler', 'tick');
    expect(status).toBe(200);

    const toJoiner = await backend.wx.sent({ openid: withGrant });
    expect(toJoiner.map((m) => [m.template_id, m.page])).toEqual([[REPLY, `${PUBLIC_PAGE}?id=${target.id}`]]);
    expect(await backend.wx.sent({ openid: withoutGrant })).toEqual([]);
    const after = await caseDocument(backend, target.id);
    const states = Object.fromEntries(after.outbox.map((n: { openid: string; state: string }) => [n.openid, n.state]));
    expect(states).toMatchObject({ [withGrant]: 'sent', [withoutGrant]: 'skipped_no_grant', [target.owner]: 'sent' });
  });

  it('a case nobody joined writes no joiner notice', async () => {
    const target = await acceptedCase();
    await backend.data('case', 'start', ref(target), OFFICER);
    const stored = await caseDocument(backend, target.id);
    expect(stored.outbox.every((n: { openid: string; _id: string }) => !n._id.includes(':joiner:'))).toBe(true);
    expect(stored.outbox.map((n: { templateId: string }) => n.templateId)).toContain(STATUS);
  });
});

describe('the handlers see the 附议 and what joiners added', () => {
  it('officers see the notes as written, the assigned deputy with numbers masked, residents not at all; the inbox shows the count', async () => {
    const target = await acceptedCase({ title: '小区消防通道被占' });
    const byNobody = await acceptedCase();
    const assigned = await backend.data('case', 'assign', { ...ref(target), deputyId: DEPUTY_ID }, OFFICER);
    const joiner = newOpenid('joiner');
    const photo = await uploadedPhoto(backend, joiner);
    await backend.data('case', 'join', { caseId: target.id, note: '晚上也被占，可打 13812345678 找我', photoFileIds: [photo] }, joiner);
    await backend.data('case', 'join', { caseId: target.id }, newOpenid('joiner'));

    const officer = await backend.data('case', 'get', { caseId: target.id }, OFFICER);
    expect(officer).toMatchObject({ joinCount: 2, publicConsent: true });
    expect(officer.joinNotes).toHaveLength(1);
    expect(officer.joinNotes![0]).toMatchObject({ note: '晚上也被占，可打 13812345678 找我', photos: [{ fileId: photo }] });
    expect(JSON.stringify(officer.joinNotes)).not.toContain(joiner);

    const deputy = await backend.data('case', 'get', { caseId: target.id }, DEPUTY);
    expect(deputy.joinNotes![0].note).toBe('晚上也被占，可打 138****5678 找我');
    const owner = await backend.data('case', 'get', { caseId: target.id }, target.owner);
    expect(owner).toMatchObject({ joinCount: 2, publicConsent: true });
    expect(owner.joinNotes).toBeUndefined();

    expect(await inboxLine(assigned.id)).toMatchObject({ joinCount: 2 });
    expect(await inboxLine(byNobody.id)).toMatchObject({ joinCount: 0 });
  });

  it('stores the consent as chosen: allowed by default, never for an anonymous case', async () => {
    const byDefault = await acceptedCase();
    const refused = await acceptedCase({ public: false });
    const anonymous = await acceptedCase({ anonymous: true, public: true });
    const consents = await Promise.all([byDefault, refused, anonymous].map(async (c) => (await caseDocument(backend, c.id)).publicConsent));
    expect(consents).toEqual([true, false, false]);
    expect(await backend.data('case', 'get', { caseId: anonymous.id }, OFFICER)).toMatchObject({ publicConsent: false });
  });
});

describe('merge, deletion and export', () => {
  it('merging a duplicate moves its joiners to the case it joins, once each', async () => {
    const earlier = await acceptedCase({ title: '广场噪音扰民' });
    const later = await acceptedCase({ title: '广场舞噪音扰民' });
    const both = newOpenid('joiner-both');
    const one = newOpenid('joiner-one');
    await backend.data('case', 'join', { caseId: earlier.id }, both);
    await backend.data('case', 'join', { caseId: later.id, note: '每晚十点后还在放' }, both);
    await backend.data('case', 'join', { caseId: later.id }, one);

    await backend.data('case', 'merge', { ...ref(later), intoReceiptNo: earlier.receiptNo }, OFFICER);
    expect(await joinsOfCase(later.id)).toHaveLength(0);
    expect((await joinsOfCase(earlier.id)).map((j) => j.openid).sort()).toEqual([both, one].sort());
    expect((await caseDocument(backend, earlier.id)).joinCount).toBe(2);
    expect((await caseDocument(backend, later.id)).joinCount).toBe(0);
    // The duplicate's owner is told by their own case's notice, not made a joiner.
    expect((await joinsOfCase(earlier.id)).map((j) => j.openid)).not.toContain(later.owner);
    expect((await backend.data('case', 'joined', {}, one)).cases.map((c) => c.id)).toEqual([earlier.id]);
  });

  it('account deletion takes the joins away with their counts; the export lists them', async () => {
    const target = await acceptedCase({ title: '菜市场污水横流' });
    const leaving = newOpenid('leaving');
    await backend.data('case', 'join', { caseId: target.id, note: '气味很大' }, leaving);
    const exported = await backend.data('user', 'export', {}, leaving);
    expect(exported.joins).toEqual([{ caseId: target.id, joinedAt: expect.any(String), note: '气味很大', photoFileIds: [] }]);

    expect(await backend.data('user', 'deleteAccount', { confirm: '注销' }, leaving)).toMatchObject({ done: true });
    expect(await joinsOfCase(target.id)).toHaveLength(0);
    expect((await caseDocument(backend, target.id)).joinCount).toBe(0);
  });
});
